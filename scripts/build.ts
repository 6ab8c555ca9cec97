/**
 * `npm run build`: ingest → browser code → Astro → assets → data, feed and sitemap → search
 * indexes, all into `dist/`. Prints one line per stage with its time, so a slow stage shows itself.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { routes } from '../src/core/routes.ts';
import { siteUrl } from '../src/core/site.ts';
import { summarize } from '../src/core/summarize.ts';
import { formatReport } from '../src/ingest/format-report.ts';
import { feedXml } from '../src/publish/feed.ts';
import { buildOfflineSearchReusing } from '../src/publish/offline-search.ts';
import { buildPagefindIndex, ShardWords, type PagefindRuns } from '../src/publish/pagefind-index.ts';
import { readText } from '../src/publish/read-text.ts';
import { SHARD_MAX_PAGES } from '../src/publish/search-shards.ts';
import { papersJson } from '../src/publish/papers-json.ts';
import { searchDocOf, type SearchDoc } from '../src/publish/search-document.ts';
import { fillSearchPage } from '../src/publish/search-page-files.ts';
import { placeCards, renderCardsToCache } from '../src/publish/og-cards.ts';
import { siteCards, undrawableOnCards } from '../src/publish/site-cards.ts';
import { sitemapXml } from '../src/publish/sitemap.ts';
import { bibtex } from '../src/site/lib/citation.ts';
import { prewarmCitationCache, warmCitationCache } from '../src/site/lib/warm-citation-cache.ts';
import { CITATION_CACHE_ROOT, citationCacheDir } from '../src/site/lib/citation-cache-dir.ts';
import { prewarmAfter, type Prewarm } from '../src/site/lib/warm-cache.ts';
import { ABSTRACT_CACHE_ROOT, abstractCacheDir } from '../src/site/markdown/abstract-cache-dir.ts';
import { prewarmAbstractCache, warmAbstractCache } from '../src/site/markdown/warm-abstract-cache.ts';
import { astroHeapMb, buildShares, clearSharedFiles, firstBuildHeapMb, renderSite, startAstro, type AstroProcess } from './lib/astro-child.ts';
import { bundleBrowserCode } from './lib/bundle-browser.ts';
import { bibtexEntriesFile, loadBibtexEntries, storeBibtexEntries } from './lib/bibtex-entries.ts';
import { countedAheadOnEnd, cpuSeconds, stageLine } from './lib/stage-clock.ts';
import { htmlFilesIn } from './lib/html-files.ts';
import { storeOfflineIndexState, takeOfflineIndexState } from './lib/offline-index-state.ts';
import { buildSignature, codeSignature, storedSignature, storeSignature } from './lib/build-signature.ts';
import { readSiteIdentity } from './lib/site-identity.ts';
import { clearRenderPlans, hasStoredSignatures, keptPaths, planPaperPages, removeStale, renderPlanFile, storePageSignatures, writeRenderPlans } from './lib/incremental-pages.ts';
import { entryCount } from './lib/entries-dir.ts';
import { abstractBodies, ingestInChild } from './lib/ingest-child.ts';
import { pagefindRunsWithin, renderProcessesWithin } from './lib/memory-budget.ts';
import { firstPaperPages, startPages } from './lib/render-shares.ts';
import { readCommandLine } from './lib/command-line.ts';

const root = process.cwd();
const outDir = resolve(root, process.env.PAPERSHELF_OUT_DIR ?? 'dist');

/**
 * A second Astro process first loads the content store and bundles the pages itself, ≈8 s of CPU at 10k
 * papers (astro stage CPU 66 s with two processes against 50 s with one, cold, 12.4k pages), while a page
 * costs ≈3.4 ms; with the search indexes busy on the other core meanwhile, it pays off only for a share
 * of at least this many pages. A rebuild that adds a dump (≈500 paper pages, the lists in process 0) stays
 * in one process: two cost it 25 CPU-s against 16.
 */
const MIN_PAGES_FOR_SECOND_PROCESS = 2500;

