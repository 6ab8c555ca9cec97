/**
 * The paper entries as `npm run build` hands them to its Astro processes, instead of Astro's content store.
 *
 * The ingest reads and parses every entry of `content/papers/` anyway (to keep hand edits), so it writes what
 * the paper loader would read back (each file's slug and front matter, parsed by the same `parseEntry`) into
 * one file, and the build's Astro processes take the papers from it (`src/site/lib/get-catalog.ts`); the
 * loader then keeps no paper in the store (`paper-loader.ts`). Astro's store costs work proportional to the
 * whole list on every rebuild, however few entries changed: it writes the whole store again when one entry
 * changes (devalue, one string), reads it back, and bundles it as one module that each process compiles and
 * evaluates. 50k papers, one 10-paper dump added (profile of Astro process 0, load 5-7): store sync 2.4 s
 * (writing 2.3), reading it 1.3 s, the loader's digests 1.2 s, compiling and evaluating the store's module
 * ~4 s, of ~19 CPU-s. `astro dev` and a bare `astro build` (no file named) use the content store as before.
 *
 * Measured with the other session-11 changes (page signatures hashed in one call, content/papers updated through a
 * journal, dist/pagefind/ kept): the 50k add-one rebuild from the same restored cold state, main's code against
 * this, in two pairs (load 8-12, then 4-5; other sessions' builds beside them): 107.2 -> 31.1 s and 55.0 -> 34.2 s
 * wall, 56.3 -> 41.6 and 48.8 -> 44.0 CPU-s (the process tree); the astro stage (Astro's process and the build's
 * thread meanwhile) 25.3 -> 17.3 and 22.3 -> 17.0 CPU-s. dist/ identical to main's rebuild but for the build signature file.
 * Quiet pair (load 0.3-1.9): 40.1 -> 29.9 s. One scratch build of this branch at load 1.8-3 (as `npm run bench` does it):
 * cold 144.7 s, no-op 0.9 s, add-one 29.6 s = 20.5 % of cold (main's bench at load 1.3: 35.3 of 145.9 s, 24 %).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../../core/atomic-write.ts';
import type { PaperFrontMatter } from '../../core/paper.ts';

/** The environment variable naming the file in an Astro process that `npm run build` started. */
export const PAPER_ENTRIES_ENV = 'PAPERSHELF_PAPER_ENTRIES';

/** One entry as the paper loader stores it: file name without `.md`, validated front matter, file relative to the project root. */
export interface StoredPaperEntry {
  id: string;
  data: PaperFrontMatter;
  filePath: string;
}

/** Where the build's ingest writes the entries of the project at `root`. */
export const paperEntriesFile = (root: string): string => join(root, '.cache', 'paper-entries.bin');

/** The entries the ingest wrote to `file` (v8 serialization), in file-name order. */
export const readPaperEntries = (file: string): StoredPaperEntry[] => deserialize(readFileSync(file)) as StoredPaperEntry[];

/**
 * Writes `entries` to `file` (v8 serialization), aside and then renamed: a first build's Astro process may be
 * waiting for the file already (src/site/lib/get-catalog.ts), and must never read half of it.
 */
export function writePaperEntries(file: string, entries: readonly StoredPaperEntry[]): void {
  writeFileAtomic(file, serialize(entries));
}
