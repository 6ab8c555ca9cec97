/**
 * Static paths for paginated lists: page 1 at the list's own path, pages 2… beside it.
 */
import { routes } from '../../core/routes.ts';
import type { Slug } from '../../core/slug.ts';
import { PAGE_SIZE, paginate, type PaperSummary, type Term } from './catalog.ts';
import { renderPlan } from './kept-pages.ts';

export interface ListPageProps {
  term: Term;
  papers: PaperSummary[];
  page: number;
  pages: number;
}

/** The file of page `page` of a tag's or topic's list. */
export const termPagePath = (kind: 'tag' | 'topic', slug: Slug, page: number): string => (kind === 'tag' ? routes.tag(slug, page) : routes.topic(slug, page));

/**
 * One entry per page of each term; `firstOnly` picks page 1s, otherwise pages 2 and up. Pages the render
 * plan keeps from the last build, or leaves to another process, are left out.
 */
export async function termPagePaths(terms: readonly Term[], firstOnly: boolean, kind: 'tag' | 'topic') {
  const plan = await renderPlan();
  if (!plan.lists) return [];
  return terms.flatMap((term) => {
    const pages = paginate(term.papers, PAGE_SIZE);
    return pages
      .map((papers, i) => ({ params: { slug: term.slug as Slug, page: String(i + 1) }, props: { term, papers, page: i + 1, pages: pages.length } satisfies ListPageProps }))
      .filter((p) => (firstOnly ? p.props.page === 1 : p.props.page > 1) && !plan.skipLists.has(termPagePath(kind, term.slug, p.props.page)));
  });
}