/**
 * How far the heap cap an Astro process was started with (from the last build's paper count) may fall short of
 * the one the list now calls for before the process is replaced. The cap has ample headroom (astro-child.ts
 * astroHeapMb: a 50k-paper process's live set stays under 550 MB against a cap of ~2.3 GB), and above ~25k papers
 * it grows with every paper: replacing the process on any growth threw away its loaded Astro whenever a dump was
 * added to a list that size.
 */
const HEAP_CAP_SLACK = 1.1;

/** Each process holds every paper's entry and the catalog built from them, so more than two would not fit 50k papers in 3 GiB. */
const MAX_RENDER_PROCESSES = 2;

/**
 * Astro processes for `toRender` paper pages and `listPages` other pages of a list of `papers` papers: one
 * per core, up to `MAX_RENDER_PROCESSES`, when the paper pages another process would take (render-shares.ts, when
 * it starts `headStart` paper pages behind process 0) are enough and the processes fit the tree's memory budget beside the build and Pagefind
 * (scripts/lib/memory-budget.ts: one from ~22k papers on).
 */
function renderProcesses(papers: number, toRender: number, listPages: number, headStart: number): number {
  // Set for tests, so a small site is rendered by several processes too.
  const forced = Number(process.env.PAPERSHELF_RENDER_PROCESSES);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  const secondShare = toRender - firstPaperPages(toRender, listPages, 2, headStart);
  if (secondShare < MIN_PAGES_FOR_SECOND_PROCESS) return 1;
  return renderProcessesWithin(papers, SHARD_MAX_PAGES, Math.max(1, Math.min(availableParallelism(), MAX_RENDER_PROCESSES)));
}

/**
 * The card worker threads' nice value (Linux). Nothing waits for a card until the build's end, while the stages
 * from the hand-off to the search indexes are one chain; at the same priority the two card threads took their
 * share of the cores from that chain (and from the ingest child writing the entries). At the lowest priority they
 * take what the chain leaves, and the cores once it ends. Measured (session 14, 10k cold with SITE_URL, scratch
 * copies built side by side, each in its own session, with one without SITE_URL; three rounds at load 24-69 from
 * other sessions, which stretch every time 4-8×): the stages before og cards ended -1, +24 and +50 s after those
 * of the build without SITE_URL, against +138, +78 and +105 s at nice 0; the card threads' CPU 39.5, 37.2 and
 * 36.0 s against 42.7, 38.9 and 36.6 s; the process tree's 148, 139 and 130 s against 160, 142 and 132 s. The
 * whole build's wall under that load is mostly the other sessions' share: 460, 518 and 545 s against 502, 499 and
 * 519 s. On a quiet machine the cards cost at least their CPU time over the cores either way; this keeps the
 * chain from being stretched beyond that.
 */
const CARD_NICE = 19;

const logStage = (name: string, ms: number, cpuS?: number) => console.log(stageLine(name, ms, cpuS));

async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const cpu = cpuSeconds();
  const result = await run();
  logStage(name, performance.now() - started, cpuSeconds() - cpu);
  return result;
}

function writeOut(path: string, text: string): void {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(join(outDir, path), text);
}

/**
 * Both search indexes, from the same search documents so both engines find the same papers. They run
 * alongside Astro, so their times are logged as `alongside:` lines, not stages (whose times add up).
 */
