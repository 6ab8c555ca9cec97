/**
 * `astro build` in child processes. Astro holds on to what it loaded (its content store, the bundled
 * pages, a heap grown to fit them) until its process ends, and the stages after it would have to fit
 * beside that; a child's memory is gone when it exits. Its heap is also capped (`astroHeapMb`): V8
 * otherwise lets garbage pile up to its default limit (4 GB here) before it collects in earnest.
 *
 * Astro renders pages on one thread, so the site is rendered by several builds at once, each with a
 * render plan (src/site/lib/kept-pages.ts): process 0 writes into `dist/` and renders the list pages and
 * some paper pages; each other process renders only its share of paper pages, into a folder of its own
 * whose paper pages are then moved into `dist/`. Each has its own content store and Vite cache (two
 * processes must not write one store at once); the generated types in `.astro/` they write alike.
 *
 * A process is started (startAstro) before it is told to build: it loads Astro meanwhile, and the build
 * (scripts/build.ts) starts process 0 before its ingest and tells it to build before the render plans exist,
 * which its pages wait for. A rebuild is mostly fixed costs of Astro (loading it, syncing the store, bundling:
 * ~3 of its ~5 s at 10k papers, 607 pages, `logLevel: 'info'`), which this moves off the main thread's path.
 * Measured at 10k papers (scratch copies, load 1.7-3.5, same snapshots, interleaved with main at 6208af8): adding
 * a 10-paper dump 10.64 -> 9.94 s (median of 4 each), the whole tree's CPU about the same (~16 s: the build is
 * near the bound of two cores, so what is left to gain is CPU, not overlap); cold 40.4 -> 36.5 s (mean of 2
 * each, ±4 s run to run; Astro syncs and bundles while the abstracts and references are made).
 * Starting process 1 with process 0 on a cold build (so it, too, syncs and bundles during those stages) was
 * tried in session 8 and not kept: in the one pair measured beside main (10k, load 12-31) the process tree
 * took 93.6 against 80.4 CPU-s, the Astro processes 34.2 against 29.4, and no quiet measure showed a wall gain.
 * Session 10 looked at when each process ends (10k cold, scratch copies, load 8-15): started with the plans,
 * process 1 reached its first page 10-13 s after process 0 (its 5.8 CPU-s of start wait on the disk under load)
 * and ended 14-18 s after it, alone on its core; a first build now starts it beside process 0 (build.ts
 * `buildShares`): both reached their first page within 0.3 s and ended 4.7 and 1.0 s apart, astro stage 24.9 and
 * 21.8 s against 36.6-46.9 s for main at the same load, Astro processes 26.1 and 29.8 against 27.2-30.6 CPU-s
 * (render-shares.ts). Back to back with main at load 8-11: the whole build 65.2 s (76.6 CPU-s) against 87.3 s
 * (84.1 CPU-s); abstracts + citations + astro 37.6 s against 51.1 s (citations 11.4 s against 9.3 s: the second
 * process starts during them).
 * Session 9 (10k add-one, scratch copies, load 5-15, Astro process 0's CPU from the build request to its end):
 * the config loaded ahead and Node's compile cache 4.73, 4.76, 4.68, 4.63, 4.53 s (main) -> 4.58, 4.17, 4.45, 3.98, 3.95 s
 * (5 pairs, interleaved); the whole build (with the offline index taken up, offline-search.ts) 16.2 -> 14.2 CPU-s (medians).
 * Tried and not kept: a larger young generation (`--max-semi-space-size=64`; garbage collection was 2.4 of the
 * 10.8 s the process was busy after the request, profiled at load ~10): 4.86 and 4.46 s against 4.17 and 4.56.
 * Session 11 (10k cold, scratch copy, load 10-22; each process's own CPU at the build request, at its first page
 * and at its end): the astro stage's 41.9 CPU-s (benchmarks.md's "astro" CPU) were 31.6 of the two Astro processes,
 * 5.8 of Pagefind (a child that ends within the stage) and 4.5 of the build's own thread (offline index, data
 * files). Of the Astro processes' 31.6: loading Astro and the config before the request 2.2 and 1.1, from the
 * request to the first page (content store sync of 9,987 entries, bundling, static paths) 5.0 and 4.4, rendering
 * 9.8 (2,412 list and 3,723 paper pages) and 9.2 (6,264 paper pages): ~1.5 ms a page at that load, not the 3.3
 * that the stage's CPU over its pages gives. One process rendering all 12,399 pages with a warm store (harness
 * calling astro's build() as main() does, load 6-10) took 17-20 CPU-s, ~3.5 of them before the first page; the
 * floor project (scripts/bench/floor-project.ts) with as many pages 9.4-13.3 CPU-s at the same load, 4-7.6 of them
 * system time (Astro's mkdir and write per page). A 20-component test (20 trivial components added to every paper
 * page) cost ~0.25 CPU-s over 9,987 pages: Astro's per-component cost is ~1 µs, so merging components saves nothing.
 * The pages' own work removed in session 11 (plain text and summary per page, the site name's lookup, citation-js
 * loaded): the 9,987 paper pages alone, 4 interleaved pairs at load 4-8, user CPU from the first page 9.49 -> 8.68 s
 * (medians; user + system 11.96 -> 11.90 s, within the runs' spread of ±2 s). What a paper page still costs above
 * the floor (profile, per page): Astro's own render and Response 0.3 ms, garbage collection ~0.2 ms, reading its
 * entry, abstract and citation files ~0.05 ms, the language guess ~0.015 ms.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { enableCompileCache, flushCompileCache } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PAPER_ENTRIES_ENV, paperEntriesFile } from '../../src/site/content/paper-entries-file.ts';
import { compileCacheDir } from './compile-cache.ts';

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  /** This process's render plan (src/site/lib/kept-pages.ts). */
  planFile: string;
  /** 0 for the process that writes `outDir` itself; the others get their own caches. */
  share: number;
}

