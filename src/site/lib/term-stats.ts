/** Counting over a list of papers, for the summaries on topic pages. */
import type { PaperSummary, Term } from './catalog.ts';

/** How many common tags a topic's page shows. */
export const COMMON_TAGS_SHOWN = 12;

/** The tags most used by `papers`, with how many of them use each. */
export function commonTags(papers: readonly PaperSummary[], limit: number): Array<{ tag: Term; count: number }> {
  const counts = new Map<Term, number>();
  for (const paper of papers) for (const tag of paper.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.name.localeCompare(b.tag.name))
    .slice(0, limit);
}
