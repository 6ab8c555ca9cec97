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

/** The README's fields, by paper index in file order: the psychology list is one field. */
const FIELDS: Record<(typeof FILES)[number], readonly number[]> = {
  'psychology-education.txt': Array<number>(23).fill(0),
  // Mathematics (moduli, number theory, PDE, knots), physics (holography, amplitudes, topological phases), then random matrices.
  'math-physics.txt': [...Array<number>(12).fill(0), ...Array<number>(9).fill(1), 0, 0, 0],
  // Systems (consensus), databases (query optimization, transactions), networking (congestion control), systems (file systems,
  // kernel storage, key-value stores), networking (programmable and software-defined networks), papers in other languages.
  'systems-mixed.txt': [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 3, 3, 3],
};
const byTopic = (papers: readonly Paper[]) => Map.groupBy(papers.keys(), (i) => papers[i]!.topic);
const mixedTopics = (file: (typeof FILES)[number], papers: readonly Paper[]) =>
  [...byTopic(papers)].filter(([, members]) => new Set(members.map((i) => FIELDS[file][i])).size > 1).map(([name]) => name);

describe.each(runs)('$name', ({ papers }) => {
  test('8 to 20 topics, none over a quarter of the list', () => {
    const topics = byTopic(papers);
    expect(topics.size).toBeGreaterThanOrEqual(8);
    expect(topics.size).toBeLessThanOrEqual(20);
    for (const [name, members] of topics) expect(members.length, name).toBeLessThanOrEqual(0.25 * papers.length);
  });
});

// The systems list mixes two fields in one topic today: see the known faults below.
describe.each(runs.filter((r) => r.file !== 'systems-mixed.txt'))('$name', ({ file, papers }) => {
  test('no topic holds papers of two fields (mathematics beside physics)', () => {
    expect(FIELDS[file]).toHaveLength(papers.length);
    expect(mixedTopics(file, papers)).toEqual([]);
  });
});

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
  test('every paper has a tag, the French and Portuguese bare abstracts too (their derived titles give the candidates)', () => {
    for (const { papers } of runs.filter((r) => r.file === 'systems-mixed.txt')) expect(papers.filter((p) => p.tags.length === 0).map((p) => p.title)).toEqual([]);
  });

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

describe('titles of the mathematics and physics list (math-physics.txt)', () => {
  test('TeX\'s "--" between two names is the en dash it stands for ("Navier--Stokes" is "Navier–Stokes")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'math-physics.txt')) {
      expect(papers.find((p) => p.title.startsWith('Global regularity'))!.title).toBe('Global regularity for the three-dimensional Navier–Stokes equations with small initial data in critical spaces');
    }
  });
});

describe('names in the psychology list (psychology-education.txt)', () => {
  // Fixed in session 16 (s16-clauses): the name phrase took the verb after its term ("cross-lagged panel models show that …") as its head.
  test('no topic name ends in a verb ("Cross-Lagged Panel Models Show")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'psychology-education.txt')) {
      expect([...byTopic(papers).keys()].filter((name) => / Show$/.test(name))).toEqual([]);
    }
  });

  // Fixed in session 16 (s16-clauses): terms.ts read the "and" of a name as a break.
  test('no tag is cut at an "and" inside a name ("Difficulties Questionnaire" of "the Strengths and Difficulties Questionnaire")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'psychology-education.txt')) expect([...allTags(papers)]).not.toContain('difficulties questionnaire');
  });
});

describe('tags of the mathematics and physics list (math-physics.txt)', () => {
  // Fixed in session 16 (s16-clauses): terms.ts read the en dash as a break. Two names are joined across it only before the noun
  // they name: joining any pair cost gold-80 tag F1 vs B 0.518 -> 0.517 ("Vapnik--Chervonenkis (VC) dimension" made "Vapnik chervonenkis" a tag).
  test('no tag is a name cut at the en dash that joins it to another ("Navier" of TeX\'s "Navier--Stokes equations")', () => {
    const names = [...readFileSync(`${DIR}/math-physics.txt`, 'utf8').matchAll(/(\p{Lu}\p{Ll}+)--\p{Lu}/gu)].map((m) => m[1]!.toLowerCase());
    expect(names).toContain('navier');
    for (const { papers } of runs.filter((r) => r.file === 'math-physics.txt')) {
      expect([...allTags(papers)].filter((t) => names.includes(t.split(' ').at(-1)!))).toEqual([]);
    }
  });
});

/** Faults the probe found and this session left (see the README's table): each fails today, for the reason given. */
describe('known faults, not fixed yet', () => {
  const empty = (file: string) => runs.find((r) => r.file === file && r.name.endsWith('empty taxonomy'))!.papers;

  // A word two subjects write in two senses ("partitions" of a network, of a table) joins a Raft paper and a warehouse paper (cluster.ts, naming.ts).
  test.fails('no topic of the systems list holds papers of two fields ("Partitions": a consensus paper beside a query processing paper)', () => {
    expect(mixedTopics('systems-mixed.txt', empty('systems-mixed.txt'))).toEqual([]);
  });

  // Words every mathematics paper writes are shared by papers of unrelated subjects, so they pass as tags (tag-select.ts).
  test.fails('no tag is a word of any mathematics abstract ("theorem", "conjecture")', () => {
    expect([...allTags(empty('math-physics.txt'))].filter((t) => t === 'theorem' || t === 'conjecture')).toEqual([]);
  });


});
