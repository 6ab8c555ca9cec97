/**
 * Incremental topics: when a rebuild adds only a few papers to a list that was classified before,
 * the papers already there keep their topics and each new paper joins the topic whose papers it
 * most resembles (nearest centroid), instead of the whole list being clustered again, which could
 * move every paper. A larger change re-clusters the list, and so does a new paper that resembles no
 * topic (a paper of a field the list did not have would otherwise join a topic of another field).
 */
import { addInto, dot, selfDot, type Vectors } from './vectors.ts';

/**
 * Re-cluster when more than this share of the papers is new or lost its topic (a few papers added
 * to a list of hundreds should not move the others; a list that doubled deserves new topics).
 */
export const MAX_NEW_SHARE = 0.1;
/**
 * A new paper fits a topic when its similarity to the topic's centroid is at least FIT_SHARE of that
 * of the topic's least typical tenth of papers (FIT_QUANTILE, leave-one-out). Half the median (as for
 * the taxonomy's fit in steer.ts), or the tenth percentile itself, turned away ordinary ACL papers
 * added to the real dumps (0.204 against 0.216); astrophysics papers added to them stay far below.
 */
const FIT_QUANTILE = 0.1;
const FIT_SHARE = 0.5;

/**
 * The topic of each paper: `previous[d]` where paper d had one, else the topic of the nearest
 * centroid of the previous topics. Returns null (cluster afresh) when more than MAX_NEW_SHARE of
 * the papers are new, when a new paper fits no topic, or when there was no previous topic at all.
 */
export function keepTopics(vectors: Vectors, previous: readonly (string | undefined)[]): string[] | null {
  const n = previous.length;
  const known = previous.filter((t) => t !== undefined).length;
  if (!known || n - known > MAX_NEW_SHARE * n) return null;
  const names = [...new Set(previous.filter((t): t is string => t !== undefined))].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const sums = names.map(() => new Float64Array(vectors.dims));
  previous.forEach((t, d) => t !== undefined && addInto(vectors, d, sums[index.get(t)!]!));
  const norms = sums.map((sum) => Math.sqrt(sum.reduce((a, x) => a + x * x, 0)) || 1);
  // A topic's own papers are compared with the centroid of the others (leave-one-out), as a new paper
  // is compared with all of them: a small topic's papers would otherwise look typical by containing themselves.
  const typical = names.map((_, i) => {
    const own: number[] = [];
    previous.forEach((t, d) => {
      if (t !== names[i]) return;
      const s = dot(vectors, d, sums[i]!);
      const self = selfDot(vectors, d);
      own.push((s - self) / Math.sqrt(Math.max(1e-12, norms[i]! ** 2 - 2 * s + self)));
    });
    own.sort((x, y) => x - y);
    return own[Math.floor(own.length * FIT_QUANTILE)] ?? 0;
  });
  const centers = sums.map((sum, i) => sum.map((x) => x / norms[i]!));
  const out: string[] = [];
  for (let d = 0; d < n; d++) {
    const t = previous[d];
    if (t !== undefined) {
      out.push(t);
      continue;
    }
    let best = 0;
    let bestScore = dot(vectors, d, centers[0]!);
    for (let i = 1; i < names.length; i++) {
      const score = dot(vectors, d, centers[i]!);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (bestScore < FIT_SHARE * typical[best]!) return null;
    out.push(names[best]!);
  }
  return out;
}
