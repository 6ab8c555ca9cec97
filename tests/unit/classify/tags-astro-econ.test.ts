/**
 * Tags on a list of two fields the shipped taxonomy does not know (issue 19, session 13): the
 * hand-written astrophysics and economics list of tests/fixtures/astro-econ-list, classified with the
 * shipped ML taxonomy as a user would. What is asserted is what its README says a librarian expects:
 * no general academic word, no clause, no graded modifier, no ML tag, and the fields' central terms.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { classifyPapers, parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import type { ClassifyInput } from '../../../src/ingest/classify/classification.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const shipped = parsed.taxonomy;

const FILE = 'tests/fixtures/astro-econ-list/astro-econ-list.txt';
const bytes = new TextEncoder().encode(readFileSync(FILE, 'utf8'));
const papers: ClassifyInput[] = ingestSources([{ path: 'x/astro-econ-list.txt' as SourcePath, bytes }]).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
const labels = classifyPapers(papers, shipped);
const tagged = papers.map((p) => ({ p, tags: labels.get(p.id)!.tags.map((t) => t.toLowerCase()) }));
const all = new Set(tagged.flatMap((x) => x.tags));
/** Tags without a plural -s, so "white dwarf" and "white dwarfs" meet. */
const singular = (t: string) => t.replace(/s$/, '');
const has = (term: string) => [...all].some((t) => singular(t) === singular(term));

/** General academic words the README says the abstracts spread over both fields. */
const ACADEMIC = ['constraint', 'constraints', 'completeness', 'incidence', 'bias', 'estimates', 'magnitude', 'effects', 'evidence'];

describe('tags of an astrophysics and economics list with the shipped ML taxonomy', () => {
  test('twenty papers, each with tags', () => {
    expect(papers).toHaveLength(20);
    for (const { tags } of tagged) expect(tags.length).toBeGreaterThanOrEqual(1);
  });

  test('no tag is a general academic word ("constraints", "completeness", "incidence", "bias")', () => {
    for (const tag of all) expect(ACADEMIC, tag).not.toContain(tag);
  });

  test('no tag is a clause: no past-tense verb between two words ("lenders expanded refinancing")', () => {
    for (const tag of all) expect(tag.split(' ').slice(1, -1).some((w) => /ed$/.test(w)), tag).toBe(false);
    expect(all).not.toContain('lenders expanded refinancing');
  });

  test('no tag opens with the author\'s grading of its noun ("higher consumption", "lower interest rates")', () => {
    for (const tag of all) expect(tag, tag).not.toMatch(/^(?:higher|lower|larger|smaller|better|worse|more|less|greater|low|high) /);
  });

  test('the ML taxonomy gives no tag to a list without an ML paper ("x-ray" is no "medical imaging")', () => {
    const ml = new Set(shipped.tags.map((t) => t.name.toLowerCase()));
    for (const { p, tags } of tagged) for (const tag of tags) expect(ml.has(tag), `${tag} on "${p.title}"`).toBe(false);
  });

  test('no tag is a unit of measure the papers write after numbers ("2.5 sigma")', () => {
    expect(all).not.toContain('sigma');
  });

  test('the central terms of both fields are tags', () => {
    for (const term of ['white dwarfs', 'dark energy', 'black hole', 'red supergiants', 'monetary policy', 'cash transfers', 'minimum wage', 'inflation expectations']) expect(has(term), term).toBe(true);
  });

  // wink-nlp tags "fast radio" of "fast radio bursts" as an adverb and a verb; inside a noun phrase
  // (after "of", a number, an article) no verb can stand, so terms.ts reads them back as modifiers.
  test('"fast radio bursts" is a tag', () => {
    expect(has('fast radio bursts')).toBe(true);
  });

  // Open (session 13): "default" joins a sovereign's default on its debt and a pension plan's default option.
  // Session 16: no syntactic cue parts the senses, since both papers write it as a head and as a modifier
  // ("after default", "default risk"; "enrolment is the default", "default contribution rate"), and the
  // two share a topic; the word's sense needs the words around it, which the term table does not keep.
  test.fails('"default" does not join the sovereign-debt and pension papers under one tag', () => {
    const withDefault = tagged.filter((x) => x.tags.includes('default')).map((x) => x.p.title);
    expect(withDefault.some((t) => /sovereign/i.test(t)) && withDefault.some((t) => /retirement/i.test(t))).toBe(false);
  });
});

describe('a taxonomy tag needs evidence that the paper is of the taxonomy\'s field (tag-field.ts)', () => {
  // A field taxonomy of two tags; no paper below writes two of its phrases, so there is no core of
  // papers that plainly belong to the field.
  const taxonomy = parseTaxonomy(['tags:', '  medical imaging: [x-ray, computed tomography]', '  graph neural networks: [message passing]'].join('\n'), 'field.yaml');
  if (!taxonomy.ok) throw new Error(taxonomy.error);
  const sources = ['accreting neutron stars', 'galaxy clusters', 'supernova remnants', 'active galactic nuclei', 'black hole binaries', 'magnetars', 'stellar coronae', 'pulsar wind nebulae', 'starburst galaxies', 'gamma-ray bursts'];
  const astro = (i: number, phrase: string): ClassifyInput => ({
    id: `a${i}`,
    title: `Spectral variability of ${sources[i]} observed with a space telescope`,
    abstract: `We analyse ${phrase} spectra of ${sources[i]} from a monitoring campaign and fit the emission with thermal and non-thermal components. The spectral index of ${sources[i]} varies with flux, and the hot plasma temperature of ${sources[i]} follows the accretion rate.`,
  });

  test('two astrophysics papers of ten that write "x-ray" once get no "medical imaging"', () => {
    const papers = sources.map((_, i) => astro(i, i < 2 ? 'x-ray' : 'optical'));
    const labels = classifyPapers(papers, taxonomy.taxonomy);
    for (const p of papers) expect(labels.get(p.id)!.tags, p.title).not.toContain('medical imaging');
  });

  test('a short list most of whose papers write one phrase of the field keeps its tags', () => {
    const papers = sources.map((_, i) => ({
      id: `g${i}`,
      title: `Message passing on ${sources[i]} graphs`,
      abstract: `We study message passing on graphs built from catalogues of ${sources[i]}. Message passing layers aggregate the features of neighbouring nodes, and deeper message passing improves node classification on ${sources[i]} graphs.`,
    }));
    const labels = classifyPapers(papers, taxonomy.taxonomy);
    expect(papers.filter((p) => labels.get(p.id)!.tags.includes('graph neural networks')).length).toBeGreaterThanOrEqual(8);
  });
});
