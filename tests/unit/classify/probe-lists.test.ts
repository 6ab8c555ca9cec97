/**
 * Three reading lists of fields no earlier probe covered (issue 19's second "Done when", session 15):
 * ecology and climate science pasted from PubMed, materials science and chemistry, and law and the
 * history of science with abstracts in German and Spanish (tests/fixtures/probe-lists). Each is
 * ingested alone, with an empty taxonomy and with the shipped one, as a new user would. What is
 * asserted is what the fixture's README says a librarian expects of each kind of fault.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import type { Paper } from '../../../src/core/paper.ts';
import { parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import type { Taxonomy } from '../../../src/ingest/classify/taxonomy.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';

const DIR = 'tests/fixtures/probe-lists';
const taxonomy = (text: string): Taxonomy => {
  const parsed = parseTaxonomy(text, 'taxonomy.yaml');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.taxonomy;
};
const TAXONOMIES = { empty: taxonomy('topics: []\ntags: {}\nstop-tags: []\n'), shipped: taxonomy(readFileSync('content/taxonomy.yaml', 'utf8')) };

/** The README's subjects: the papers' indexes in file order, one subject a range. */
const SUBJECTS = {
  'ecology-climate.txt': [3, 3, 3, 3, 3, 3, 3, 2],
  'materials-chemistry.txt': [4, 4, 4, 4, 3, 3, 3],
};
/** law-history.txt: ten law papers, then eight history of science papers, then six in German and Spanish. */
const LAW = 10;
const HISTORY = 8;

const ingested = (file: string, tax: Taxonomy): Paper[] => runIngest({ sources: [{ path: `x/${file}` as SourcePath, bytes: readFileSync(`${DIR}/${file}`) }], existing: [], state: null, taxonomy: tax }).papers;
const runs = Object.entries(TAXONOMIES).flatMap(([name, tax]) => ['ecology-climate.txt', 'materials-chemistry.txt', 'law-history.txt'].map((file) => ({ name: `${file}, ${name} taxonomy`, file, papers: ingested(file, tax) })));
const subjectOf = (counts: readonly number[]) => counts.flatMap((c, s) => Array<number>(c).fill(s));
const byTopic = (papers: readonly Paper[]) => Map.groupBy(papers.keys(), (i) => papers[i]!.topic);
const allTags = (papers: readonly Paper[]) => new Set(papers.flatMap((p) => p.tags.map((t) => t.toLowerCase())));

describe.each(runs)('$name', ({ file, papers }) => {
  test('8 to 20 topics, none over a quarter of the list (a short list of one field is no topic)', () => {
    const topics = byTopic(papers);
    expect(topics.size).toBeGreaterThanOrEqual(8);
    expect(topics.size).toBeLessThanOrEqual(20);
    for (const [name, members] of topics) expect(members.length, name).toBeLessThanOrEqual(0.25 * papers.length);
  });

  test('no topic holds papers of two subjects (two fields in the law and history list)', () => {
    const subject = file === 'law-history.txt' ? papers.map((_, i) => (i < LAW ? 0 : i < LAW + HISTORY ? 1 : 2)) : subjectOf(SUBJECTS[file as keyof typeof SUBJECTS]);
    expect(subject).toHaveLength(papers.length);
    for (const [name, members] of byTopic(papers)) if (subject[members[0]!] !== 2) expect(new Set(members.map((i) => subject[i])), name).toEqual(new Set([subject[members[0]!]]));
  });
});

describe('the PubMed copy (ecology-climate.txt)', () => {
  const text = readFileSync(`${DIR}/ecology-climate.txt`, 'utf8');
  const blocks = text.split(/\n(?=\d+\. [A-Z])/);
  const papers = runs.find((r) => r.file === 'ecology-climate.txt')!.papers;

  test('each paper is titled by the line under its citation, not by its author line', () => {
    // Without the period PubMed ends each title with (split-records.ts, withoutCitationPeriod).
    const titles = blocks.map((b) => b.split('\n\n')[1]!.trim().replace(/\.$/, ''));
    expect(papers.map((p) => p.title)).toEqual(titles);
    expect(papers.every((p) => !p.derivedTitle)).toBe(true);
  });

  test('no tag is an author\'s name ("Osei B", "Garibaldi LA")', () => {
    const surnames = new Set(blocks.flatMap((b) => b.split('\n\n')[2]!.split(/,\s*/).map((a) => a.replace(/\(\d+\)|\.$/g, '').trim().split(' ')[0]!.toLowerCase())));
    for (const tag of allTags(papers)) for (const word of tag.split(' ')) expect(surnames, tag).not.toContain(word);
  });
});

describe('tags of the materials list (materials-chemistry.txt)', () => {
  const tags = runs.filter((r) => r.file === 'materials-chemistry.txt').map((r) => allTags(r.papers));

  test('no unit of measure ("mA cm-2" of "400 mA cm-2")', () => {
    for (const all of tags) expect([...all].filter((t) => /\bcm-2\b|\bmpa\b|\bmev\b/.test(t))).toEqual([]);
  });

  test('no tag ends in a hyphenated compound the list writes only before a noun ("operando X-ray" of "operando X-ray diffraction")', () => {
    for (const all of tags) expect([...all].filter((t) => t.endsWith('x-ray'))).toEqual([]);
  });

  test('no tag opens with "in" before an adjective ("in alkaline electrolyte": "in vitro" is glued, "in alkaline" is not)', () => {
    for (const all of tags) expect([...all].filter((t) => t.startsWith('in '))).toEqual([]);
  });
});

