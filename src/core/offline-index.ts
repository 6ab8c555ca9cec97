/**
 * The offline search index's file format, shared by its writer (src/publish/offline-search.ts)
 * and its reader in the browser (src/site/browser/search/offline-backend.ts).
 *
 * Files (all under `OFFLINE_DIR`), each a classic script calling `__papershelfOffline(kind, key, data)`:
 * - `index.js` (`index`, 0): an `OfflineManifest`;
 * - `terms-<shard>.js` (`terms`, shard): an `OfflineShard`, the postings of each word the shard holds;
 * - `tags.js` (`tags`, 0): `OfflineTags`, each paper's tags;
 * - `docs-<n>.js` (`docs`, n): `OfflineDocRow[]`, documents n × chunkSize onwards.
 *
 * Numbers are base 36 wherever they are packed into strings: the index is read from disk by
 * every search opened from `file://`, so it stays small and parses with `split`.
 */

import type { ShardStats } from './search-rank.ts';

export const OFFLINE_DIR = 'offline-search';

/** The name of each index file inside `OFFLINE_DIR`. */
export const offlineFile = {
  manifest: 'index.js',
  terms: (shard: string) => `terms-${shard}.js`,
  tags: 'tags.js',
  docs: (chunk: number) => `docs-${chunk}.js`,
} as const;

export interface OfflineManifest {
  version: 3;
  docs: number;
  chunkSize: number;
  topics: string[];
  tags: string[];
  shards: string[];
  /** Each document's topic index in base 36, `topicWidth` characters each (`-` for none): facet counts without loading documents. */
  docTopics: string;
  topicWidth: number;
  /** Each document's length in words (Pagefind's page length), base 36, `lengthWidth` characters each. */
  lengths: string;
  lengthWidth: number;
  /**
   * Each document's Pagefind shard (src/publish/search-shards.ts), an index into `shardStats`,
   * base 36, `shardWidth` characters each. Pagefind scores a page with its own shard's page count,
   * average length and term counts, so the offline engine does too (src/core/search-rank.ts).
   */
  docShards: string;
  shardWidth: number;
  /** Per Pagefind shard: its page count and average page length in words. */
  shardStats: ShardStats[];
}

/** A shard: word → encoded postings, and word → length of its compounds' shortest first part. */
export type OfflineShard = [postings: Record<string, string>, firstParts: Record<string, number>];

/** Each document's tag indexes in base 36, `.`-separated, documents `;`-separated. */
export type OfflineTags = string;

/** One document of a `docs-<n>.js` chunk: topic is an index into the manifest's topics (-1 for none), tags index its tags. */
export type OfflineDocRow = [url: string, title: string, topic: number, tags: number[], summary: string];

export interface DocumentWord {
  /** Summed weight on the page, in Pagefind's units. */
  weight: number;
  /** The part of `weight` from compound words whose first part begins this word (see `indexWords`). */
  compoundWeight: number;
  /** The word is a whole word of the title (not a compound's part). */
  inTitle: boolean;
}

export interface Posting extends DocumentWord {
  doc: number;
}

/**
 * One posting as a base-36 `docDelta,value` pair, value = weight × 2 + title flag, followed by
 * `:compoundWeight` when there is one; a word's postings are its pairs in ascending document order,
 * joined by `,`: compact, and parsed with one split.
 */
export function encodePosting(docDelta: number, weight: number, compoundWeight: number, inTitle: boolean): string {
  const value = (weight * 2 + (inTitle ? 1 : 0)).toString(36);
  return `${docDelta.toString(36)},${compoundWeight > 0 ? `${value}:${compoundWeight.toString(36)}` : value}`;
}

/** A word's postings from their `encodePosting` pairs. */
export function decodePostings(encoded: string): Posting[] {
  const parts = encoded.split(',');
  const out: Posting[] = [];
  let doc = 0;
  for (let i = 0; i < parts.length; i += 2) {
    doc += parseInt(parts[i]!, 36);
    const [value, compound] = parts[i + 1]!.split(':');
    const number = parseInt(value!, 36);
    out.push({ doc, weight: number >> 1, inTitle: (number & 1) === 1, compoundWeight: compound ? parseInt(compound, 36) : 0 });
  }
  return out;
}

/** `OfflineTags` from each document's tag indexes. */
export function encodeTags(docTags: readonly (readonly number[])[]): OfflineTags {
  return docTags.map((tags) => tags.map((t) => t.toString(36)).join('.')).join(';');
}

/** The inverse of `encodeTags`. */
export function decodeTags(text: OfflineTags): number[][] {
  return text.split(';').map((d) => (d ? d.split('.').map((t) => parseInt(t, 36)) : []));
}

/**
 * Non-negative integers as fixed-width base 36, as wide as the widest one (at least 1); a missing
 * value is that many `-`. Document n's value is then found without parsing the others.
 */
export function encodeFixedWidth(values: readonly (number | undefined)[]): { text: string; width: number } {
  const width = Math.max(1, ...values.map((v) => (v ?? 0).toString(36).length));
  return { text: values.map((v) => (v === undefined ? '-'.repeat(width) : v.toString(36).padStart(width, '0'))).join(''), width };
}

/** The value of document `doc` in a string of `encodeFixedWidth`, or undefined when it has none. */
export function decodeFixedWidth(codes: string, width: number, doc: number): number | undefined {
  const code = codes.slice(doc * width, (doc + 1) * width);
  return code.startsWith('-') ? undefined : parseInt(code, 36);
}
