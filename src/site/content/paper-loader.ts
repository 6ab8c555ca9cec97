/**
 * The content loader of paper entries (`content/papers/*.md`).
 *
 * Astro's `glob()` loader would render each entry's Markdown as it loads and keep the HTML in the data
 * store, which the build bundles as one module; at tens of thousands of papers that module dominated build
 * time and memory. This loader keeps only what the pages query — the validated front matter and the
 * Markdown body — and pages render the body themselves (markdown/abstract-html.ts). Files are read with the
 * ingest's own parser, so the site accepts exactly the entries the ingest writes and reads back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseEntry } from '../../core/entry-file.ts';

const ENTRY = /\.md$/;

export function paperEntries(base: string): Loader {
  return {
    name: 'papershelf-papers',
    load: async (context) => {
      const dir = fileURLToPath(new URL(base.endsWith('/') ? base : `${base}/`, context.config.root));
      if (!existsSync(dir)) {
        context.logger.warn(`${relative(process.cwd(), dir)} does not exist yet: run \`npm run ingest\` (or \`npm run build\`) to write the paper entries.`);
        return;
      }
      const files = readdirSync(dir).filter((f) => ENTRY.test(f));
      const ids = new Set(files.map((f) => f.replace(ENTRY, '')));
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
      for (const file of files) loadFile(context, dir, file);
      context.watcher?.on('all', (event, path) => {
        if (!path.startsWith(dir) || !ENTRY.test(path) || path.slice(dir.length).includes('/')) return;
        const file = path.slice(dir.length);
        if (event === 'unlink') context.store.delete(file.replace(ENTRY, ''));
        else if (event === 'add' || event === 'change') loadFile(context, dir, file);
      });
    },
  };
}

function loadFile({ store, config, generateDigest }: LoaderContext, dir: string, file: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const id = file.replace(ENTRY, '');
  const digest = generateDigest(text);
  if (store.get(id)?.digest === digest) return;
  const entry = parseEntry(text);
  if (!entry.ok) {
    throw new Error(`${relative(process.cwd(), path)}: ${entry.error}. Fix the entry, or delete it and run \`npm run ingest\` to write it again.`);
  }
  store.set({ id, data: entry.data, body: entry.body, digest, filePath: relative(fileURLToPath(config.root), path) });
}
