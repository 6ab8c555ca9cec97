/**
 * Hygiene figures of a classified list: how topics and tags spread over the papers. `npm run eval`
 * prints them and tests/unit/classify/classify.test.ts holds them to the bounds.
 */
import type { Classification, ClassifyInput } from '../../src/ingest/classify/index.ts';

/** A topic whose name says it is a bin rather than a subject ("Other", "Miscellaneous", "General", "Uncategorised"). */
const CATCH_ALL = /\b(?:others?|misc\w*|general|uncategori[sz]ed)\b/i;

export interface LabelHygiene {
  papers: number;
  /** Topic → number of its papers. */
  topics: Map<string, number>;
  /** Share (0–1) of the papers in the largest topic. */
  largestTopicShare: number;
  /** Share (0–1) of the papers in catch-all topics. */
  catchAllShare: number;
  /** Tags of each paper, counted, in ascending order. */
  tagsPerPaper: number[];
  /** Tag → number of papers with it. */
  tagUse: Map<string, number>;
  /** Share (0–1) of the distinct tags that two or more papers carry. */
  sharedTagShare: number;
}

/** The hygiene figures of `papers` labelled by `labels` (every paper must have its label). */
export function labelHygiene(papers: readonly ClassifyInput[], labels: ReadonlyMap<string, Classification>): LabelHygiene {
  const topics = new Map<string, number>();
  const tagUse = new Map<string, number>();
  const tagsPerPaper: number[] = [];
  for (const p of papers) {
    const label = labels.get(p.id)!;
    topics.set(label.topic, (topics.get(label.topic) ?? 0) + 1);
    tagsPerPaper.push(label.tags.length);
    for (const t of label.tags) tagUse.set(t, (tagUse.get(t) ?? 0) + 1);
  }
  tagsPerPaper.sort((a, b) => a - b);
  const n = papers.length;
  return {
    papers: n,
    topics,
    largestTopicShare: Math.max(...topics.values()) / n,
    catchAllShare: [...topics].filter(([t]) => CATCH_ALL.test(t)).reduce((s, [, c]) => s + c, 0) / n,
    tagsPerPaper,
    tagUse,
    sharedTagShare: [...tagUse.values()].filter((c) => c >= 2).length / tagUse.size,
  };
}
