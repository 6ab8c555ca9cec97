/**
 * The entries the last ingest wrote, as it wrote them (text and front matter), kept in `.cache/` so that the next
 * ingest does not read and parse again the entry files nobody touched since. Reading back `content/papers/` was
 * the ingest's largest phase in a rebuild that adds a dump: 0.61-0.90 s of the 10k add-one (9,997 files: reading
 * ~0.5 s and parsing ~0.6 s at load 8), against ~0.1 s to deserialize them here.
 *
 * A file counts as untouched while its size, modification time and inode are the ones recorded after the write
 * (the stamp; the ingest hard-links unchanged entries into the new folder, so they keep theirs): any edit, a
 * checkout or a copy changes it, and the file is read as before. The front matter kept is the object the ingest
 * wrote, which `parseEntry` reads back equal (tests/unit/ingest/entry-file.test.ts); the cache holds the ingest's
 * code version, so a change to the writer or reader starts afresh.
 */
import { readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PaperFrontMatter } from '../../src/core/paper.ts';

export interface CachedEntry {
  stamp: string;
  text: string;
  data: PaperFrontMatter;
}

interface Stored {
  version: string;
  entries: Map<string, CachedEntry>;
}

/** Size, modification time and inode of `path`: what tells an untouched file. */
export function fileStamp(path: string): string {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}:${s.ino}`;
}

/** The entries cached in `file` for the ingest code `version` (none when missing, damaged or of other code). */
export function loadEntriesCache(file: string, version: string): Map<string, CachedEntry> {
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    return stored.version === version ? stored.entries : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Records the entries of `dir` just written: `texts` and `data` by file name (`<slug>.md`), each with its stamp
 * as it is now. Written aside and renamed, so a reader never sees half of it.
 */
export function storeEntriesCache(file: string, version: string, dir: string, texts: ReadonlyMap<string, string>, data: ReadonlyMap<string, PaperFrontMatter>): void {
  const entries = new Map<string, CachedEntry>();
  for (const [name, front] of data) {
    const text = texts.get(name);
    if (text !== undefined) entries.set(name, { stamp: fileStamp(join(dir, name)), text, data: front });
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, serialize({ version, entries } satisfies Stored));
  renameSync(`${file}.${process.pid}`, file);
}
