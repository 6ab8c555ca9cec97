/**
 * The incremental path (incremental.ts) gives a new paper the related list a full run (findRelated)
 * would give it with the same topics and tags: both score with one scorer (related-score.ts). On a
 * list under MAX_POSTINGS papers the full run cuts no posting list, so the two must agree exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysePapers, classifyIncrementally, classifyPapers, parseTaxonomy, relatedPapers, type ClassifyInput, type KnownLabels } from '../../../src/ingest/classify/index.ts';
import { MAX_POSTINGS } from '../../../src/ingest/classify/related-score.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const taxonomy = parsed.taxonomy;
const COUNT = 5;

const papers: ClassifyInput[] = ingestSources(sourcesIn('tests/fixtures/real-dumps', (name) => name.endsWith('.txt')))
  .papers.slice(0, MAX_POSTINGS - 1)
  .map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
const analysis = analysePapers(papers);
const labels = classifyPapers(papers, taxonomy, { analysis });
const related = relatedPapers(papers, labels, { count: COUNT, analysis });
// Five papers spread over the list are new; the others are known from the full run.
const fresh = new Set([10, 30, 50, 70, 90].map((d) => papers[d]!.id));
const known: (KnownLabels | undefined)[] = papers.map((p) => (fresh.has(p.id) ? undefined : { ...labels.get(p.id)!, related: related.get(p.id)! }));

describe('incremental and full related lists', () => {
  test('a new paper gets the list a full run gives it with the same labels', () => {
    const incremental = classifyIncrementally(papers, () => analysis, known, taxonomy, COUNT);
    expect(incremental).not.toBeNull();
    const full = relatedPapers(papers, incremental!.labels, { count: COUNT, analysis });
    for (const id of fresh) {
      expect(incremental!.related.get(id)!.length, id).toBe(COUNT);
      expect(incremental!.related.get(id), id).toEqual(full.get(id));
    }
  });
});