async function searchIndexes(searchDocs: SearchDoc[], recent: readonly string[], code: string, runsFor: (largestShardPages: number) => PagefindRuns): Promise<{ pages: number; offlineFiles: string[] }> {
  const alongside = (name: string, ms: number) => console.log(`build: alongside: ${name} ${(ms / 1000).toFixed(2)} s`);
  let started = performance.now();
  // Recent papers last, in the order they came, so papers added next extend the index rather than renumber it.
  const recentAt = new Map(recent.map((url, i) => [url, i]));
  const offlineOrder = [...searchDocs.filter((d) => !recentAt.has(d.url)), ...searchDocs.filter((d) => recentAt.has(d.url)).sort((a, b) => recentAt.get(a.url)! - recentAt.get(b.url)!)];
  const shardWords = new ShardWords(searchDocs, SHARD_MAX_PAGES, recent);
  // The words of the documents that are as they were come from the last build's index, made by the same code.
  // The files the last build's state says are unchanged stay as they are in dist/; the others are made and written.
  const statePath = join(root, '.cache', 'offline-search-state.bin');
  const lastFile = (path: string) => readText(join(outDir, path));
  const { files: made, state } = buildOfflineSearchReusing(offlineOrder, SHARD_MAX_PAGES, recent, (doc, words) => shardWords.add(doc, words), takeOfflineIndexState(statePath, outDir), code, lastFile);
  for (const [path, text] of made) writeOut(path, text);
  storeOfflineIndexState(statePath, state);
  alongside('offline search', performance.now() - started);
  console.log(`build: offline search: ${made.size} of ${state.files.length} files written, the others unchanged`);
  started = performance.now();
  // buildPagefindIndex empties dist/pagefind itself, then links each shard from .cache/pagefind.
  // Each document's hash from the offline index, which hashes what a Pagefind record is made of.
  const hashOf = new Map(offlineOrder.map((doc, i) => [doc, state.docHashes[i]!]));
  const indexed = await buildPagefindIndex(outDir, searchDocs, join(root, '.cache', 'pagefind'), SHARD_MAX_PAGES, recent, shardWords, { key: code, hashOf: (doc) => hashOf.get(doc)! }, runsFor);
  alongside('pagefind', performance.now() - started);
  console.log(`build: pagefind: ${indexed.indexed} of ${indexed.shards} shards indexed, ${indexed.shards - indexed.indexed} reused from .cache/pagefind`);
  return { ...indexed, offlineFiles: state.files };
}

