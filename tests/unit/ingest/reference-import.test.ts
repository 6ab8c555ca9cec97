/**
 * Issue 17: a BibTeX, a RIS and a CSL-JSON export of the same 30 papers (tests/fixtures/reference-exports,
 * see its README for the quirks and expected outcomes) build into the same 30 papers with the same
 * metadata, alone, together, and with a dump that holds 10 of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatEntry, parseEntry } from '../../../src/core/entry-file.ts';
import type { Paper } from '../../../src/core/paper.ts';
import type { Slug } from '../../../src/core/slug.ts';
import { parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import { runIngest, type ExistingEntry, type IngestOutput } from '../../../src/ingest/pipeline.ts';
import { sourcesIn } from '../../support/ingest-fixtures.ts';

const DIR = 'tests/fixtures/reference-exports';
interface Expected {
  title: string;
  authors: string[];
  year: number;
  venue?: string;
  ids?: Record<string, string>;
  links?: Array<{ label: string; url: string }>;
  hasAbstract: boolean;
  inDump: boolean;
  keywords?: string[];
}
const expected = (JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as { papers: Expected[] }).papers;
const dumpAbstracts = new Map(
  readFileSync(`${DIR}/dump-10.txt`, 'utf8').split('\n\n').filter(Boolean).map((block) => block.split('\n') as [string, string]),
);
const taxonomy = (() => {
  const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.taxonomy;
})();

const EXPORTS = ['library.bib', 'library.ris', 'library.json'];
/** Where each export's one broken record starts (README). */
const BROKEN_LINE: Record<string, number> = { 'library.bib': 136, 'library.ris': 367, 'library.json': 444 };

function ingest(files: readonly string[], existing: ExistingEntry[] = [], state: IngestOutput['state'] | null = null): IngestOutput {
  return runIngest({ sources: sourcesIn(DIR, (name) => files.includes(name)), existing, state, taxonomy });
}

const metadata = (p: Pick<Paper, 'title' | 'authors' | 'year' | 'venue' | 'ids' | 'links'>) => ({
  title: p.title,
  authors: p.authors,
  year: p.year,
  venue: p.venue,
  ids: p.ids,
  links: p.links,
});
const expectedMetadata = (e: Expected) => ({ title: e.title, authors: e.authors, year: e.year, venue: e.venue, ids: e.ids, links: e.links });
const byTitle = (out: IngestOutput) => new Map(out.papers.map((p) => [p.title, p]));

const CASES: Array<[string, string[]]> = [
  ...EXPORTS.map((f): [string, string[]] => [f, [f]]),
  ['all three exports', EXPORTS],
  ...EXPORTS.map((f): [string, string[]] => [`${f} with the dump of 10`, [f, 'dump-10.txt']]),
  ['all three exports with the dump of 10', [...EXPORTS, 'dump-10.txt']],
];

describe.each(CASES)('%s', (_, files) => {
  const out = ingest(files);
  const withDump = files.includes('dump-10.txt');

  test('builds the same 30 papers with the metadata of the fixture', () => {
    expect(out.papers).toHaveLength(30);
    const papers = byTitle(out);
    for (const e of expected) {
      const paper = papers.get(e.title);
      expect(paper, e.title).toBeDefined();
      expect(metadata(paper!)).toEqual(expectedMetadata(e));
    }
  });

  test('reports each broken record with file and line, and reads the rest', () => {
    const exportsHere = files.filter((f) => f in BROKEN_LINE);
    expect(out.report.skipped).toEqual([...exportsHere].sort().map((f) => expect.objectContaining({ file: `${DIR}/${f}`, line: BROKEN_LINE[f] })));
  });

  test('a record without abstract gets a page, listed in the report; a dump fills its abstract', () => {
    const missing = expected.filter((e) => !e.hasAbstract);
    expect(missing).toHaveLength(1);
    const paper = byTitle(out).get(missing[0]!.title)!;
    const warned = out.report.warnings.filter((w) => w.message.startsWith('no abstract'));
    if (withDump) {
      expect(paper.abstract).toBe(dumpAbstracts.get(paper.title));
      expect(warned).toEqual([]);
    } else {
      expect(paper.abstract).toBe('');
      expect(paper.tags.length).toBeGreaterThan(0);
      expect(paper.topic).not.toBe('');
      expect(warned).toEqual([expect.objectContaining({ message: expect.stringContaining(paper.title) })]);
    }
  });

  if (withDump) {
    test('merges the dump’s papers with the export’s records and says by what; the dump’s abstract is shown', () => {
      const inDump = expected.filter((e) => e.inDump);
      for (const e of inDump) expect(byTitle(out).get(e.title)!.abstract).toBe(dumpAbstracts.get(e.title));
      // The record without abstract and the one whose dump copy lost a sentence match by title.
      const byTitleMerges = out.report.merged.filter((m) => m.by === 'title' && m.file.endsWith(files[0]!));
      expect(byTitleMerges.map((m) => out.papers.find((p) => p.id === m.into)!.title).sort()).toEqual(
        ['Dependency resolution at the syntax-semantics interface: psycholinguistic and computational insights on control dependencies', 'Revealing Single Frame Bias for Video-and-Language Learning'],
      );
    });
  }
});

