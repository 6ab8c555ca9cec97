/**
 * The bad-input contract (tests/fixtures/bad-input/README.md), case by case: each case folder's
 * input ingested alone (its expected report and entries are compared in fixture-cases.test.ts), and
 * the inputs of every case at once, as a user would drop them all into content/sources/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import type { Paper } from '../../../src/core/paper.ts';
import { RESERVED_SLUGS } from '../../../src/core/routes.ts';
import { isSlug } from '../../../src/core/slug.ts';
import { parseEntry } from '../../../src/core/entry-file.ts';
import { casesIn, caseSources, ingestCase, SOURCES_DIR } from '../../support/fixture-cases.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';
import { renderAbstract } from '../../../src/site/markdown/abstract-html.ts';

const DIR = 'tests/fixtures/bad-input';
const README = readFileSync(join(DIR, 'README.md'), 'utf8');
const CASES = casesIn(DIR);
const alone = new Map(CASES.map((name) => [name, ingestCase(join(DIR, name))]));
/** The whole folder: every case's input, and the README beside them. */
const out = ingestSources([
  ...CASES.flatMap((name) => caseSources(join(DIR, name))),
  { path: `${SOURCES_DIR}/README.md` as SourcePath, bytes: Buffer.from(README), fromFolder: true },
]);

/** The papers of a case, ingested alone. */
const inCase = (name: string): Paper[] => alone.get(name)!.papers;
const issuesOf = (name: string) => alone.get(name)!.issues.map((i) => [i.kind, i.line, i.rule]);
const titled = (name: string, title: string) => inCase(name).find((p) => p.title === title)!;

/** What a reader sees: the abstract rendered by the site's Markdown pipeline, as a DOM. */
async function rendered(paper: Paper) {
  return load(await renderAbstract(paper.body));
}

describe('the case folders', () => {
  test('hold exactly the files the README’s table names, one case per file', () => {
    const named = [...README.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, files]) => files!.split(',').map((f) => f.trim())).filter((f) => /\.\w+$/.test(f));
    const inputs = CASES.flatMap((name) => caseSources(join(DIR, name)).map((s) => s.path.slice(SOURCES_DIR.length + 1)));
    expect(inputs.sort()).toEqual(named.sort());
    expect(CASES).toEqual(inputs.map((file) => file.replace(/\.\w+$/, '')).sort());
  });

  test.each(CASES)('%s alone accounts for every abstract: a paper, a merge or a line of the report', (name) => {
    const { report } = alone.get(name)!;
    expect(report.papers + report.merged.length).toBe(report.files.reduce((n, f) => n + f.abstracts, 0));
    expect(report.files.map((f) => f.file)).toEqual(caseSources(join(DIR, name)).map((s) => s.path));
  });
});

describe('the inputs of every case at once, with the README beside them', () => {
  test('accounts for every abstract: a paper, a merge or a skip', () => {
    const abstracts = out.report.files.reduce((n, f) => n + f.abstracts, 0);
    const mergedOrPaper = out.report.papers + out.report.merged.length;
    expect(mergedOrPaper).toBe(abstracts);
    // Files and lines that are not abstracts (binary, empty, a dangling title) are listed as skipped.
    expect(out.report.skipped.map((s) => s.file.replace(`${SOURCES_DIR}/`, '')).sort()).toEqual(['README.md', 'binary.png', 'empty.txt', 'odd-structure.txt', 'whitespace.txt']);
  });

  test('gives every paper a unique, URL-safe slug of at most 100 characters that is no site route', () => {
    const slugs = out.papers.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(isSlug(slug), slug).toBe(true);
      expect(RESERVED_SLUGS.has(slug), slug).toBe(false);
    }
  });

  test('writes entries whose front matter reads back to exactly the same values', () => {
    for (const paper of out.papers) {
      const parsed = parseEntry(out.entries.get(`${paper.slug}.md`)!);
      expect(parsed.ok && parsed.data.title).toBe(paper.title);
    }
  });
});

describe('xss', () => {
  test('keeps HTML and script in titles as literal text', () => {
    expect(inCase('xss').map((p) => p.title)).toEqual(["<script>alert('title')</script> Robust Attention", 'Closing </textarea></title><svg onload=alert(4)> Tags']);
  });

  test('renders abstracts with no element from the input and no javascript: link', async () => {
    for (const paper of inCase('xss')) {
      const $ = await rendered(paper);
      expect($('script, img, iframe, svg, textarea, title').length).toBe(0);
      expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(paper.abstract.includes('example.org') ? ['https://example.org/code?a=1&b='] : []);
      expect($.root().text().trim()).toBe(paper.abstract);
    }
  });
});

describe('mdx-and-templates', () => {
  test('keeps expressions, imports, JSX and template syntax as literal text', async () => {
    const [curly, imports] = inCase('mdx-and-templates');
    expect(curly!.title).toBe('Curly Braces {in} Titles');
    expect(imports!.title).toBe("import fs from 'node:fs'");
    const text = (await rendered(imports!)).root().text();
    expect(text).toContain("export const x = 1; We study");
    expect(text).toContain("{{ template }} and {% liquid %} and ${'$'}{shell} must all stay literal text.");
    expect((await rendered(curly!)).root().text()).toContain('{this http url} and emphasised words, plus {process.exit(1)} and <Component prop={1} />.');
  });
});

