/**
 * The pages of the paginated lists: a tag's or a topic's papers (page 1 at the list's own path, pages 2… beside
 * it) and the all-papers list by first letter (title-sections.ts). Pages are cut by stable-pages.ts, so a paper
 * added changes about one page of each list it joins; what a page says of its list as a whole (the count, the
 * common tags) is on page 1 only, for the same reason.
 */
import { routes } from '../../core/routes.ts';
import type { Slug } from '../../core/slug.ts';
import type { Catalog, PaperSummary, Term } from './catalog.ts';
import { renderPlan } from './kept-pages.ts';
import { stablePages } from './stable-pages.ts';
import { indexSection, titleSections, type TitleSection } from './title-sections.ts';

export interface ListPageProps {
  term: Term;
  papers: PaperSummary[];
  page: number;
  pages: number;
}

/** The file of page `page` of a tag's or topic's list. */
export const termPagePath = (kind: 'tag' | 'topic', slug: Slug, page: number): string => (kind === 'tag' ? routes.tag(slug, page) : routes.topic(slug, page));

/** A term's papers cut into pages; made once per term, as every page of it and the build's plan ask. */
export function termPages(term: Term): PaperSummary[][] {
  let pages = pagesOf.get(term);
  if (!pages) {
    pages = stablePages(term.papers, (p) => p.id);
    pagesOf.set(term, pages);
  }
  return pages;
}
const pagesOf = new WeakMap<Term, PaperSummary[][]>();

/** The all-papers list's sections by first letter; made once per catalog. */
export function catalogSections(catalog: Catalog): TitleSection<PaperSummary>[] {
  let sections = sectionsOf.get(catalog);
  if (!sections) {
    sections = titleSections(catalog.papers);
    sectionsOf.set(catalog, sections);
  }
  return sections;
}
const sectionsOf = new WeakMap<Catalog, TitleSection<PaperSummary>[]>();

/** The file of page `page` of section `index`: the index section's first page is the list's index page. */
export const sectionPagePath = (sections: ReadonlyArray<{ key: string }>, index: number, page: number): string =>
  index === indexSection(sections) && page === 1 ? routes.allPapers() : routes.papersByTitle(sections[index]!.key, page);

/**
 * One entry per page of each term; `firstOnly` picks page 1s, otherwise pages 2 and up. Pages the render
 * plan keeps from the last build, or leaves to another process, are left out.
 */
export async function termPagePaths(terms: readonly Term[], firstOnly: boolean, kind: 'tag' | 'topic') {
  const plan = await renderPlan();
  if (!plan.lists) return [];
  return terms.flatMap((term) => {
    const pages = termPages(term);
    return pages
      .map((papers, i) => ({ params: { slug: term.slug as Slug, page: String(i + 1) }, props: { term, papers, page: i + 1, pages: pages.length } satisfies ListPageProps }))
      .filter((p) => (firstOnly ? p.props.page === 1 : p.props.page > 1) && !plan.skipLists.has(termPagePath(kind, term.slug, p.props.page)));
  });
}

/**
 * One entry per all-papers page besides the index: `firstOnly` picks each section's page 1 (the first section's
 * is the index), otherwise pages 2 and up. Kept pages and other processes' are left out, as for terms.
 */
export async function sectionPagePaths(catalog: Catalog, firstOnly: boolean) {
  const plan = await renderPlan();
  if (!plan.lists) return [];
  const sections = catalogSections(catalog);
  return sections.flatMap((section, index) =>
    section.pages
      .map((_, i) => ({ params: firstOnly ? { section: section.key } : { section: section.key, page: String(i + 1) }, props: { section: index, page: i + 1 } }))
      .filter((p) => (firstOnly ? p.props.page === 1 && index !== indexSection(sections) : p.props.page > 1) && !plan.skipLists.has(sectionPagePath(sections, index, p.props.page))),
  );
}