describe('derived titles of the German and Spanish bare abstracts (law-history.txt)', () => {
  for (const { name, papers } of runs.filter((r) => r.file === 'law-history.txt')) {
    const derived = (start: string) => papers.find((p) => p.derivedTitle && p.title.startsWith(start))?.title;

    test(`an ordinal's period ends no sentence in German ("des 19. Jahrhunderts"), ${name}`, () => {
      expect(derived('Die Rezeption')).toBe('Die Rezeption der Evolutionstheorie Darwins in der deutschen Zoologie des 19. Jahrhunderts');
    });

    test(`a sentence cut for length ends before the phrase the cut broke ("… y la influencia del"), ${name}`, () => {
      expect(derived('La protección')).toBe('La protección de datos personales en América Latina');
    });
  }
});

describe('tags of the law and history of science list (law-history.txt)', () => {
  test('no possessor\'s full name glued to what it owns ("Robert Boyle air", "justus von Liebig laboratory")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'law-history.txt')) expect([...allTags(papers)].filter((t) => /boyle air|liebig laboratory/.test(t))).toEqual([]);
  });

  // The README's "tag in the wrong case": a name, a roman numeral written in a sentence-case title or
  // opening a sentence only (tag-case.ts casedText and capitalizedPairs).
  test('a tag keeps the case its paper writes it in ("siglo XIX", "Mendeleev", "Justus von Liebig")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'law-history.txt')) {
      const tags = new Set(papers.flatMap((p) => p.tags));
      const wrong = [...tags].filter((t) => ['siglo xix', 'mendeleev', 'justus von liebig', 'verhältnismäßigkeitsprüfung'].includes(t.toLowerCase()) && !/XIX|Mendeleev|Justus von Liebig|Verhältnismäßigkeitsprüfung/.test(t));
      expect(wrong).toEqual([]);
      expect([...tags].filter((t) => /^(?:siglo xix|mendeleev|justus von liebig)$/i.test(t)).length).toBeGreaterThan(0);
    }
  });
});

/** Faults the probe found and this session left (see the README's table): each fails today, for the reason given. */
describe('known faults, not fixed yet', () => {
  const empty = (file: string) => runs.find((r) => r.file === file && r.name.endsWith('empty taxonomy'))!.papers;

  // SUBTLEX, the reference of everyday English (term-filters.ts isEveryday), counts film subtitles: the
  // words of formal writing are rare there, so a field's general words pass as its terms. A reference of
  // written English (WordNet 3.1 nouns with a SemCor sense) was measured below as a filter (session 10).
  test.fails('no tag is an everyday word of legal writing ("doctrine", "legislation")', () => {
    expect([...allTags(empty('law-history.txt'))].filter((t) => t === 'doctrine' || t === 'legislation')).toEqual([]);
  });

  // A topic of two papers that share no term is named after one paper's tag (naming.ts: SINGLE_PAPER weight, then any candidate).
  // Session 16, not kept: a one-paper term its paper's title writes before one of its abstract only named this
  // topic "Restorative Justice Conferences", but renamed six topics of the small fixture lists
  // (tests/fixtures/*/output), "Poincaré Balls" as "Unbalanced Dollars"; a name for two papers sharing no
  // term needs a broader term than either writes.
  test.fails('the topic of the sentencing and restorative justice papers is not named after one paper\'s "conference participants"', () => {
    const papers = empty('law-history.txt');
    const sentencing = papers.find((p) => p.title.startsWith('Sentencing disparities'))!;
    expect(sentencing.topic).not.toMatch(/participants/i);
  });


});

describe('derived titles of the materials list (materials-chemistry.txt)', () => {
  // "brittle at room temperature", "at room temperature": a condition of a measurement, no subtitle (subtitle.ts CIRCUMSTANCE).
  test('no subtitle is a phrase its abstract writes only after "at" (": Room Temperature")', () => {
    const abstracts = readFileSync(`${DIR}/materials-chemistry.txt`, 'utf8');
    for (const { papers } of runs.filter((r) => r.file === 'materials-chemistry.txt')) {
      const subtitles = papers.filter((p) => p.derivedTitle && p.title.includes(': ')).map((p) => p.title.split(': ').at(-1)!.toLowerCase());
      expect(subtitles.length).toBeGreaterThan(0);
      for (const sub of subtitles) {
        const uses = [...abstracts.toLowerCase().matchAll(new RegExp(`(\\w+) ${sub}\\b`, 'g'))].map((m) => m[1]);
        expect(uses.length > 0 && uses.every((w) => w === 'at'), sub).toBe(false);
      }
    }
  });
});

describe('tags of the ecology list (ecology-climate.txt)', () => {
  // An "X of Y" phrase cut after X's modifier is nested in the longer one (termhood.ts cValues).
  test('no tag is an "of" phrase cut from a longer one ("optimum of larvae" of "thermal optimum of larvae")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'ecology-climate.txt')) expect([...allTags(papers)]).not.toContain('optimum of larvae');
  });
});

describe('tags of the materials list are noun phrases (materials-chemistry.txt)', () => {
  // wink-nlp reads "adsorbs" of "a framework that adsorbs carbon dioxide" as a plural noun; a relative
  // pronoun's -s word before a noun phrase is the clause's verb (terms.ts relativeClauseVerb).
  test('no tag is a verb ("adsorbs" of "the framework adsorbs water")', () => {
    for (const { papers } of runs.filter((r) => r.file === 'materials-chemistry.txt')) expect([...allTags(papers)]).not.toContain('adsorbs');
  });
});

describe('topic names of the ecology list (ecology-climate.txt)', () => {
  test('a name is plural only where the papers write the plural as a noun ("permafrost thaws beneath them" is a verb)', () => {
    for (const { papers } of runs.filter((r) => r.file === 'ecology-climate.txt')) {
      const thaw = papers.find((p) => p.title.startsWith('Abrupt permafrost thaw'))!;
      expect(thaw.topic).toBe('Permafrost Thaw');
    }
  });
});
