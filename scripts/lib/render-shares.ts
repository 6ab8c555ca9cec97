/**
 * How many paper pages Astro process 0 renders when several processes share a build (scripts/lib/astro-child.ts,
 * incremental-pages.ts `writeRenderPlans`), so that they end together: both share the two cores with Pagefind and
 * the offline index, so each gets about the same CPU time, and they end together when their work is equal.
 *
 * On a first build every process starts before the render plans (scripts/build.ts) and is ready when they are
 * written. On a rebuild process 0 alone has loaded Astro, synced its content store and bundled the pages while the
 * abstracts and references were made; another process is started with the plans and does all of that first, so it
 * gets fewer pages (`headStart`). Session 10, 10k cold (scratch copy, load 8-12, CPU time of each process, one run):
 * the process started with the plans took 5.78 CPU-s to its first page (1.30 loading Astro, 4.48 syncing 9,987
 * entries and bundling) and 6.7 CPU-s for its 6,268 paper pages (1.07 ms a page); process 0 8.1 CPU-s for 2,535 list
 * pages and 3,726 paper pages. With the pages split in equal counts, as before, it ended 15.5 s after process 0 (18.3
 * s in a second run, load 15); with this head start still 14 s: under load its start waits on the disk (reading the
 * entries, writing its store) longer than its CPU time says, which is why a first build starts it early instead.
 */
/**
 * CPU time a list page costs, in paper pages: 1.62 ms against 1.07 ms in the run above, 1.35 against 1.19 ms in a
 * first build with both processes started early (load 12-15), where process 0 ended 4.7 s before the other.
 */
export const LIST_PAGE_WEIGHT = 1.3;

/**
 * What a process that starts with the render plans does before its first page, in paper pages, per paper of the
 * list: 5.78 CPU-s ÷ 1.07 ms ≈ 5,400 paper pages at 9,987 papers (as above). Its content store sync and the
 * bundle's data module grow with the list; loading Astro and bundling do not, a share of it small lists underrate.
 */
export const START_PAGES_PER_PAPER = 0.54;

/** The head start of process 0 over a process started with the plans, in paper pages, for a list of `papers` papers. */
export const startPages = (papers: number): number => Math.round(papers * START_PAGES_PER_PAPER);

/**
 * Paper pages process 0 renders, of `paperPages`, beside `listPages` list pages, when `processes` processes share the
 * build and the others start `headStart` paper pages behind it: each other process gets the same work W (its start and
 * its pages), process 0 too (its list pages, weighted, and its paper pages), so W = (paperPages + listPages × weight +
 * (processes − 1) × headStart) ÷ processes. With one process, all of them.
 */
export function firstPaperPages(paperPages: number, listPages: number, processes: number, headStart = 0): number {
  if (processes <= 1) return paperPages;
  const lists = listPages * LIST_PAGE_WEIGHT;
  const each = (paperPages + lists + (processes - 1) * headStart) / processes;
  return Math.min(paperPages, Math.max(0, Math.round(each - lists)));
}
