/**
 * Which search-index shard each paper lives in. Shards are leaves of a binary trie over a hash of
 * the paper's URL (extendible hashing): a leaf holding more than `SHARD_MAX_PAGES` papers splits
 * on the next bit of the hash. So the layout follows from the current list alone (a build from
 * scratch makes the same shards as an incremental one), shards are uniform samples of the list,
 * and adding papers changes only the shards they fall in, or splits one that grew too big.
 */
import { createHash } from 'node:crypto';

/**
 * Most pages one shard holds. Pagefind's memory grows with the pages of one run (4.4 GiB for 50k
 * papers in one index; ~300 MiB for a 3k-page shard, ~600 MiB for a 6k-page one). In the browser
 * each shard costs its own entry, metadata and index chunk per query term: at 50k papers (median of
 * 6 first searches, served, load 13-16 on 2 cores) 4,096 pages a shard (16 shards) took 3.7 s and
 * 1,687 KiB in 82 requests, 8,192 (8 shards) 1.8 s and 1,440 KiB in 50 requests.
 */
export const SHARD_MAX_PAGES = 8192;

/**
 * The 32 bits of the hash that place a page, as a string of `0`/`1`. Kept per URL: a build places every
 * paper three times (the offline index, Pagefind's word lists and its shards), ~0.35 s of hashing each at 50k
 * papers (profile of an add-one rebuild).
 */
function hashBits(url: string): string {
  let bits = placed.get(url);
  if (bits === undefined) placed.set(url, (bits = createHash('sha1').update(url).digest().readUInt32BE(0).toString(2).padStart(32, '0')));
  return bits;
}
const placed = new Map<string, string>();

export interface Shard<T> {
  /** The trie path, `''` for a list that fits one shard; stable while the shard does not split. */
  key: string;
  items: T[];
}

/**
 * Pages of a shard of recently added papers. Adding papers re-indexes the last such shard only, so this
 * bounds that run (Pagefind takes ~1.4 ms a page on one core, docs/benchmarks.md); the recent papers are
 * at most a tenth of the list (the ingest's MAX_NEW_SHARE), so a 50k list has up to 5 of these shards.
 */
export const RECENT_SHARD_PAGES = 1024;

/**
 * Splits `items` into shards of at most `maxPages` (by `urlOf`, stable), in trie order, items in
 * their given order within each shard. A leaf deeper than the hash's 32 bits cannot split further
 * and keeps what it holds. The items whose URLs are in `recent` (papers added since the list was last
 * classified afresh, in the order they came: the ingest state's `recent`) go, in that order, into shards
 * of their own after those, `RECENT_SHARD_PAGES` each (keys `r0`, `r1` …), so that papers added next
 * join the last of them instead of every trie shard their hashes fall in.
 */
export function shardsOf<T>(items: readonly T[], urlOf: (item: T) => string, maxPages = SHARD_MAX_PAGES, recent: readonly string[] = []): Shard<T>[] {
  const recentAt = new Map(recent.map((url, i) => [url, i]));
  const latest = items.filter((item) => recentAt.has(urlOf(item))).sort((a, b) => recentAt.get(urlOf(a))! - recentAt.get(urlOf(b))!);
  const placed = items.filter((item) => !recentAt.has(urlOf(item))).map((item) => ({ item, bits: hashBits(urlOf(item)) }));
  const out: Shard<T>[] = [];
  const split = (key: string, members: typeof placed): void => {
    if (members.length <= maxPages || key.length >= 32) {
      out.push({ key, items: members.map((m) => m.item) });
      return;
    }
    split(`${key}0`, members.filter((m) => m.bits[key.length] === '0'));
    split(`${key}1`, members.filter((m) => m.bits[key.length] === '1'));
  };
  split('', placed);
  const trie = out.filter((shard) => shard.items.length > 0 || (out.length === 1 && latest.length === 0));
  for (let i = 0; i < latest.length; i += RECENT_SHARD_PAGES) trie.push({ key: `r${i / RECENT_SHARD_PAGES}`, items: latest.slice(i, i + RECENT_SHARD_PAGES) });
  return trie;
}
