/**
 * `npm run build`: ingest → Astro → assets → papers.json → Pagefind, all into `dist/`.
 * Prints one line per stage with its time, so a slow stage shows itself.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build as astroBuild } from 'astro';
import { papersJson } from '../src/publish/papers-json.ts';
import { buildPagefindIndex } from '../src/publish/pagefind-index.ts';
import { siteUrl } from '../src/site/lib/site-url.ts';
import { routes } from '../src/core/routes.ts';
import { ingest } from './ingest.ts';
import { bundleBrowserCode } from './lib/bundle-browser.ts';
import { buildOfflineSearch } from '../src/publish/offline-search.ts';
import { formatReport } from '../src/ingest/format-report.ts';

const root = process.cwd();
const outDir = resolve(root, process.env.PAPERSHELF_OUT_DIR ?? 'dist');

async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`build: ${name.padEnd(12)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

async function main(): Promise<void> {
  const site = siteUrl(process.env.SITE_URL); // fails early, with a hint, on a malformed SITE_URL
  if (!site) {
    console.log('build: SITE_URL is not set, so pages carry no canonical or og:url links, link previews have no image, and sitemap.xml and the feed use relative links. Set SITE_URL=https://your.host/path/ to add them.');
  }
  const ingested = await stage('ingest', () => ingest(root, []));
  const summary = formatReport(ingested.report, ingested.issues).split('\n\n')[1];
  console.log(`build: ${summary}`);

  await stage('browser code', () => bundleBrowserCode(root));
  await stage('astro', () => astroBuild({ root, logLevel: 'warn', ...(outDir ? { outDir } : {}) }));
  await stage('assets', () => {
    // KaTeX's stylesheet finds its fonts relatively (fonts/…), so the folder is copied whole.
    const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
    const target = join(outDir, 'assets', 'katex');
    mkdirSync(target, { recursive: true });
    cpSync(join(katexDist, 'katex.min.css'), join(target, 'katex.min.css'));
    cpSync(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
  });
  await stage('papers.json', () => writeFileSync(join(outDir, 'papers.json'), `${JSON.stringify(papersJson(ingested.papers), null, 1)}\n`));
  await stage('offline search', () => {
    const files = buildOfflineSearch(ingested.papers.map((p) => ({ url: routes.paper(p.slug), title: p.title, abstract: p.abstract, topic: p.topic, tags: p.tags })));
    for (const [path, text] of files) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), text);
    }
  });
  const { pages } = await stage('pagefind', () => buildPagefindIndex(outDir));
  console.log(`build: done, ${ingested.papers.length} papers, ${pages} pages indexed, in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(`build failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
