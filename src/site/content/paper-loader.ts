/**
 * The content loader of paper entries (`content/papers/*.md`).
 *
 * Astro's `glob()` loader would render each entry's Markdown as it loads and keep the HTML in the data
 * store, which the build bundles as one module; at tens of thousands of papers that module dominated build
 * time and memory. This loader keeps only what the pages query — the validated front matter and the
 * Markdown body — and pages render the body themselves (markdown/abstract-html.ts). Files are read with the
 * ingest's own parser, so the site accepts exactly the entries the ingest writes and reads back.
 *
 * The body is not kept in the store either: a page reads it from its entry file (`paperBody`). Astro's build
 * bundles the whole store as one module and holds its text for the life of the process, twice (the module
 * source and the JSON string in it): 58 of the 251 MB of an Astro process's heap at 10k papers, ~290 MB of
 * ~540 MB at 50k, in each Astro process; the bodies were most of it, while a process renders a share of the pages.
 *
 * Under `npm run build` the store holds no paper at all: the build's ingest hands the entries over in a file
 * (paper-entries-file.ts), and this loader leaves the collection empty.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { entryBody, parseEntry } from '../../core/entry-file.ts';
import { PAPER_ENTRIES_ENV } from './paper-entries-file.ts';

const ENTRY = /\.md$/;

export function paperEntries(base: string): Loader {
  return {
    name: 'papershelf-papers',
    load: async (context) => {
      // `npm run build` hands its Astro processes the entries in a file instead (paper-entries-file.ts): the
      // store is left empty, so that Astro neither writes nor bundles it. The folder may not be there yet
      // then: the build's ingest writes it while Astro starts (scripts/lib/ingest-child.ts).
      if (process.env[PAPER_ENTRIES_ENV]) {
        context.store.clear();
        return;
      }
      const dir = fileURLToPath(new URL(base.endsWith('/') ? base : `${base}/`, context.config.root));
      if (!existsSync(dir)) {
        context.logger.warn(`${relative(process.cwd(), dir)} does not exist yet: run \`npm run ingest\` (or \`npm run build\`) to write the paper entries.`);
        return;
      }
      const files = readdirSync(dir).filter((f) => ENTRY.test(f));
      const ids = new Set(files.map((f) => f.replace(ENTRY, '')));
      // A store cached by a version that kept bodies is made afresh, so none is held.
      if ([...context.store.values()].some((e) => e.body !== undefined)) context.store.clear();
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

/**
 * Loads one entry unless the store has it as it is: the digest is the file's size and modification time
 * (as the build signature reads files, scripts/lib/build-signature.ts), so the unchanged entries of a
 * rebuild are not read at all. The ingest rewrites only entries whose text changed (content/papers keeps the
 * others' files), and a hand edit changes the time. Reading and hashing every entry instead was ~0.2 s of a
 * 10k-paper rebuild's Astro process (profile).
 */
function loadFile({ store, config }: LoaderContext, dir: string, file: string): void {
  const path = join(dir, file);
  const id = file.replace(ENTRY, '');
  const { size, mtimeMs } = statSync(path);
  const digest = `${size}:${mtimeMs}`;
  if (store.get(id)?.digest === digest) return;
  const entry = parseEntry(readFileSync(path, 'utf8'));
  if (!entry.ok) {
    throw new Error(`${relative(process.cwd(), path)}: ${entry.error}. Fix the entry, or delete it and run \`npm run ingest\` to write it again.`);
  }
  store.set({ id, data: entry.data, digest, filePath: relative(fileURLToPath(config.root), path) });
}

/**
 * The Markdown body of a paper entry, read from its file (`filePath`, relative to the project root, which
 * is the working directory of `astro build` and `astro dev`).
 */
export function paperBody(entry: { id: string; filePath?: string | undefined }): string {
  if (!entry.filePath) throw new Error(`paper entry ${entry.id} has no file`);
  return entryBody(readFileSync(resolve(entry.filePath), 'utf8'));
}
