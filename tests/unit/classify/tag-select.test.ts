/**
 * The last pruning of tag-select.ts: a paper with more than three tags drops the weak ones no other
 * paper has, never its strong ones (a survey of community detection keeps "community detection").
 * The single-tag rounds: a taxonomy tag stays though no other paper has it, at any rank (session 14:
 * "response generation", "speech recognition" were lost to shared tags named in passing), where a
 * discovered term of one paper gives way. Issue 19: a concept named in passing (once, in the
 * abstract only) may make up a paper's three tags, never a fourth or later one.
 */
import { describe, expect, test } from 'vitest';
import { selectTags, type Candidate } from '../../../src/ingest/classify/tag-select.ts';

const cand = (slot: number, score: number): Candidate => ({ slot, score, backup: false });
/** selectTags with no overlapping tags, ranked by score, `curated` naming the taxonomy tags. */
const select = (ranked: Candidate[][], slots: number, curated: (slot: number) => boolean): Candidate[][] =>
  selectTags(ranked, { slots, byRank: (a, b) => b.score - a.score || a.slot - b.slot, overlapping: () => false, keyOf: (slot) => `s${slot}`, curated, evidence: () => {} });

describe('selectTags', () => {
  test("a paper's strong tag that no other paper has stays; a weak one goes while it has more than three", () => {
    // Slot 0: paper 0's own taxonomy tag (its best); slot 9: its weak own term; slots 1-4: tags every paper writes.
    const shared = (s: number) => [1, 2, 3, 4].map((slot) => cand(slot, s - slot * 0.1));
    const ranked: Candidate[][] = [[cand(0, 10), ...shared(9), cand(9, 2)]];
    for (let d = 1; d < 40; d++) ranked.push(shared(9));
    const chosen = select(ranked, 10, (slot) => slot === 0);
    const mine = chosen[0]!.map((c) => c.slot);
    expect(mine).toContain(0);
    expect(mine).not.toContain(9);
  });

  test("a taxonomy tag only one paper has stays though it is not the paper's best; a term of one paper over the budget goes", () => {
    // Paper 0: slots 1 and 2 (shared, its best), slot 5 (a taxonomy tag of its own, third), slot 6 (a
    // discovered term of its own, fourth). Six distinct tags leave no room for single tags (SINGLE_SHARE).
    const ranked: Candidate[][] = [[cand(1, 10), cand(2, 9.5), cand(5, 9), cand(6, 8.5), cand(3, 2.5), cand(4, 2.4)]];
    for (let d = 1; d < 40; d++) ranked.push([1, 2, 3, 4].map((slot) => cand(slot, 9 - slot * 0.1)));
    const chosen = select(ranked, 7, (slot) => slot === 5);
    const mine = chosen[0]!.map((c) => c.slot);
    expect(mine).toContain(5);
    expect(mine).not.toContain(6);
  });

  test('weak tags named in passing fill a paper up to three tags, not beyond; a weak tag written more often still may', () => {
    // Paper 0: one strong tag (slot 0), then only weak ones under 0.15 of it: four named once in
    // passing (slots 1-4), one written more often (slot 5). Every slot but 0 is shared by other papers.
    const passing = (slot: number, score: number): Candidate => ({ slot, score, backup: false, passing: true });
    const ranked: Candidate[][] = [[cand(0, 10), passing(1, 1.4), passing(2, 1.3), passing(3, 1.2), passing(4, 1.1), cand(5, 1)]];
    for (let d = 1; d < 40; d++) ranked.push([1, 2, 3, 4, 5].map((slot) => cand(slot, 9 - slot * 0.1)));
    const mine = select(ranked, 6, (slot) => slot === 0)[0]!.map((c) => c.slot);
    expect(mine).toEqual([0, 1, 2, 5]);
  });
});
