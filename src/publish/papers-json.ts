/**
 * `dist/papers.json`: the whole reading list as data, for scripts and as an export (SPEC.md).
 * URLs are relative to the site root.
 */
import { routes } from '../core/routes.ts';
import type { Paper } from '../core/paper.ts';
import { paperLinks } from '../core/paper-links.ts';
import type { Slug } from '../core/slug.ts';
import { termIndex, type IndexedTerm } from './term-index.ts';

interface TermJson {
  name: string;
  slug: string;
  url: string;
  count: number;
}

export function papersJson(papers: readonly Paper[]) {
  const { tags, topics } = termIndex(papers);
  const withUrl = (url: (slug: Slug) => string) => (t: IndexedTerm): TermJson => ({ name: t.name, slug: t.slug, url: url(t.slug), count: t.count });
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
      // Bibliographic metadata when the sources carry it (SPEC.md); links include those made from the ids.
      ...(p.authors?.length ? { authors: p.authors } : {}),
      ...(p.year !== undefined ? { year: p.year } : {}),
      ...(p.venue ? { venue: p.venue } : {}),
      ...(p.ids && Object.keys(p.ids).length ? { ids: p.ids } : {}),
      ...withLinks(paperLinks(p)),
    })),
    tags: tags.map(withUrl((s) => routes.tag(s))),
    topics: topics.map(withUrl((s) => routes.topic(s))),
  };
}

const withLinks = (links: ReturnType<typeof paperLinks>) => (links.length ? { links } : {});

/** The shape of `dist/papers.json`, for readers of the file (tests, scripts). */
export type PapersJson = ReturnType<typeof papersJson>;
