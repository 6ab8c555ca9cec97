/**
 * The offline index's state kept in `.cache/` between builds (src/publish/offline-search.ts
 * `OfflineIndexState`), so a rebuild cuts the words of changed and new documents only and makes again only
 * the files they change. One file: a 4-byte length, a JSON header (key, document hashes, words, lengths,
 * topics, tags, files), padded to 4 bytes, then the posting arrays as they lie in memory (written from views
 * of the table's arrays, read as views of the file).
 * A missing, short or unreadable file is no state: the index is made from scratch.
 *
 * The state vouches for the index's files in `dist/` (a rebuild keeps those it says are unchanged), so the build
 * takes it (reads and deletes it) before it writes any of them and stores it after it wrote them all: a build
 * stopped in between leaves none, and the next makes every file.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../src/core/atomic-write.ts';
import type { OfflineIndexState } from '../../src/publish/offline-search.ts';
import { builtFiles } from './built-files.ts';

const INT32_ARRAYS = ['wordOf', 'docOf', 'weightOf', 'compoundOf', 'firstPartOf'] as const;

/**
 * The state stored at `path`, deleted there (see above); undefined when there is none or when a file it lists is
 * missing from `outDir` (a `dist/` emptied since, say), since the index made from it would lack that file.
 */
export function takeOfflineIndexState(path: string, outDir: string): OfflineIndexState | undefined {
  const state = loadOfflineIndexState(path);
  rmSync(path, { force: true });
  return state && state.files.every(builtFiles(outDir)) ? state : undefined;
}

export function loadOfflineIndexState(path: string): OfflineIndexState | undefined {
  try {
    const file = readFileSync(path);
    const headerLength = file.readUInt32LE(0);
    const header = JSON.parse(file.toString('utf8', 4, 4 + headerLength)) as Omit<OfflineIndexState, 'postings'> & { words: string[]; size: number };
    // The arrays are views of the file's memory, or of an aligned copy when a Buffer starts off a 4-byte boundary.
    let start = file.byteOffset + 4 + headerLength;
    let memory = file.buffer as ArrayBuffer;
    if (start % 4 !== 0) {
      memory = file.buffer.slice(start) as ArrayBuffer;
      start = 0;
    }
    if (!Array.isArray(header.files) || !Array.isArray(header.topics) || !Array.isArray(header.tags)) return undefined; // an older format
    const n = header.size;
    const int32 = (k: number) => new Int32Array(memory, start + k * 4 * n, n);
    const [wordOf, docOf, weightOf, compoundOf, firstPartOf] = INT32_ARRAYS.map((_, k) => int32(k)) as [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>];
    const titleOf = new Uint8Array(memory, start + INT32_ARRAYS.length * 4 * n, n);
    return { key: header.key, docHashes: header.docHashes, lengths: header.lengths, topics: header.topics, tags: header.tags, files: header.files, postings: { words: header.words, wordOf, docOf, weightOf, compoundOf, titleOf, firstPartOf } };
  } catch {
    return undefined;
  }
}

export function storeOfflineIndexState(path: string, state: OfflineIndexState): void {
  const { postings } = state;
  const json = JSON.stringify({ key: state.key, docHashes: state.docHashes, lengths: state.lengths, topics: state.topics, tags: state.tags, files: state.files, words: postings.words, size: postings.docOf.length });
  const header = Buffer.from(json.padEnd(json.length + ((4 - (Buffer.byteLength(json) % 4)) % 4), ' '));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const view = (a: Int32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  mkdirSync(dirname(path), { recursive: true });
  // Atomically: an interrupted build leaves the last whole state or none. Piece by piece, from views: one
  // Buffer of it all would copy the postings (~120 MB at 50k papers) while Astro renders.
  writeFileAtomic(path, [length, header, ...INT32_ARRAYS.map((k) => view(postings[k])), view(postings.titleOf)]);
}
