/**
 * The index chunks of a Pagefind shard, read from its metadata file (`pagefind.<hash>.pf_meta`:
 * gzip of `pagefind_dcd` + CBOR `[version, pages, index_chunks, filters, sorts]`, each chunk
 * `[from, to, hash]`; Pagefind 1.6, pagefind/src/index/index_metadata.rs). CBOR is read with cborg.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

const SIGNATURE = 'pagefind_dcd';

/** `[from, to, hash]` of each index chunk of the shard in `dir` whose language index is `hash`, in word order. */
export function indexChunks(dir: string, metaHash: string): Array<[from: string, to: string, hash: string]> {
  const file = join(dir, `pagefind.${metaHash}.pf_meta`);
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${file} is not a Pagefind metadata file`);
  const meta = decode(raw.subarray(SIGNATURE.length)) as unknown[];
  const chunks = meta[2];
  if (!Array.isArray(chunks)) throw new Error(`${file}: no index chunk list where Pagefind 1.6 puts it`);
  return chunks.map((chunk) => {
    const [from, to, hash] = chunk as unknown[];
    if (typeof from !== 'string' || typeof to !== 'string' || typeof hash !== 'string') throw new Error(`${file}: an index chunk is not [from, to, hash]`);
    return [from, to, hash];
  });
}
