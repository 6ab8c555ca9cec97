import { describe, expect, test } from 'vitest';
import { relatedPapers } from '../../../src/ingest/classify/index.ts';
import type { Classification, ClassifyInput } from '../../../src/ingest/classify/classification.ts';

const paper = (id: string, title: string, abstract: string): ClassifyInput => ({ id, title, abstract });
const papers = [
  paper('a', 'Dietary sodium and blood pressure in adolescents', 'Each additional gram of sodium per day was associated with higher systolic blood pressure.'),
  paper('b', 'Early mobilisation after hip fracture surgery', 'Getting patients out of bed within a day of surgery is safe and shortens the hospital stay.'),
  paper('c', 'Sodium intake in older adults after surgery', 'Sodium intake and blood pressure were recorded for older adults after hip surgery.'),
];

describe('related papers on a short list', () => {
  test('never list a paper twice or the paper itself, even when every paper shares the tag and topic', () => {
    for (const n of [2, 3]) {
      const list = papers.slice(0, n);
      // A tag all papers carry scores log(n/df) = 0: the case that once listed a neighbour four times.
      const labels = new Map<string, Classification>(list.map((p) => [p.id, { topic: 'Clinical Studies', tags: ['clinical trial'] }]));
      const related = relatedPapers(list, labels, { count: 4 });
      for (const p of list) {
        const ids = related.get(p.id)!;
        expect(new Set(ids).size, `${p.id}: ${ids.join(', ')}`).toBe(ids.length);
        expect(ids).not.toContain(p.id);
        expect(ids.length).toBe(n - 1);
      }
    }
  });
});
