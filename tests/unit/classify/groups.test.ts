import { describe, expect, test } from 'vitest';
import { joinNearest, restoreDropped } from '../../../src/ingest/classify/groups.ts';
import type { Vectors } from '../../../src/ingest/classify/vectors.ts';

/** Unit vectors over three features from dense rows (each row normalized). */
function vectorsOf(rows: number[][]): Vectors {
  const start = [0];
  const ids: number[] = [];
  const weights: number[] = [];
  for (const row of rows) {
    const norm = Math.hypot(...row);
    row.forEach((w, f) => {
      if (w === 0) return;
      ids.push(f);
      weights.push(w / norm);
    });
    start.push(ids.length);
  }
  return { size: rows.length, dims: 3, start: Int32Array.from(start), ids: Int32Array.from(ids), weights: Float32Array.from(weights), phraseOf: Int32Array.from([0, 1, 2]) };
}

// Papers 0–2 make kept group 0 (feature 0), papers 3–5 kept group 1 (feature 1); paper 6 is the
// only paper of group 2, too small to keep, and its words are closer to group 0's.
const vectors = vectorsOf([[1, 0, 0], [1, 0, 0.2], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.2], [0.1, 1, 0], [1, 0.3, 1]]);
const members = [0, 1, 2, 3, 4, 5, 6];
const groups = () => Int32Array.from([0, 0, 0, 1, 1, 1, 2]);
const kept = [true, true, false];

describe('papers of a group not kept (topics.ts keepLargest)', () => {
  test('join the nearest centroid when they have no keyword evidence for a kept class', () => {
    const groupOf = groups();
    joinNearest(vectors, members, groupOf, kept, Infinity, () => 0);
    expect(groupOf[6]).toBe(0);
  });

  test('are reported when they join by centroid alone, so a taxonomy field can shelve them under its heading', () => {
    // topics.ts: a hip-fracture paper (its class dropped, no evidence for a kept class) had joined
    // "Neuroscience & Neurology" by centroid on a 358-paper review list.
    expect(joinNearest(vectors, members, groups(), kept, Infinity, () => 0)).toEqual([6]);
    expect(joinNearest(vectors, members, groups(), kept, Infinity, (d, g) => (d === 6 && g === 1 ? 1 : 0))).toEqual([]);
  });

  test('join the kept class they have most keyword evidence for, whatever the centroids say', () => {
    // As a cataloguer gives a work its next-best class when its best class is too small to keep.
    const groupOf = groups();
    joinNearest(vectors, members, groupOf, kept, Infinity, (d, g) => (d === 6 ? [0.5, 3, 9][g]! : 0));
    expect(groupOf[6]).toBe(1);
  });

  test('never join a kept group already at the size limit while another has room', () => {
    // Without paper 5, group 1 has room for one more at a limit of 3; group 0 is full.
    const groupOf = Int32Array.from([0, 0, 0, 1, 1, 2]);
    joinNearest(vectors, [0, 1, 2, 3, 4, 6], groupOf, kept, 3, (d, g) => (d === 6 ? [5, 0, 0][g]! : 0));
    expect(groupOf[5]).toBe(1);
  });
});

describe('the papers of a subject group not kept, with no keyword evidence for a kept class (issue 19)', () => {
  // Papers 0–2 (feature 0) and 3–5 (feature 1) are kept groups 0 and 1; papers 6–7 were class 2, too
  // small to keep. On the real dumps the five papers of "Psychiatry & Mental Health" (dropped for the
  // budget) had joined four topics, a sleep study "Dentistry & Oral Health", paper by paper.
  const subjectOf = (g: number) => g === 2;

  test('stay together where they are alike, in the kept group nearest them as a whole', () => {
    // Both write feature 2; paper 6 alone is nearer group 0, paper 7 alone group 1, the two together group 1.
    const alike = vectorsOf([[1, 0, 0], [1, 0, 0.2], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.2], [0.1, 1, 0], [0.3, 0, 1], [0, 0.6, 1]]);
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    const joined = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(joinNearest(alike, all, joined, kept, Infinity, () => 0, subjectOf)).toEqual([6, 7]);
    expect([...joined.slice(6)]).toEqual([1, 1]);
  });

  test('each join the kept group nearest their own words where they are less alike than two papers of the region', () => {
    // Papers 6 and 7 share almost nothing: no subject here, whatever the class says.
    const apart = vectorsOf([[1, 0, 0], [1, 0, 0.2], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.2], [0.1, 1, 0], [1, 0, 0.1], [0, 1, 0.1]]);
    const joined = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    joinNearest(apart, [0, 1, 2, 3, 4, 5, 6, 7], joined, kept, Infinity, () => 0, subjectOf);
    expect([...joined.slice(6)]).toEqual([0, 1]);
  });
});

describe('a taxonomy class dropped for the budget (topics.ts, groups.ts restoreDropped)', () => {
  // Papers 0–2 (feature 0) and 3–5 (feature 1) are kept groups 0 and 1; papers 6–7 were class 2,
  // alike (feature 2), dropped for the budget, and joined group 0.
  const field = vectorsOf([[1, 0, 0], [1, 0, 0.2], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.2], [0.1, 1, 0], [0.2, 0, 1], [0, 0.2, 1]]);
  const all = [0, 1, 2, 3, 4, 5, 6, 7];
  const joined = () => Int32Array.from([0, 0, 0, 1, 1, 1, 0, 0]);

  test('is a topic of its own again while the list has room', () => {
    const groupOf = joined();
    expect(restoreDropped(groupOf, [{ papers: [6, 7], field: all }], 2, 20, 2, field, 3)).toEqual([0]);
    expect([...groupOf]).toEqual([0, 0, 0, 1, 1, 1, 3, 3]);
  });

  test('stays joined when the list has its most topics already', () => {
    const groupOf = joined();
    expect(restoreDropped(groupOf, [{ papers: [6, 7], field: all }], 20, 20, 2, field, 3)).toEqual([]);
    expect([...groupOf]).toEqual([...joined()]);
  });

  test('puts back first the class whose papers joined by centroid alone, not by their keywords', () => {
    // Class A (papers 6-7) joined group 0 by centroid; class B (8-10, a larger share of the field)
    // joined group 1 by keyword evidence. One topic of room.
    const wide = vectorsOf([[1, 0, 0], [1, 0, 0.2], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.2], [0.1, 1, 0], [0.2, 0, 1], [0, 0.2, 1], [0, 0.5, 1], [0.1, 0.5, 1], [0, 0.6, 1]]);
    const papers = Array.from({ length: 11 }, (_, d) => d);
    const classes = [{ papers: [8, 9, 10], field: papers }, { papers: [6, 7], field: papers }];
    const groupOf = () => Int32Array.from([0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1]);
    expect(restoreDropped(groupOf(), classes, 19, 20, 2, wide, 3)).toEqual([0]);
    expect(restoreDropped(groupOf(), classes, 19, 20, 2, wide, 3, new Set([6, 7]))).toEqual([1]);
  });

  test('stays joined when its papers are less alike than two papers of the field', () => {
    // Papers 0 and 3 have no word in common: not one subject.
    const groupOf = joined();
    expect(restoreDropped(groupOf, [{ papers: [0, 3], field: all }], 2, 20, 2, field, 3)).toEqual([]);
  });
});
