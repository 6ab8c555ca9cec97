/**
 * Incremental topics: when a rebuild adds only a few papers to a list that was classified before,
 * the papers already there keep their topics and each new paper joins the topic whose papers it
 * most resembles (nearest centroid), instead of the whole list being clustered again, which could
 * move every paper. A larger change re-clusters the list.
 */
import { centroid, dot, type Vectors } from './vectors.ts';

/**
 * Re-cluster when more than this share of the papers is new or lost its topic (a few papers added
 * to a list of hundreds should not move the others; a list that doubled deserves new topics).
 */
export const MAX_NEW_SHARE = 0.1;

/**
 * The topic of each paper: `previous[d]` where paper d had one, else the topic of the nearest
 * centroid of the previous topics. Returns null when too many papers are new (more than
 * MAX_NEW_SHARE) or there was no previous topic at all.
 */
export function keepTopics(vectors: Vectors, previous: readonly (string | undefined)[]): string[] | null {
  const n = previous.length;
  const known = previous.filter((t) => t !== undefined).length;
  if (!known || n - known > MAX_NEW_SHARE * n) return null;
  const names = [...new Set(previous.filter((t): t is string => t !== undefined))].sort();
  const centers = names.map((name) => centroid(vectors, previous.flatMap((t, d) => (t === name ? [d] : []))));
  return previous.map((t, d) => {
    if (t !== undefined) return t;
    let best = 0;
    for (let i = 1; i < names.length; i++) if (dot(vectors, d, centers[i]!) > dot(vectors, d, centers[best]!)) best = i;
    return names[best]!;
  });
}
