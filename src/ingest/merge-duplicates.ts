/**
 * Stage 5: occurrences of the same abstract → one paper, keeping every place it was found and
 * the best title any of them had.
 */
import type { SourcePath } from '../core/issue.ts';

export interface Occurrence {
  file: SourcePath;
  line: number;
  key: string;
  title: string | null;
}

export interface MergedGroup<T extends Occurrence> {
  /** Occurrences in source order; the first is the paper's home. */
  occurrences: T[];
  /** The best title among them, or null when none had one. */
  title: string | null;
}

export interface Merge {
  file: SourcePath;
  line: number;
  /** Index of the group it was merged into. */
  into: number;
}

export function mergeDuplicates<T extends Occurrence>(occurrences: readonly T[]): { groups: MergedGroup<T>[]; merges: Merge[] } {
  const byKey = new Map<string, number>();
  const groups: MergedGroup<T>[] = [];
  const merges: Merge[] = [];
  for (const occurrence of occurrences) {
    const index = byKey.get(occurrence.key);
    if (index === undefined) {
      byKey.set(occurrence.key, groups.length);
      groups.push({ occurrences: [occurrence], title: null });
    } else {
      groups[index]!.occurrences.push(occurrence);
      merges.push({ file: occurrence.file, line: occurrence.line, into: index });
    }
  }
  for (const group of groups) group.title = bestTitle(group.occurrences.map((o) => o.title));
  return { groups, merges };
}

/**
 * Prefers a complete title (not cut off with "…"), then one in mixed case (not SHOUTING or all
 * lowercase), then one of a sane length (a 1,000-character "title" is more likely a paste
 * error), then the first seen: the owner's earliest source is the one they chose first.
 */
export function bestTitle(titles: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const title of titles) {
    if (!title) continue;
    const truncated = /(?:…|\.\.\.)$/.test(title);
    const letters = title.replace(/[^\p{L}]/gu, '');
    const mixedCase = letters !== letters.toUpperCase() && letters !== letters.toLowerCase();
    const score = (truncated ? 0 : 4) + (mixedCase ? 2 : 0) + (title.length <= 300 ? 1 : 0);
    if (score > bestScore) {
      best = title;
      bestScore = score;
    }
  }
  return best;
}
