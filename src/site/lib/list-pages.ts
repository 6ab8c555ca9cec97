/**
 * Static paths for paginated lists: page 1 at the list's own path, pages 2… beside it.
 */
import type { Slug } from '../../core/slug.ts';
import { PAGE_SIZE, paginate, type PaperSummary, type Term } from './catalog.ts';
import { renderPlan } from './kept-pages.ts';

export interface ListPageProps {
  term: Term;
  papers: PaperSummary[];
  page: number;
  pages: number;
}

/** One entry per page of each term; `firstOnly` picks page 1s, otherwise pages 2 and up. */
export function termPagePaths(terms: readonly Term[], firstOnly: boolean) {
  if (!renderPlan().lists) return [];
  return terms.flatMap((term) => {
    const pages = paginate(term.papers, PAGE_SIZE);
    return pages
      .map((papers, i) => ({ params: { slug: term.slug as Slug, page: String(i + 1) }, props: { term, papers, page: i + 1, pages: pages.length } satisfies ListPageProps }))
      .filter((p) => (firstOnly ? p.props.page === 1 : p.props.page > 1));
  });
}
