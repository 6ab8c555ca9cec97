/**
 * What each source file read to (decoded, split into records, each cleaned: src/ingest/read-sources.ts), kept
 * in `.cache/ingest-sources/` so that an ingest reads again only the files that changed. Adding a dump to a
 * list of 10k papers read all 11 files again: ~0.5 CPU-s of the 10k add-one rebuild (readSources 470-730 ms
 * CPU, three runs at load 8), against 20-100 ms to deserialize the 10 unchanged files' 33 MB (v8.serialize:
 * JSON.parse took 30-140 ms and loses nothing only for plain data, which this is).
 *
 * One slot per source path (a hash of it names the file), holding the key of what it was read from: the file's
 * path, bytes and whether it was found in a folder, and the ingest's code version (a change to the reader reads
 * every file again). A slot is rewritten when its file changes, so the folder holds one slot per path ever read.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SourceFile, SourceRead, SourceReadCache } from '../../src/ingest/pipeline.ts';
import { readSlot, writeSlot } from './cache-slot.ts';

const slotName = (path: string) => `${createHash('sha256').update(path).digest('hex').slice(0, 20)}.bin`;

/** The key of what `source` reads to under the ingest code `codeVersion`. */
function keyOf(source: SourceFile, codeVersion: string): string {
  return createHash('sha256').update(`${codeVersion}\0${source.path}\0${source.fromFolder ? 1 : 0}\0`).update(source.bytes).digest('hex');
}

/**
 * A cache of source reads in `dir` for the ingest code `codeVersion`. Unreadable or stale slots read as missing;
 * a slot is written aside and renamed, so another ingest never reads half of one.
 */
export function sourceReadCache(dir: string, codeVersion: string): SourceReadCache & { hits: number } {
  const keys = new WeakMap<SourceFile, string>();
  const key = (source: SourceFile) => {
    let k = keys.get(source);
    if (k === undefined) keys.set(source, (k = keyOf(source, codeVersion)));
    return k;
  };
  const cache = {
    hits: 0,
    get(source: SourceFile): SourceRead | undefined {
      // None yet, stale or damaged: the file is read again.
      const read = readSlot<SourceRead>(join(dir, slotName(source.path)), key(source));
      if (read !== undefined) cache.hits++;
      return read;
    },
    set(source: SourceFile, read: SourceRead): void {
      writeSlot(join(dir, slotName(source.path)), key(source), read);
    },
  };
  return cache;
}