async function main(): Promise<void> {
  const started = performance.now();
  const site = siteUrl(process.env.SITE_URL); // fails early, with a hint, on a malformed SITE_URL
  const identity = readSiteIdentity(root); // likewise on an intro page whose front matter is not YAML
  if (!site) {
    console.log(
      'build: SITE_URL is not set, so pages have no canonical or og:url link and no link-preview image, ' +
        'and sitemap.xml and rss.xml use relative addresses. Everything else works. ' +
        'To add them: SITE_URL=https://your.host/path/ npm run build',
    );
  }
  // Sources, entries, taxonomy, code and SITE_URL as they were at the last build: then the ingest
  // would change nothing and the build would write the same files, so dist/ is current.
  const code = codeSignature(root);
  if (buildSignature(root, process.env, code) === storedSignature(outDir)) {
    console.log(`build: nothing changed since the last build; ${relative(root, outDir) || '.'}/ is up to date (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  const cacheDir = join(root, '.cache');
  clearRenderPlans(cacheDir);
  // Astro process 0 loads Astro on the core the ingest leaves idle. Its heap cap needs the paper count,
  // which the last build's entries give; a first build bounds it by the sources' size (firstBuildHeapMb), or
  // starts it after the ingest.
  const lastCount = entryCount(join(root, 'content', 'papers'));
  const earlyHeapMb = lastCount > 0 ? astroHeapMb(lastCount) : firstBuildHeapMb(join(root, 'content', 'sources'));
  let astro0 = earlyHeapMb !== undefined ? startAstro(earlyHeapMb) : undefined;
  // The browser code, which Astro copies from public/, is made once, before the first process is told to build.
  let browserCode: Promise<void> | undefined;
  const browserCodeMade = () => (browserCode ??= stage('browser code', () => bundleBrowserCode(root)));
  // Process 0 told to build (the build itself waits for the plans and the entries) and when.
  let first: Promise<void> | undefined;
  let astroStarted = 0;
  const tellFirst = (process0: AstroProcess) => {
    astroStarted = performance.now();
    clearSharedFiles(root);
    first = process0.build({ root, outDir, planFile: renderPlanFile(cacheDir, 0), share: 0 });
    first.catch(() => {}); // awaited, and so reported, by the astro stage
  };
  // A first build with no entries yet (a cold build of a list of up to ~25k papers) tells process 0 to build once the
  // abstracts' head start is done, so that it syncs and bundles on the core the ingest leaves idle (the references'
  // head start shares it from the titles on) rather than after the hand-off, beside the second process's start.
  // Its heap cap bounds any list its sources can hold (firstBuildHeapMb), so it is never replaced for a larger one.
  // A rebuild still tells it after the hand-off: telling it before the ingest slowed the ingest (see below).
  // Measured (session 13, 10k cold, scratch copies interleaved with main at 303b398, with plain-prose abstracts, load
  // 13-41 from other sessions): process 0 synced and bundled from 18 s on while the ingest tagged until 55 s (load 17);
  // process tree 70.9, 86.8, 87.6 CPU-s against main's 78.1, 88.3, 82.1; dist/ identical; wall within the load's
  // noise (130-415 s against 168-444 s), so its wall gain is still to be measured on a quiet machine.
  const buildsEarly = astro0 !== undefined && lastCount === 0 && !hasStoredSignatures(outDir);
  let handedOff = false;
  const buildEarly = () => {
    if (!buildsEarly || handedOff || first) return;
    browserCodeMade().then(() => {
      if (!handedOff && !first && astro0) tellFirst(astro0);
    }, () => {}); // a failed bundle is reported where the build awaits it
  };
  // Tagging (topics, tags, related papers) is reported apart from the rest of the ingest.
  const tagging = { ms: 0, cpuS: 0 };
  // A phase may run twice (tagging: the incremental try, then the whole list); its times add up.
  const phases = new Map<string, number>();
  const ingestStarted = performance.now();
  const ingestCpu = cpuSeconds();
  // The ingest runs in a child process (scripts/lib/ingest-child.ts), whose memory is gone when it ends; the
  // idle core renders abstracts from the merge on (deriving titles is one thread's work), then formats references
  // from the titles on: one worker at a time, so the ingest keeps its core (with both workers at once through the
  // tagging, one 10k cold build at load 12-17 took 79 CPU-s against 72 for main's run beside it, and the
  // citations head start fell from 6,825 references to 2,125).
  // Once the references are made, the abstracts that head start did not reach are rendered on that core again:
  // since csl-specialise.ts the references of 10k papers take ~3 CPU-s of the tagging's ~20 s.
  let abstractsAhead: Prewarm = { stop: () => {}, done: Promise.resolve(0) };
  let prewarm: Prewarm = { stop: () => {}, done: Promise.resolve(0) };
  let bodiesAhead: readonly string[] = [];
  const child = ingestInChild(root, {
    onBodies: (bodies) => {
      bodiesAhead = bodies;
      abstractsAhead = prewarmAbstractCache(bodies, abstractCacheDir(root));
      abstractsAhead.done.catch(() => {}); // awaited, and so reported, by the abstracts stage
      abstractsAhead.done.then(buildEarly, buildEarly);
    },
    onTitled: (papers) => {
      abstractsAhead.stop(); // the abstracts stage makes what no head start reached, on both cores
      prewarm = prewarmCitationCache(papers, citationCacheDir(root));
      prewarm.done.catch(() => {}); // awaited, and so reported, by the citations stage
      abstractsAhead = prewarmAfter(abstractsAhead, prewarm, () => prewarmAbstractCache(bodiesAhead, abstractCacheDir(root)));
      abstractsAhead.done.catch(() => {});
    },
    onPhase: (name, ms, cpuS) => {
      if (name === 'tagging' || name === 'related') {
        tagging.ms += ms;
        tagging.cpuS += cpuS;
      }
      phases.set(name, (phases.get(name) ?? 0) + ms);
    },
  });
  const ingested = await child.handoff;
  handedOff = true;
  // The child goes on to write content/papers and the report, which only Astro's paper pages read: awaited
  // before keep pages lets Astro render. Its CPU up to the hand-off counts here, the rest where it ends.
  child.written.then(countedAheadOnEnd(ingested.cpuS), () => {});
  logStage('ingest', performance.now() - ingestStarted - tagging.ms, cpuSeconds() - ingestCpu - tagging.cpuS + ingested.cpuS);
  logStage('tagging', tagging.ms, tagging.cpuS);
  console.log(`build: ${formatReport(ingested.report, ingested.issues).split('\n\n')[1]} (details: content/ingest-report.json)`);

  // Cards exist only to be linked by absolute og:image URLs, so only with SITE_URL; unchanged ones come from
  // the cache. They need only the papers, so they render on worker threads while Astro (one thread) builds.
  const siteCardList = site ? siteCards(ingested.papers, identity.name) : [];
  const cardsRendering = site ? renderCardsToCache(siteCardList, join(root, '.cache', 'og-cards'), { nice: CARD_NICE }) : undefined;
  cardsRendering?.catch(() => {}); // awaited, and so reported, by the og cards stage
  await browserCodeMade();
  // Astro starts on the written entries and the browser code (it copies public/); it syncs its content
  // store and bundles the pages while the stages below prepare what only rendering reads: the abstracts,
  // the references and the render plans, which the pages wait for (src/site/lib/kept-pages.ts).
  const heapMb = astroHeapMb(ingested.papers.length);
  if (astro0 && !first && astro0.heapMb * HEAP_CAP_SLACK < heapMb) {
    astro0.stop(); // a list that grew well past what its cap was set for
    astro0 = undefined;
  }
  // Telling a rebuild's process to build before the ingest (its pages waiting for the plan, its entries read after
  // it) was measured and not kept: 10k add-one 6.5 / 6.0 -> 7.2 / 6.7 s (load ~2, interleaved), the ingest and
  // tagging slowed beside Astro's sync and bundle while the astro stage fell by 0.2 s.
  if (!first) tellFirst(astro0 ?? startAstro(heapMb));
  // A first build keeps no page (no signatures stored with dist/), so the number of processes that render is known
  // now: the others start too, and load Astro, sync and bundle while the abstracts and references are made, as process
  // 0 does, instead of after the plans while process 0 renders alone (their pages then need no head start).
  const early = hasStoredSignatures(outDir) ? 1 : renderProcesses(ingested.papers.length, ingested.papers.length, 0, 0);
  const earlyBuilds = early > 1 ? buildShares(root, first!, Array.from({ length: early }, (_, share) => renderPlanFile(cacheDir, share)), heapMb) : undefined;
  earlyBuilds?.catch(() => {}); // awaited, and so reported, by the astro stage
  abstractsAhead.stop(); // what it has not reached is shared among the cores
  const abstracts = await stage('abstracts', async () => ({ early: await abstractsAhead.done, ...(await warmAbstractCache(abstractBodies(ingested), abstractCacheDir(root))) }));
  console.log(`build: abstracts: ${abstracts.early} rendered ahead (one worker, while the ingest derived titles and after the references), ${abstracts.rendered} in this stage, ${Math.max(0, abstracts.cached - abstracts.early)} reused from ${ABSTRACT_CACHE_ROOT}`);
  // It ran beside the abstracts too; what it has not reached is shared among the cores.
  prewarm.stop();
  const citations = await stage('citations', async () => ({ early: await prewarm.done, ...(await warmCitationCache(ingested.papers, citationCacheDir(root))) }));
  console.log(`build: citations: ${citations.early} formatted ahead (one worker, from the ingest's titles on), ${citations.formatted} in this stage, ${Math.max(0, citations.cached - citations.early)} reused from ${CITATION_CACHE_ROOT}`);
  // What is left of the ingest child writing the entries (stage 'entries'); then the signature, taken after
  // the ingest, whose output is an input of the next build's check. Handing each entry's body over with its front
  // matter, so that the pages need no entry file and the entries are written while Astro renders, was measured and
  // not kept (session 17, 10k cold, scratch copies interleaved, load 3-8, a slow disk): 63.6, 73.8, 88.3 s against
  // 64.3, 70.0, 68.9 s, process tree 120, 137, 157 against 119, 132, 130 CPU-s; the 10k entry files written beside
  // Astro's pages took 11-13 s instead of 1-3 s, in system time.
  const signature = await stage('entries', async () => {
    await child.written;
    return buildSignature(root, process.env, code);
  });
  console.log(`build: ingest phases (s): ${[...phases].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`).join(', ')}`);
  // Paper pages whose inputs did not change since the last build stay as they are; Astro renders the rest.
  const { plan, planFiles } = await stage('keep pages', () => {
    const planned = planPaperPages(outDir, ingested.papers, code, { url: site?.href ?? '', identity });
    const kept = new Set<string>(planned.keep);
    const toRender = ingested.papers.map((p) => p.slug).filter((slug) => !kept.has(slug));
    const headStart = earlyBuilds ? 0 : startPages(ingested.papers.length);
    const processes = earlyBuilds ? early : renderProcesses(ingested.papers.length, toRender.length, planned.listPages, headStart);
    return { plan: planned, planFiles: writeRenderPlans(cacheDir, planned, toRender, processes, headStart) };
  });
  console.log(`build: paper pages: ${plan.keep.length} kept from the last build, ${ingested.papers.length - plan.keep.length} to render by ${planFiles.length} Astro process${planFiles.length > 1 ? 'es' : ''}`);
  console.log(`build: list pages: ${plan.keepLists.length} kept from the last build, ${plan.listPages} to render`);
  const astro = stage('astro', () => renderSite(root, outDir, earlyBuilds ?? buildShares(root, first!, planFiles, heapMb), planFiles.length));
  // The data files need only the papers, so they are written while Astro renders (the sitemap waits for the
  // pages): first, while Astro's process is still small, since each is one string of the whole list (at 50k
  // papers the build's heap grew by ~400 MB while writing them, then went back down).
  const dataStarted = performance.now();
  writeOut(routes.papersJson(), `${JSON.stringify(papersJson(ingested.papers), null, 1)}\n`);
  const bibEntriesFile = bibtexEntriesFile(citationCacheDir(root));
  const bibEntries = loadBibtexEntries(bibEntriesFile);
  writeOut(routes.papersBib(), bibtex(ingested.papers, bibEntries));
  storeBibtexEntries(bibEntriesFile, bibEntries);
  writeOut(routes.feed(), feedXml(ingested.papers, site, identity, (p) => summarize(p.body, 300)));
  console.log(`build: alongside: data files ${((performance.now() - dataStarted) / 1000).toFixed(2)} s`);
  // The search indexes read the papers, not the pages, so they are made while Astro renders in its child
  // process: the offline index on this thread, Pagefind in its own binary. The astro stage's CPU time
  // includes the offline index's. Started beside the abstracts stage instead on a cold build (session 8, 10k,
  // load 2-13, one run each): Pagefind ended 2.6-3.9 s after Astro instead of 6.7 s, but the abstracts stage,
  // now sharing the cores with the offline index and both Astro processes' start, took 9.3-9.9 s instead of
  // 3-5.5; whole builds within the load's noise, not kept.
  // Papers added since the list was last classified afresh get search shards of their own, so adding more re-indexes only those.
  const slugOf = new Map(ingested.papers.map((p) => [p.id, p.slug]));
  const recent = ingested.recent.map((id) => routes.paper(slugOf.get(id)!));
  const paperCount = ingested.papers.length;
  const movedPages = new Set(ingested.papers.flatMap((p) => p.aliases.map((a) => `papers/${a}.html`)));
  const searchDocs = ingested.papers.map(searchDocOf);
  // Nothing below reads the papers themselves: their texts (abstract and Markdown body, ~1.3 KB each, often
  // two-byte strings) are let go before Astro's render grows, rather than held beside it until the build ends
  // (the build's live heap after a full GC at 50k papers: 314 MB with them once the entry texts were gone).
  ingested.papers.length = 0;
  slugOf.clear();
  // Pagefind indexes as many shards at once as fit in memory beside Astro's processes, and more once they have ended.
  const pagefindRuns = (shardPages: number, renderProcesses: number) => pagefindRunsWithin(paperCount, shardPages, renderProcesses, availableParallelism());
  const runsFor = (shardPages: number): PagefindRuns => ({ now: pagefindRuns(shardPages, planFiles.length), later: astro.then(() => pagefindRuns(shardPages, 0)) });
  const searching = searchIndexes(searchDocs, recent, code, runsFor);
  searching.catch(() => {}); // awaited, and so reported, by the search indexes stage
  await astro;
  console.log(`build: alongside: astro, from its start ${((performance.now() - astroStarted) / 1000).toFixed(2)} s`);
  // Awaited before the stale files go: Pagefind must not be writing into a folder being swept.
  const { pages, offlineFiles } = await stage('search indexes', async () => {
    const indexes = await searching;
    fillSearchPage(outDir); // Pagefind's files into the search page Astro rendered meanwhile
    return indexes;
  });
  await stage('assets', () => {
    // KaTeX's stylesheet finds its fonts relatively (fonts/…), so the folder is copied whole.
    const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
    mkdirSync(join(outDir, 'assets', 'katex'), { recursive: true });
    cpSync(join(katexDist, 'katex.min.css'), join(outDir, 'assets', 'katex', 'katex.min.css'));
    cpSync(join(katexDist, 'fonts'), join(outDir, 'assets', 'katex', 'fonts'), { recursive: true });
  });
  // Before the sitemap lists the pages: what Astro did not write again is gone from the site (or kept).
  // Pagefind's folder is its stage's own, emptied and filled anew by it, with files that may be links to a
  // cache (a link has the time of the cached file): the sweep leaves it alone.
  await stage('stale files', () => {
    // The offline index's files this build did not write again are as it made them.
    const kept = new Set([...keptPaths(plan), ...offlineFiles]);
    const removed = removeStale(outDir, performance.timeOrigin, (path) => kept.has(path) || path.startsWith('pagefind/'));
    if (removed > 0) console.log(`build: ${removed} files of the last build that this one did not make again are deleted`);
  });
  await stage('data', () => {
    const pages = htmlFilesIn(outDir).filter((p) => p !== routes.notFound() && !movedPages.has(p));
    writeOut(routes.sitemap(), sitemapXml(pages, site));
  });
  if (cardsRendering) {
    const cards = await stage('og cards', async () => {
      const cached = await cardsRendering;
      await placeCards(cached, outDir);
      return cached;
    });
    console.log(`build: alongside: og cards ${(cards.ms / 1000).toFixed(2)} s`);
    console.log(`build: og cards: ${cards.rendered} rendered on worker threads alongside the stages since the ingest, ${cards.reused} reused from .cache/og-cards`);
    if (cards.workers.cpuS > 0) console.log(`build: og cards: worker threads' CPU ${cards.workers.cpuS.toFixed(2)} s, of which loading their modules and fonts ${cards.workers.startupCpuS.toFixed(2)} s`);
    const boxes = undrawableOnCards(siteCardList);
    if (boxes.length > 0) {
      const named = boxes.slice(0, 5).map((b) => `${b.name}.png (${b.chars.join(' ')})`).join(', ');
      console.log(`build: og cards: ${boxes.length} cards have characters that no card font draws, shown as boxes: ${named}${boxes.length > 5 ? ', …' : ''}`);
    }
  }
  storePageSignatures(outDir, plan);
  storeSignature(outDir, signature);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build: done in ${seconds} s: ${paperCount} papers, ${pages} pages searchable, in ${relative(root, outDir) || '.'}/`);
}

const HELP = `Usage: npm run build [-- --help]

Builds the reading-list site from content/sources/ into dist/: ingest, Astro pages, both search
indexes, and link-preview cards when SITE_URL is set. A rebuild does only what changed.

Environment:
  SITE_URL=https://example.org/reading/   the site's public address, sub-path included: canonical
                                          links, link previews, absolute sitemap and feed links`;

readCommandLine('build', HELP, {});
main().catch((error: unknown) => {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1); // now, not when the card workers finish
});
