/**
 * `dist/papers.json`: the whole reading list as data, for scripts and as an export (SPEC.md).
 * URLs are relative to the site root.
 */
import { routes } from '../core/routes.ts';
import type { Paper } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import { assignTermSlugs } from '../core/term-slugs.ts';

interface TermJson {
  name: string;
  slug: string;
  url: string;
  count: number;
}

export function papersJson(papers: readonly Paper[]) {
  const countBy = (names: string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  };
  const terms = (counts: Map<string, number>, url: (slug: Slug) => string): TermJson[] => {
    const slugs = assignTermSlugs(counts.keys());
    return [...counts]
      .map(([name, count]) => ({ name, slug: slugs.get(name)!, url: url(slugs.get(name)!), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  };
  return {
    papers: papers.map((p) => ({
      id: p.id,
      slug: p.slug,
      url: routes.paper(p.slug),
      title: p.title,
      derivedTitle: p.derivedTitle,
      abstract: p.abstract,
      topic: p.topic,
      tags: p.tags,
      sources: p.sources,
    })),
    tags: terms(countBy(papers.flatMap((p) => p.tags)), (s) => routes.tag(s)),
    topics: terms(countBy(papers.map((p) => p.topic).filter(Boolean)), (s) => routes.topic(s)),
  };
}

/** The shape of `dist/papers.json`, for readers of the file (tests, scripts). */
export type PapersJson = ReturnType<typeof papersJson>;
