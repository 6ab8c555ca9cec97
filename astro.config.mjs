// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/site/markdown/plugins.ts';
import { siteUrl } from './src/core/site.ts';
import { abstractCacheDir } from './src/site/markdown/abstract-cache-dir.ts';
import { citationCacheDir } from './src/site/lib/citation-cache-dir.ts';

// Every link in the built pages is relative (see src/site/lib/href.ts), so one dist/ works at a
// domain root, under any sub-path and from file://; `site` only feeds absolute canonical URLs.
export default defineConfig({
  site: siteUrl(process.env.SITE_URL)?.href,
  srcDir: './src',
  // Caches beside the project's others, not in node_modules/: copies of the project that share one
  // node_modules (worktrees, the benchmark's scratch projects) must not share a content store.
  cacheDir: './.cache/astro',
  publicDir: './public',
  outDir: process.env.PAPERSHELF_OUT_DIR ?? './dist',
  // Pages are files (`papers/x.html`, `tags/index.html`): from disk a folder link shows a listing.
  // Four pages at a time: writing a page (mkdir, open, write, close) waits on the file system, and with one
  // at a time the render thread sat idle for a third of the build.
  build: { format: 'preserve', concurrency: 4 },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  integrations: [mdx()],
  vite: {
    cacheDir: './.cache/vite',
    // Where paper pages find their rendered abstracts (src/site/markdown/abstract-html.ts); build.ts fills it.
    // …and their formatted references (src/site/lib/citation-cache.ts).
    define: {
      'import.meta.env.PAPERSHELF_ABSTRACT_CACHE': JSON.stringify(abstractCacheDir(fileURLToPath(new URL('.', import.meta.url)))),
      'import.meta.env.PAPERSHELF_CITATION_CACHE': JSON.stringify(citationCacheDir(fileURLToPath(new URL('.', import.meta.url)))),
    },
    build: {
      rolldownOptions: {
        // Astro's own MDX/Markdown modules carry a directive the bundler warns about on every
        // entry; the warning is about Astro internals, not this project, and drowns real ones.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
  markdown: {
    // No GFM and no smart quotes: an abstract's `~` or `'` is the author's, and the only links
    // are those the ingest made.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins, rehypePlugins }),
  },
});
