/**
 * `npm run build`: ingest → browser code → Astro → assets → data, feed and sitemap → search
 * indexes, all into `dist/`. Prints one line per stage with its time, so a slow stage shows itself.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { routes } from '../src/core/routes.ts';
import { SITE_NAME, siteUrl } from '../src/core/site.ts';
import { summarize } from '../src/core/summarize.ts';
import { titlePlainText } from '../src/core/title-math.ts';
import { formatReport } from '../src/ingest/format-report.ts';
import { feedXml } from '../src/publish/feed.ts';
import { buildOfflineSearch } from '../src/publish/offline-search.ts';
import { buildPagefindIndex } from '../src/publish/pagefind-index.ts';
import { papersJson } from '../src/publish/papers-json.ts';
import { searchDocOf } from '../src/publish/search-document.ts';
import { placeCards, renderCardsToCache } from '../src/publish/og-cards.ts';
import { siteCards, undrawableOnCards } from '../src/publish/site-cards.ts';
import { sitemapXml } from '../src/publish/sitemap.ts';
import { bibtex } from '../src/site/lib/citation.ts';
import { warmCitationCache } from '../src/site/lib/citation-cache.ts';
import { CITATION_CACHE_ROOT, citationCacheDir } from '../src/site/lib/citation-cache-dir.ts';
import { ABSTRACT_CACHE_ROOT, abstractCacheDir } from '../src/site/markdown/abstract-cache-dir.ts';
import { warmAbstractCache } from '../src/site/markdown/warm-abstract-cache.ts';
import { ingest } from './ingest.ts';
import { astroHeapMb, buildWithAstro } from './lib/astro-child.ts';
import { bundleBrowserCode } from './lib/bundle-browser.ts';
import { htmlFilesIn } from './lib/html-files.ts';
import { buildSignature, codeSignature, storedSignature, storeSignature } from './lib/build-signature.ts';
import { clearOutDirExcept, planPaperPages, storePageSignatures, writeKeptPages } from './lib/incremental-pages.ts';

const root = process.cwd();
const outDir = resolve(root, process.env.PAPERSHELF_OUT_DIR ?? 'dist');

const logStage = (name: string, ms: number) => console.log(`build: ${name.padEnd(14)} ${(ms / 1000).toFixed(2)} s`);

async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  logStage(name, performance.now() - started);
  return result;
}

function writeOut(path: string, text: string): void {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(join(outDir, path), text);
}

async function main(): Promise<void> {
  const started = performance.now();
  const site = siteUrl(process.env.SITE_URL); // fails early, with a hint, on a malformed SITE_URL
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
  // Tagging (topics, tags, related papers) is reported apart from the rest of the ingest.
  let taggingMs = 0;
  const ingestStarted = performance.now();
  const ingested = ingest(root, [], { onPhase: (name, ms) => void (name === 'tagging' || name === 'related' ? (taggingMs += ms) : 0) });
  logStage('ingest', performance.now() - ingestStarted - taggingMs);
  logStage('tagging', taggingMs);
  // Taken after the ingest, whose output is an input of the next build's check.
  const signature = buildSignature(root, process.env, code);
  console.log(`build: ${formatReport(ingested.report, ingested.issues).split('\n\n')[1]} (details: content/ingest-report.json)`);

  // Cards exist only to be linked by absolute og:image URLs, so only with SITE_URL; unchanged ones come from
  // the cache. They need only the papers, so they render on worker threads while Astro (one thread) builds.
  const siteCardList = site ? siteCards(ingested.papers, SITE_NAME) : [];
  const cardsRendering = site ? renderCardsToCache(siteCardList, join(root, '.cache', 'og-cards')) : undefined;
  cardsRendering?.catch(() => {}); // awaited, and so reported, by the og cards stage
  await stage('browser code', () => bundleBrowserCode(root));
  const abstracts = await stage('abstracts', () => warmAbstractCache(ingested.entries.values(), abstractCacheDir(root)));
  console.log(`build: abstracts: ${abstracts.rendered} rendered, ${abstracts.cached} reused from ${ABSTRACT_CACHE_ROOT}`);
  const citations = await stage('citations', () => warmCitationCache(ingested.papers, citationCacheDir(root)));
  console.log(`build: citations: ${citations.formatted} formatted, ${citations.cached} reused from ${CITATION_CACHE_ROOT}`);
  // Paper pages whose inputs did not change since the last build stay as they are; Astro renders the rest.
  const keptList = join(root, '.cache', 'kept-pages.json');
  const plan = await stage('keep pages', () => {
    const planned = planPaperPages(outDir, ingested.papers, code, site?.href ?? '');
    clearOutDirExcept(outDir, planned.keep);
    writeKeptPages(keptList, planned);
    return planned;
  });
  console.log(`build: paper pages: ${plan.keep.length} kept from the last build, ${ingested.papers.length - plan.keep.length} to render`);
  await stage('astro', () => buildWithAstro({ root, outDir, keptList }, astroHeapMb(ingested.papers.length)));
  await stage('assets', () => {
    // KaTeX's stylesheet finds its fonts relatively (fonts/…), so the folder is copied whole.
    const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
    mkdirSync(join(outDir, 'assets', 'katex'), { recursive: true });
    cpSync(join(katexDist, 'katex.min.css'), join(outDir, 'assets', 'katex', 'katex.min.css'));
    cpSync(join(katexDist, 'fonts'), join(outDir, 'assets', 'katex', 'fonts'), { recursive: true });
  });
  await stage('data', () => {
    const moved = new Set(ingested.papers.flatMap((p) => p.aliases.map((a) => `papers/${a}.html`)));
    const pages = htmlFilesIn(outDir).filter((p) => p !== routes.notFound() && !moved.has(p));
    writeOut(routes.papersJson(), `${JSON.stringify(papersJson(ingested.papers), null, 1)}\n`);
    writeOut(routes.papersBib(), bibtex(ingested.papers));
    writeOut(routes.sitemap(), sitemapXml(pages, site));
    writeOut(routes.feed(), feedXml(ingested.papers, site, (p) => summarize(p.body, 300)));
  });
  if (cardsRendering) {
    const cards = await stage('og cards', async () => {
      const cached = await cardsRendering;
      await placeCards(cached, outDir);
      return cached;
    });
    console.log(`build: alongside: og cards ${(cards.ms / 1000).toFixed(2)} s`);
    console.log(`build: og cards: ${cards.rendered} rendered on worker threads alongside the stages since the ingest, ${cards.reused} reused from .cache/og-cards`);
    const boxes = undrawableOnCards(siteCardList);
    if (boxes.length > 0) {
      const named = boxes.slice(0, 5).map((b) => `${b.name}.png (${b.chars.join(' ')})`).join(', ');
      console.log(`build: og cards: ${boxes.length} cards have characters that no card font draws, shown as boxes: ${named}${boxes.length > 5 ? ', …' : ''}`);
    }
  }
  // Both engines index the same search documents, so they find the same papers.
  const searchDocs = ingested.papers.map(searchDocOf);
  await stage('offline search', () => {
    for (const [path, text] of buildOfflineSearch(searchDocs)) writeOut(path, text);
  });
  const { pages, shards, indexed } = await stage('pagefind', () => buildPagefindIndex(outDir, searchDocs, join(root, '.cache', 'pagefind')));
  console.log(`build: pagefind: ${indexed} of ${shards} shards indexed, ${shards - indexed} reused from .cache/pagefind`);
  storePageSignatures(outDir, plan);
  storeSignature(outDir, signature);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build: done in ${seconds} s: ${ingested.papers.length} papers, ${pages} pages searchable, in ${relative(root, outDir) || '.'}/`);
}

main().catch((error: unknown) => {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1); // now, not when the card workers finish
});
