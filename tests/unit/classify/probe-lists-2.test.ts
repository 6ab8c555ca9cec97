/**
 * Three more reading lists of fields no earlier probe covered (issue 19's second "Done when",
 * session 16): psychology and education research pasted from a Google Scholar results page,
 * pure mathematics and theoretical physics with inline LaTeX, and computer systems, networking and
 * databases with five abstracts in French, Portuguese and Italian (tests/fixtures/probe-lists-2).
 * Each is ingested alone, with an empty taxonomy and with the shipped one, as a new user would.
 * What is asserted is what the fixture's README says a librarian expects of each kind of fault.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import type { Paper } from '../../../src/core/paper.ts';
import { parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import type { Taxonomy } from '../../../src/ingest/classify/taxonomy.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';

const DIR = 'tests/fixtures/probe-lists-2';
const FILES = ['psychology-education.txt', 'math-physics.txt', 'systems-mixed.txt'] as const;
const taxonomy = (text: string): Taxonomy => {
  const parsed = parseTaxonomy(text, 'taxonomy.yaml');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.taxonomy;
};
const TAXONOMIES = { empty: taxonomy('topics: []\ntags: {}\nstop-tags: []\n'), shipped: taxonomy(readFileSync('content/taxonomy.yaml', 'utf8')) };

const ingested = (file: string, tax: Taxonomy): Paper[] => runIngest({ sources: [{ path: `x/${file}` as SourcePath, bytes: readFileSync(`${DIR}/${file}`) }], existing: [], state: null, taxonomy: tax }).papers;
const runs = Object.entries(TAXONOMIES).flatMap(([name, tax]) => FILES.map((file) => ({ name: `${file}, ${name} taxonomy`, file, papers: ingested(file, tax) })));
const allTags = (papers: readonly Paper[]) => new Set(papers.flatMap((p) => p.tags.map((t) => t.toLowerCase())));

describe('the Google Scholar copy (psychology-education.txt)', () => {
  const text = readFileSync(`${DIR}/psychology-education.txt`, 'utf8');
  /** Each result: its title is the line above the byline (the line with " - " and a year or a host). */
  const results = text.split(/\n\n+/).map((block) => block.split('\n').filter((line) => !/^\[(?:PDF|HTML)\] \S+$/.test(line)));
  const papers = runs.find((r) => r.file === 'psychology-education.txt')!.papers;

  test('one paper a result: the full-text link, byline and action row ("Cited by 12 Related articles") are no papers', () => {
    expect(papers).toHaveLength(results.length);
    expect(papers).toHaveLength(23);
  });

  test('each paper is titled by its title line, without the kind markers ("[HTML][HTML]", "[CITATION][C]")', () => {
    expect(papers.map((p) => p.title)).toEqual(results.map((lines) => lines[0]!.replace(/^(?:\[[A-Z]+\])+\s*/, '')));
    expect(papers.every((p) => !p.derivedTitle)).toBe(true);
  });

  test('the byline gives the authors, the venue and the year ("DS Okafor, P Lindqvist, GM Alvarez… - Journal of Educational Psychology, 2019 - psycnet.apa.org")', () => {
    expect(papers[0]).toMatchObject({ authors: ['D. S. Okafor', 'P. Lindqvist', 'G. M. Alvarez'], venue: 'Journal of Educational Psychology', year: 2019 });
  });

  test('no tag is a host, a format or an author\'s surname ("psycnet", "html", "t oyelaran")', () => {
    const surnames = new Set(results.flatMap((lines) => lines[1]!.split(' - ')[0]!.replace(/…$/, '').split(/,\s*/).map((name) => name.split(' ').at(-1)!.toLowerCase())));
    for (const { papers: ps } of runs.filter((r) => r.file === 'psychology-education.txt')) {
      for (const tag of allTags(ps)) {
        expect(['html', 'pdf', 'psycnet', 'sagepub', 'frontiersin', 'researchgate', 'psyarxiv'], tag).not.toContain(tag);
        for (const word of tag.split(' ')) expect(surnames, tag).not.toContain(word);
      }
    }
  });
});

describe('the systems list beside the shipped taxonomy (systems-mixed.txt)', () => {
  test('the shipped machine-learning taxonomy pulls no systems, networking or database paper into its topics or tags', () => {
    const [empty, shipped] = ['empty', 'shipped'].map((name) => runs.find((r) => r.file === 'systems-mixed.txt' && r.name.endsWith(`${name} taxonomy`))!.papers);
    expect(shipped!.map((p) => [p.topic, p.tags])).toEqual(empty!.map((p) => [p.topic, p.tags]));
  });
});

describe('derived titles of the French and Portuguese bare abstracts (systems-mixed.txt)', () => {
  for (const { name, papers } of runs.filter((r) => r.file === 'systems-mixed.txt')) {
    const derived = papers.filter((p) => p.derivedTitle).map((p) => p.title);

    test(`"Ce travail présente …", "Este artigo avalia …" are the paper speaking, as "we" is: the title is what it presents, ${name}`, () => {
      expect(derived).toContain('Un système de fichiers distribué pour les grappes de calcul haute performance');
      expect(derived).toContain('O desempenho de protocolos de transporte QUIC e TCP');
    });
  }
});