/**
 * Heap for a site of `papers` papers: measured live sets plus headroom (see docs/benchmarks.md), never
 * below 1.5 GB nor above V8's 4 GB default. A 50k-paper site builds within 2 GB. Re-measured (`--trace-gc`,
 * 50k cold, two processes): the live set after each full GC stays at 530–545 MB while rendering and the
 * heap never passes ~900 MB, so this cap does not bind; what made a process's RSS 1.6–1.9 GB was outside
 * the JS heap (`ASTRO_ALLOCATOR_ENV`).
 */
export function astroHeapMb(papers: number): number {
  return Math.round(Math.min(4096, Math.max(1536, 768 + papers * 0.03)));
}

/**
 * Fewest bytes of source files a paper takes: a bare abstract of ~400 characters (the 10k bench corpus has ~970
 * bytes a paper, BibTeX and RIS exports more), so the source files' size over this is at least the paper count.
 */
const MIN_SOURCE_BYTES_PER_PAPER = 400;

/**
 * Heap for Process 0 of a first build, which has no entries to count papers by (`astroHeapMb` needs the count):
 * the cap that fits at least as many papers as the source files in `sourcesDir` could hold, when that is the
 * smallest cap anyway (lists up to ~25k papers); undefined above that, so the build starts Astro once it has
 * the count instead of with a cap far too large. Starting it at once loads Astro on the core the ingest leaves
 * idle while it reads and parses the sources (no worker runs beside it before the merge).
 */
export function firstBuildHeapMb(sourcesDir: string): number | undefined {
  const bytes = fileBytes(sourcesDir);
  const heapMb = astroHeapMb(Math.ceil(bytes / MIN_SOURCE_BYTES_PER_PAPER));
  return heapMb === astroHeapMb(0) ? heapMb : undefined;
}

/** Total size of the files under `dir` (0 when it is missing). */
function fileBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return bytes;
}

/**
 * Allocator settings for the Astro processes. Vite bundles with rolldown, whose mimalloc reserves a 1 GiB
 * arena with transparent huge pages and gives freed memory back only after a delay, on a later call into
 * it: once the bundle is written nothing calls it, so what bundling used stayed resident through the whole
 * render (smaps: 298 MiB of huge pages in that arena mid-render at 10k papers, 3.8 MiB of it in use).
 * Without huge pages and with freed pages returned at once, process 0 of a 10k cold build (6.3k pages,
 * run alone, twice each) peaked at 673 and 821 MiB instead of 939 and 1,056 MiB, at the same CPU time.
 */
const ASTRO_ALLOCATOR_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' };

/** Where process `share` (> 0) writes its pages and keeps its caches. */
const shareDir = (root: string, share: number) => join(root, '.cache', `astro-share-${share}`);

/** An Astro process that has loaded Astro and waits for `build`; `stop` ends it if it is not needed. */
export interface AstroProcess {
  /** The heap cap it was started with (MB). */
  readonly heapMb: number;
  build(options: AstroBuildOptions): Promise<void>;
  stop(): void;
}

/**
 * Forks an Astro process, which loads Astro (its modules, Vite, rolldown: ~1 s of CPU) at once and builds
 * when `build` is called. The build starts one before it knows the paper count or the pages to keep, so
 * the loading runs on the core the ingest leaves idle. The process ends itself if the build that started
 * it ends first.
 */
