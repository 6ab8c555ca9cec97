/**
 * The last pruning of tag-select.ts: a paper with more than three tags drops the weak ones no other
 * paper has, never its strong ones (a survey of community detection keeps "community detection").
 */
import { describe, expect, test } from 'vitest';
import { selectTags, type Candidate } from '../../../src/ingest/classify/tag-select.ts';

const cand = (slot: number, score: number): Candidate => ({ slot, score, backup: false });

describe('selectTags', () => {
  test("a paper's strong tag that no other paper has stays; a weak one goes while it has more than three", () => {
    // Slot 0: paper 0's own taxonomy tag (its best); slot 9: its weak own term; slots 1-4: tags every paper writes.
    const shared = (s: number) => [1, 2, 3, 4].map((slot) => cand(slot, s - slot * 0.1));
    const ranked: Candidate[][] = [[cand(0, 10), ...shared(9), cand(9, 2)]];
    for (let d = 1; d < 40; d++) ranked.push(shared(9));
    const chosen = selectTags(ranked, {
      slots: 10,
      byRank: (a, b) => b.score - a.score || a.slot - b.slot,
      overlapping: () => false,
      keyOf: (slot) => `s${slot}`,
      curated: (slot) => slot === 0,
      evidence: () => {},
    });
    const mine = chosen[0]!.map((c) => c.slot);
    expect(mine).toContain(0);
    expect(mine).not.toContain(9);
  });
});
