/**
 * The floor of the fixed choice: a minimal Astro project that renders as many HTML pages as a
 * Papershelf build, each a title and a ~2 KB paragraph in one layout, from a trivial
 * `getStaticPaths`, with no integrations, no content collections and no Markdown. What it costs is
 * what Astro itself costs per page and per process on this machine, which no change to Papershelf's
 * templates can go below (scripts/bench-floor.ts times it).
 *
 * It has the build options of Papershelf's own astro.config.mjs that set how pages are written
 * (`format: 'preserve'`, `concurrency: 4`), so the floor differs from the product only in what a page holds.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkNodeModules } from './papershelf.ts';

/** Characters of each page's paragraph: the brief's "2 KB paragraph" (a paper page's abstract is ~1.3 KB). */
export const PARAGRAPH_CHARS = 2048;

const CONFIG = `// Minimal Astro project for the floor benchmark (scripts/bench/floor-project.ts).
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  // One share of the pages per process when FLOOR_SHARES > 1; each process has caches of its own.
  outDir: process.env.FLOOR_OUT_DIR ?? './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR ?? './.cache/astro',
  build: { format: 'preserve', concurrency: 4 },
  devToolbar: { enabled: false },
  vite: { cacheDir: (process.env.FLOOR_CACHE_DIR ?? './.cache/astro') + '-vite' },
});
`;

const LAYOUT = `---
const { title } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`;

/** Deterministic text (a linear congruential generator over a fixed word list): the same pages on every run. */
const TEXT = `// Deterministic page text for the floor benchmark.
const WORDS = 'model data learning network training method results performance task neural approach propose language image graph attention transformer representation dataset evaluation benchmark inference robust efficient sparse latent diffusion reinforcement policy agent reward optimization gradient loss accuracy baseline state art framework algorithm feature semantic structure knowledge retrieval generation'.split(' ');

function words(seed, count) {
  let x = (seed * 2654435761 + 1) >>> 0;
  const out = [];
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(WORDS[x % WORDS.length]);
  }
  return out;
}

export function pageText(i, chars) {
  const title = words(i, 8).join(' ');
  let body = '';
  for (let s = 0; body.length < chars; s++) body += words(i * 1000 + s, 14).join(' ') + '. ';
  return { title: title[0].toUpperCase() + title.slice(1), body: body.slice(0, chars) };
}
`;

const PAGE = `---
import Base from '../../layouts/Base.astro';
import { pageText } from '../../lib/text.js';

export function getStaticPaths() {
  const pages = Number(process.env.FLOOR_PAGES);
  const shares = Number(process.env.FLOOR_SHARES ?? 1);
  const share = Number(process.env.FLOOR_SHARE ?? 0);
  const paths = [];
  for (let i = share; i < pages; i += shares) paths.push({ params: { n: String(i) }, props: pageText(i, ${PARAGRAPH_CHARS}) });
  return paths;
}

const { title, body } = Astro.props;
---
<Base title={title}>
  <h1>{title}</h1>
  <p>{body}</p>
</Base>
`;

/** Writes the floor project into `dir` (emptied first), its node_modules linked to `repo`'s. */
export function makeFloorProject(repo: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['src/layouts', 'src/lib', 'src/pages/p']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'papershelf-astro-floor', private: true, type: 'module' })}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src/layouts/Base.astro'), LAYOUT);
  writeFileSync(join(dir, 'src/lib/text.js'), TEXT);
  writeFileSync(join(dir, 'src/pages/p/[n].astro'), PAGE);
  linkNodeModules(repo, dir);
}

/** The Pagefind Node API indexing a built folder (`addDirectory`), as a script to run in a process of its own. */
export const PAGEFIND_NODE_SCRIPT = `import * as pagefind from 'pagefind';
const [site] = process.argv.slice(2);
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(errors.join('\\n'));
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(added.errors.join('\\n'));
const written = await index.writeFiles({ outputPath: site + '/pagefind-node' });
if (written.errors.length) throw new Error(written.errors.join('\\n'));
console.log('indexed ' + added.page_count + ' pages');
await pagefind.close();
`;
