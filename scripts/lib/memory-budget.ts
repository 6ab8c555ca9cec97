/**
 * How much memory the build's process tree may take at once, and what each kind of process takes, so the
 * build can decide how many memory-heavy processes run side by side. Issue #18 asks a 50k-paper cold build
 * to stay within 3 GiB summed over the whole tree (the build, its Astro processes and the Pagefind binary).
 *
 * The resident sizes are per-process peaks sampled from /proc every 150 ms during cold builds of
 * `make-corpus.mjs` lists (session 8, 2 cores, load 12-29): an Astro process held ~700-750 MiB at 20k
 * papers and ~1,050-1,070 MiB at 50k while rendering (its whole content store and route list, whatever
 * its share of the pages), and a second one peaked at 1,306 MiB while it bundled beside the first; the
 * build process held 786-1,000 MiB at 20k and 1,170-1,550 MiB at 50k during the render (its live heap
 * after a full GC: 245 MB and 490 MB); a Pagefind run took ~600 MiB for a 6,250-page shard.
 *
 * With one Astro process at 50k papers (and the build's papers let go before the render), two cold builds run
 * at once from the same corpus (load ~20): peak over the tree 4,368 -> 2,999 MiB, wall 998 -> 1,019 s,
 * user+sys CPU 336 -> 313 s; there the peak was Astro bundling (1,306 MiB) while the build formatted references
 * (1,676 MiB, worker threads included). A second run alone at load 3-10 peaked at 3,249 MiB during the render:
 * the build 1,531, Astro 1,103, a Pagefind shard 598. The build process keeps the resident size its ingest
 * reached (1.3-1.5 GiB at 50k) through the render though its live heap is ~270 MB after a full GC: a GC forced
 * after the offline index (tried, not kept) took 1,684 -> 1,507 MiB, of which 938 MiB in V8's 256 KiB pages
 * against a heapTotal of 449 MB.
 *
 * Session 9: the ingest runs in a child process (ingest-child.ts) and the abstract and reference makers in
 * child processes (warm-cache.ts), so their memory ends with them. 50k cold (make-corpus, one Astro process):
 * bench at load 11-17, ingest child only: tree peak 3,293 -> 2,765 MiB (build process ~1,005 MiB at the peak,
 * Astro 1,100, a Pagefind shard 642); a direct build at load 6-12 with the makers in processes too: 2,867 MiB
 * (build 1,054, Astro 1,086, Pagefind 711; the ingest child peaked at 1,407 MiB, before Astro had started). At
 * 10k the makers' processes took the build's own peak 686-907 -> ~450 MiB. What the build still holds through
 * the render at 50k is its own heap: the papers it was handed, the data files' strings, the search documents and
 * the offline index (10k: rss 436 MiB against a heapTotal of 247 MB). The BUILD_* figures below were left as
 * measured in session 8 (an overestimate now), so the render keeps its one process from ~22k papers on.
 */

/** Issue #18: a 50k-paper cold build within 3 GiB over the whole process tree. */
export const TREE_BUDGET_MIB = 3072;

/** An Astro process: a fixed part (Node, Astro, Vite, rolldown's arena) and the content store and routes per paper. */
const ASTRO_FIXED_MIB = 490;
const ASTRO_PER_PAPER_MIB = 0.0115;

/** The build process while Astro renders: the papers, their search documents and the offline index being made. */
const BUILD_FIXED_MIB = 300;
const BUILD_PER_PAPER_MIB = 0.022;

/** The Pagefind binary, per page of the shard it indexes (~600 MiB for 6,250 pages). */
const PAGEFIND_PER_PAGE_MIB = 0.1;

/** The resident size (MiB) an Astro process rendering a list of `papers` papers reaches. */
export function astroProcessMib(papers: number): number {
  return ASTRO_FIXED_MIB + ASTRO_PER_PAPER_MIB * papers;
}

/**
 * How many Astro processes (at least 1, at most `wanted`) fit `budgetMib` beside the build process and a
 * Pagefind run over shards of up to `shardPages` pages, for a list of `papers` papers. The render is what
 * gives way: one process renders all the pages, while the search indexes keep the other core busy (at 50k
 * papers Pagefind alone takes about as long as the render).
 */
export function renderProcessesWithin(papers: number, shardPages: number, wanted: number, budgetMib = TREE_BUDGET_MIB): number {
  const others = BUILD_FIXED_MIB + BUILD_PER_PAPER_MIB * papers + PAGEFIND_PER_PAGE_MIB * Math.min(papers, shardPages);
  const fit = Math.floor((budgetMib - others) / astroProcessMib(papers));
  return Math.max(1, Math.min(wanted, fit));
}

/**
 * The ingest child at its peak, which it keeps until it ends: 1,407 MiB at 50k papers (session 9, above), taken
 * as the build process's fixed and per-paper parts, which give 1,400 there.
 */
const INGEST_FIXED_MIB = BUILD_FIXED_MIB;
const INGEST_PER_PAPER_MIB = BUILD_PER_PAPER_MIB;

/**
 * Whether the ingest child may hand its papers over before it writes the entry files (ingest-child.ts), and so
 * stay resident while the build goes on beside up to two Astro processes (a first build starts both early):
 * up to ~22k papers within `budgetMib`. Above, it writes them first and ends before the build goes on, as the
 * 50k build's 3 GiB asks.
 */
export function entriesWrittenAlongside(papers: number, budgetMib = TREE_BUDGET_MIB): boolean {
  const ingest = INGEST_FIXED_MIB + INGEST_PER_PAPER_MIB * papers;
  const build = BUILD_FIXED_MIB + BUILD_PER_PAPER_MIB * papers;
  return ingest + build + 2 * astroProcessMib(papers) <= budgetMib;
}

/**
 * How many Pagefind runs (at least 1, at most `wanted`) fit `budgetMib` at once beside the build process and
 * `renderProcesses` Astro processes, for a list of `papers` papers whose largest search shard holds `shardPages`
 * pages. At 10k papers (two Astro processes, shards of ~5k pages) two fit; at 50k (one Astro process, shards of
 * ~6.3k pages) one does while Astro renders, and two once it has ended (`renderProcesses` 0).
 */
export function pagefindRunsWithin(papers: number, shardPages: number, renderProcesses: number, wanted: number, budgetMib = TREE_BUDGET_MIB): number {
  const others = BUILD_FIXED_MIB + BUILD_PER_PAPER_MIB * papers + renderProcesses * astroProcessMib(papers);
  const fit = Math.floor((budgetMib - others) / (PAGEFIND_PER_PAGE_MIB * Math.max(1, shardPages)));
  return Math.max(1, Math.min(wanted, fit));
}