export function startAstro(heapMb: number): AstroProcess {
  const child = fork(fileURLToPath(import.meta.url), [], {
    // PAPERSHELF_ASTRO_NODE_FLAGS: extra Node flags for profiling (e.g. `--heapsnapshot-signal=SIGUSR2`).
    execArgv: [`--max-old-space-size=${heapMb}`, ...(process.env.PAPERSHELF_ASTRO_NODE_FLAGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, ...ASTRO_ALLOCATOR_ENV },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const ended = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit code ${code}`}); its messages are above`))));
  });
  ended.catch(() => {}); // reported by build() when one is asked for
  return {
    heapMb,
    build: (options) => {
      child.send(options);
      return ended;
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/**
 * Starts one Astro process per plan file after the first (process 0, `first`, started with startAstro and told to
 * build), each rendering its share into a folder of its own; resolves when all of them, process 0 included, have
 * ended. The plan files need not exist yet: a process waits for its own (src/site/lib/kept-pages.ts).
 */
export function buildShares(root: string, first: Promise<void>, planFiles: readonly string[], heapMb: number): Promise<void> {
  for (let share = 1; share < planFiles.length; share++) rmSync(shareOut(root, share), { recursive: true, force: true });
  // The others start once the first has written the module lists every process writes alike into
  // `.astro/`: Astro writes each through one fixed temporary name, so two processes writing at once
  // failed (UnknownFilesystemError, a cold 10k build on a fresh copy); after that they find the file
  // as they would write it and leave it. (clearSharedFiles removed them before process 0 started.)
  const others = async () => {
    if (planFiles.length > 1) await firstWritten(root, first);
    await Promise.all(planFiles.slice(1).map((planFile, i) => startAstro(heapMb).build({ root, outDir: shareOut(root, i + 1), planFile, share: i + 1 })));
  };
  return Promise.all([first, others()]).then(() => {});
}

/**
 * Renders the site into `outDir`: waits for `builds` (buildShares) of `shares` processes, of which process 0 writes
 * `outDir` itself, then moves the paper pages of the others from their folders into `outDir/papers/`.
 */
export async function renderSite(root: string, outDir: string, builds: Promise<void>, shares: number): Promise<void> {
  await builds;
  mkdirSync(join(outDir, 'papers'), { recursive: true });
  for (let share = 1; share < shares; share++) {
    const dir = shareOut(root, share);
    const papers = join(dir, 'papers');
    if (existsSync(papers)) for (const name of readdirSync(papers)) if (name.endsWith('.html')) renameSync(join(papers, name), join(outDir, 'papers', name));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder process `share` (> 0) renders its pages into. */
const shareOut = (root: string, share: number) => join(shareDir(root, share), 'dist');

/** Removes the shared `.astro/` files before process 0 builds, so that it always writes them and firstWritten's wait ends. */
export function clearSharedFiles(root: string): void {
  for (const f of SHARED_FILES) rmSync(join(root, '.astro', f), { force: true });
}

/** Astro's module lists in `.astro/` that every process writes through the same temporary file. */
const SHARED_FILES = ['content-modules.mjs', 'content-assets.mjs'];

/** Resolves when the shared `.astro/` files exist (at once if they do), or when `build` ends first. */
async function firstWritten(root: string, build: Promise<void>): Promise<void> {
  let ended = false;
  void build.then(
    () => (ended = true),
    () => (ended = true),
  );
  while (!ended && !SHARED_FILES.every((f) => existsSync(join(root, '.astro', f)))) await new Promise((r) => setTimeout(r, 100));
}

async function main(options: AstroBuildOptions): Promise<void> {
  const { build } = await import('astro');
  // The entries the build's ingest wrote: the pages read them, and the paper loader leaves the store empty.
  const entries = paperEntriesFile(options.root);
  process.env[PAPER_ENTRIES_ENV] = entries;
  const own = options.share === 0 ? {} : { cacheDir: join(shareDir(options.root, options.share), 'astro') };
  await build({
    root: options.root,
    logLevel: 'warn',
    outDir: options.outDir,
    ...own,
    vite: {
      define: { 'import.meta.env.PAPERSHELF_RENDER_PLAN': JSON.stringify(options.planFile), 'import.meta.env.PAPERSHELF_PAPER_ENTRIES': JSON.stringify(entries) },
      build: { emptyOutDir: false },
      ...(options.share === 0 ? {} : { cacheDir: join(shareDir(options.root, options.share), 'vite') }),
    },
  });
}

/**
 * What an Astro process loads before it is told to build, on the core the ingest leaves idle: Astro, then
 * the project's config with all it imports (`astro/config` brings svgo and csso, the config the Markdown and
 * MDX plugins, KaTeX). Astro's build imports the config again (with a `?t=` query, astro/dist/core/config/
 * vite-load.js), which then evaluates only the config file itself: its imports are in Node's module cache.
 */
async function preload(root: string): Promise<void> {
  await import('astro');
  await import(pathToFileURL(join(root, 'astro.config.mjs')).href);
  // Written now, not when the process exits: on a first build the other process starts while this one runs
  // and loads the same modules (without this, compiling them again: ~0.8 s of its start in a profile, load 8).
  flushCompileCache();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  enableCompileCache(compileCacheDir(process.cwd()));
  // Loaded now, used when the build sends the options (the build's working directory is the project root).
  preload(process.cwd()).catch(() => {}); // a failure shows again, and is reported, in main()
  // The build that started this process ended (failed): nobody waits for these pages.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (options: AstroBuildOptions) => {
    main(options).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error((error as Error).stack ?? String(error));
        process.exit(1);
      },
    );
  });
}
