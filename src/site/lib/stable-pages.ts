/**
 * Pages of a sorted list that stay put when an item is added: page breaks are chosen by the items themselves
 * (content-defined chunking, as rsync and backup tools cut files: Muthitacharoen et al., "A Low-bandwidth
 * Network File System", SOSP 2001), not by counting from the start. With fixed pages of 50, one paper added
 * near the start of a list shifted every later page, so every one of them was rendered again: 199 of the 10k
 * list's 200 all-papers pages, and all pages of each tag and topic it joined (552 list pages rendered for 10
 * papers added). Here a page ends before an item whose id hashes to a break, once the page holds `MIN_ITEMS`;
 * an item added changes its own page, and the page count (and so every page of the list, which shows it) only
 * when it is itself a break or ends a page at `MAX_ITEMS`: about one addition in 50.
 *
 * Pure, and a function of the items alone: a build from scratch cuts the same pages as a rebuild.
 *
 * Measured (session 10, 10k papers + a 10-paper dump, scratch copies, 3 interleaved pairs at load 5-7, with the
 * source read cache of scripts/lib/parse-cache.ts): list pages rendered 552 -> 109; the whole build's CPU
 * 16.6, 18.5, 15.0 -> 15.6, 16.5, 13.8 s; wall 16.1, 17.0, 18.7 -> 17.2, 15.2, 15.1 s; the astro stage's CPU (the
 * Astro process's whole life and the offline index) median 8.2 -> 7.6 s, so ~1.5 ms a list page.
 */

import { fnv1a } from '../../core/fnv.ts';

/** No page ends before it holds this many items; a shorter last page joins the one before it. */
export const MIN_ITEMS = 30;
/**
 * One item in this many is a break (by its id's hash), so a page holds on average MIN_ITEMS + BREAK_ODDS - 1 ≈
 * 50 items, the fixed page size this replaced.
 */
export const BREAK_ODDS = 20;
/** A page ends here whatever its items: without it a page would have no bound (P(> 100 items) ≈ 2.7 %). */
export const MAX_ITEMS = 100;

const isBreak = (id: string): boolean => fnv1a(id) % BREAK_ODDS === 0;

/**
 * `items` (in list order) cut into pages; `idOf` gives an item's stable identity (a paper id). Always at least
 * one page; a list shorter than 2 × MIN_ITEMS is one page.
 */
export function stablePages<T>(items: readonly T[], idOf: (item: T) => string): T[][] {
  const pages: T[][] = [];
  let start = 0;
  for (let i = 0; i < items.length; i++) {
    const size = i - start;
    if ((size >= MIN_ITEMS && isBreak(idOf(items[i]!))) || size >= MAX_ITEMS) {
      pages.push(items.slice(start, i));
      start = i;
    }
  }
  const last = items.slice(start);
  if (pages.length > 0 && last.length < MIN_ITEMS) pages[pages.length - 1]!.push(...last);
  else pages.push(last);
  return pages;
}