describe('yaml-hostile', () => {
  test('keeps titles that break naive YAML front matter exactly', () => {
    expect(inCase('yaml-hostile').map((p) => p.title).sort()).toEqual(
      ['&anchor *alias !!js/function \'single\' "double" `back` | > @at', '- a title that starts like a YAML list item', 'Attention: Is All You Need? --- # not a comment'].sort(),
    );
  });
});

describe('unicode-crlf-bom', () => {
  test('repairs the BOM, CRLF, invisible and unusual spaces, and says so', () => {
    expect(issuesOf('unicode-crlf-bom')).toEqual(
      expect.arrayContaining([['repaired', null, 'line-endings'], ['repaired', 1, 'bom'], ['repaired', 2, 'invisible-char'], ['repaired', 2, 'unusual-space']]),
    );
  });

  test('composes combining accents and keeps emoji and non-Latin titles', () => {
    const titles = inCase('unicode-crlf-bom').map((p) => p.title);
    expect(titles).toContain('Poincaré Embeddings for λ-Calculus 🚀');
    expect(titles).toContain('注意力机制的研究');
    expect(titles).toContain('???');
    expect(titled('unicode-crlf-bom', 'Poincaré Embeddings for λ-Calculus 🚀').abstract).toContain('combining é accents');
  });

  test('gives a Chinese-only title a readable slug, and a title without letters a stable one', () => {
    expect(titled('unicode-crlf-bom', '注意力机制的研究').slug).toBe('zhu-yi-li-ji-zhi-de-yan-jiu');
    expect(titled('unicode-crlf-bom', '???').slug).toMatch(/^paper-[0-9a-f]{6}$/);
  });
});

describe('collisions', () => {
  test('keeps distinct papers with clashing titles apart, each with its own slug', () => {
    const papers = inCase('collisions');
    expect(papers).toHaveLength(5);
    expect(papers.map((p) => p.slug).sort()).toEqual(expect.arrayContaining(['deep-nets', 'etc-passwd']));
    expect(papers.filter((p) => p.slug.startsWith('deep-nets'))).toHaveLength(3);
    expect(titled('collisions', 'Tags').slug).not.toBe('tags');
  });
});

describe('odd-structure', () => {
  test('keeps the dangling-looking title with its abstract, warns on the short one, skips the real dangling title', () => {
    expect(inCase('odd-structure').map((p) => p.title)).toEqual(['A Title Whose Abstract Is Missing At The End Of A Listing Dump', 'Short']);
    expect(issuesOf('odd-structure')).toEqual(expect.arrayContaining([['warning', 4, 'short-abstract'], ['skipped', 5, 'title-without-abstract']]));
  });
});

describe('math', () => {
  test('keeps money as text and real math as math, and shows broken math as typed', async () => {
    const paper = titled('math', 'Unbalanced Dollars and Real Money');
    expect(paper.abstract).toContain('It costs $5 and $10 to run, the rate is $O(n \\log n)$ and display $$\\sum_i x_i^2$$ works, but $\\frac{1}{2 is broken.');
    const $ = await rendered(paper);
    expect($('.katex').length).toBe(2);
    expect($.root().text()).toContain('It costs $5 and $10 to run');
    expect(issuesOf('math')).toContainEqual(['warning', 2, 'math-unclosed']);
  });

  test('turns LaTeX leftovers into the characters they meant', () => {
    expect(titled('math', 'LaTeX Leftovers').abstract).toContain('Poincaré balls, Böhm, 100% recall, Łojasiewicz, 360° cameras, Embedding&MLP, “quoted” text – and {sets}.');
  });
});

describe('files with nothing to ingest', () => {
  test.each([
    ['empty', 'empty-file'],
    ['whitespace', 'no-abstracts'],
    ['binary', 'not-text'],
  ])('%s is skipped with a clear reason', (name, rule) => {
    expect(inCase(name)).toEqual([]);
    expect(issuesOf(name)).toContainEqual(['skipped', null, rule]);
  });

  test('a non-.txt text file in the folder is skipped, not read as a dump', () => {
    expect(out.issues.filter((i) => i.file === `${SOURCES_DIR}/README.md`).map((i) => [i.kind, i.line, i.rule])).toEqual([['skipped', null, 'not-txt']]);
  });
});

describe('latin1', () => {
  test('is decoded as latin-1, and the repair is reported', () => {
    expect(inCase('latin1').map((p) => p.title)).toEqual(['Réseaux de neurones profonds']);
    expect(issuesOf('latin1')).toContainEqual(['repaired', null, 'not-utf8']);
  });
});

describe('huge-line and long-title', () => {
  test('keep an abstract of about 370 KB whole', () => {
    const [paper] = inCase('huge-line');
    expect(paper!.abstract.length).toBeGreaterThan(360_000);
  });

  test('keep a title over 1,000 characters, warn about it, and cut only its slug', () => {
    // Alone: in the whole folder its abstract is also yaml-hostile.txt's, whose saner title wins the merge.
    const [paper] = inCase('long-title');
    expect(paper!.title.length).toBeGreaterThan(1000);
    expect(paper!.slug.length).toBeLessThanOrEqual(100);
    expect(issuesOf('long-title')).toContainEqual(['warning', 1, 'long-title']);
  });
});