describe('the quirks of the exports', () => {
  const bib = byTitle(ingest(['library.bib']));

  test('LaTeX accents, braces for capitals, \\emph and @string macros with crossref clean like a dump’s text', () => {
    expect(bib.get('EM Pre-training for Multi-party Dialogue Response Generation')).toBeDefined();
    expect(bib.get('SafeConv: Explaining and Correcting Conversational Unsafe Behavior')!.abstract).toContain('prevalence of unsafe behavior');
    expect(bib.get('SafeConv: Explaining and Correcting Conversational Unsafe Behavior')!.body).toContain('*unsafe*');
    expect(bib.get('SafeConv: Explaining and Correcting Conversational Unsafe Behavior')!.authors![0]).toBe('Zoë Šimić');
  });

  test('the same abstract is the same paper id whatever the export format', () => {
    const ids = EXPORTS.map((f) => ingest([f]).papers.map((p) => `${p.title}\u0000${p.id}`).sort());
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  test('keywords that are vocabulary terms become tags; library categories do not', () => {
    const hallucination = bib.get('Detecting and Mitigating Hallucinations in Machine Translation: Model Internal Workings Alone Do Well, Sentence Similarity Even Better')!;
    expect(hallucination.tags[0]).toBe('machine translation');
    const simulators = bib.get('One Cannot Stand for Everyone! Leveraging Multiple User Simulators to train Task-oriented Dialogue Systems')!;
    expect(simulators.tags[0]).toBe('task-oriented dialogue'); // the keyword "task-oriented dialogue" is a taxonomy tag
    const allTags = [...bib.values()].flatMap((p) => p.tags);
    expect(allTags.filter((t) => /computer science/i.test(t))).toEqual([]);
  });
});

describe('hand edits of metadata', () => {
  test('an edited author list and a deleted venue survive re-ingest; untouched fields stay generated', () => {
    const first = ingest(['library.bib']);
    const [name, text] = [...first.entries].find(([, t]) => t.includes('venue:'))!;
    const parsed = parseEntry(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const { venue: _dropped, ...rest } = parsed.data;
    const edited = formatEntry({ ...rest, authors: ['Ada Lovelace'] }, parsed.body);
    const existing = [...new Map(first.entries).set(name, edited)].map(([n, t]) => {
      const e = parseEntry(t);
      if (!e.ok) throw new Error(e.error);
      return { slug: n.replace(/\.md$/, '') as Slug, data: e.data };
    });
    const second = ingest(['library.bib'], existing, first.state);
    const after = parseEntry(second.entries.get(name)!);
    expect(after.ok && after.data.authors).toEqual(['Ada Lovelace']);
    expect(after.ok && after.data.venue).toBeUndefined();
    expect(after.ok && after.data.year).toBe(parsed.data.year);
    expect(after.ok && after.data.ids).toEqual(parsed.data.ids);
  });
});
