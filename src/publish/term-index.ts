/**
 * The tags and topics of a reading list with their slugs and paper counts, most used first:
 * what papers.json lists and what the cards are made for, in the one order both use.
 */
import type { Paper } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import { assignTermSlugs } from '../core/term-slugs.ts';

export interface IndexedTerm {
  name: string;
  slug: Slug;
  count: number;
}

function index(names: readonly string[]): IndexedTerm[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const slugs = assignTermSlugs(counts.keys());
  return [...counts]
    .map(([name, count]) => ({ name, slug: slugs.get(name)!, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function termIndex(papers: readonly Paper[]): { tags: IndexedTerm[]; topics: IndexedTerm[] } {
  return { tags: index(papers.flatMap((p) => p.tags)), topics: index(papers.map((p) => p.topic).filter(Boolean)) };
}
