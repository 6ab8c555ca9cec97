/**
 * Topic names on two lists of fields the shipped taxonomy does not know (issue 19: "named after what
 * its papers share", "every topic name describes its papers"): the hand-written lists of
 * tests/fixtures/unseen-lists, classified with the shipped taxonomy as a user would. What is asserted
 * is what the fixture's README says a librarian expects.
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

/** The list's papers in file order, with their topics. */
function classified(file: string): { papers: ClassifyInput[]; topic: (p: ClassifyInput) => string } {
  const bytes = new TextEncoder().encode(readFileSync(`tests/fixtures/unseen-lists/${file}`, 'utf8'));
  const papers = ingestSources([{ path: `x/${file}` as SourcePath, bytes }]).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
  const labels = classifyPapers(papers, shipped);
  return { papers, topic: (p) => labels.get(p.id)!.topic };
}

const lists = { 'astro-ling.txt': classified('astro-ling.txt'), 'econ-ecol.txt': classified('econ-ecol.txt') };

describe.each(Object.entries(lists))('topic names of %s', (_, { papers, topic }) => {
  test('thirty papers; no topic holds papers of both fields (the first fifteen are one field)', () => {
    expect(papers).toHaveLength(30);
    const fieldsOf = new Map<string, Set<number>>();
    papers.forEach((p, i) => fieldsOf.set(topic(p), (fieldsOf.get(topic(p)) ?? new Set()).add(i < 15 ? 0 : 1)));
    for (const [name, fields] of fieldsOf) expect(fields.size, name).toBe(1);
  });

  test('names are title-cased: a capital opening a title is no proper name ("Prosodic phrasing")', () => {
    for (const name of new Set(papers.map(topic))) for (const word of name.split(/[\s&]+/).filter((w) => w.length > 3)) expect(word[0], name).toBe(word[0]!.toUpperCase());
  });
});

describe('named after what the papers share', () => {
  const { papers, topic } = lists['econ-ecol.txt'];
  const titled = (start: string) => papers.find((p) => p.title.startsWith(start))!;

  test('the topic of the coral bleaching and ocean acidification papers is named after coral reefs', () => {
    const bleaching = titled('Coral bleaching');
    const acidification = titled('Ocean acidification');
    expect(topic(bleaching)).toBe(topic(acidification));
    expect(topic(bleaching)).toMatch(/coral|reef/i);
  });

  test('no topic of sentence-processing papers is named "Constraints"', () => {
    const ling = lists['astro-ling.txt'];
    const attachment = ling.papers.find((p) => p.title.startsWith('Relative clause attachment'))!;
    expect(ling.topic(attachment)).not.toMatch(/^constraints?$/i);
  });
});
