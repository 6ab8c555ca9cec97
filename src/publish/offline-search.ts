/**
 * The offline search index: what the search box uses where Pagefind cannot run (a page opened
 * from disk blocks ES modules, fetch and WebAssembly). It holds what Pagefind's index holds, the
 * same words with the same weights and page lengths (src/core/search-terms.ts), so the offline
 * engine can rank as Pagefind does (src/core/search-rank.ts).
 *
 * Written by hand because nothing ships an index as classic scripts, the one thing a `file://`
 * page may load (MkDocs Material's offline plugin does the same). The index is split so a query
 * loads only what it needs: a small manifest, the word shards its terms start with, the tags of
 * each paper (for tag counts), and the document chunks holding its top results.
 *
 * The files and their encodings are defined in src/core/offline-index.ts.
 */
import { createHash } from 'node:crypto';
import {
  encodeFixedWidth,
  encodeTags,
  OFFLINE_DIR,
  offlineFile,
  type DocumentWord,
  type OfflineDocRow,
  type OfflineManifest,
  type OfflineShard,
} from '../core/offline-index.ts';
import { indexWords, searchableText, shardOf, TITLE_WEIGHT, WEIGHT_UNIT } from '../core/search-terms.ts';
import { PostingTable, type PostingSnapshot } from './posting-table.ts';
import { labelText, type SearchDoc } from './search-document.ts';
import { SHARD_MAX_PAGES, shardsOf } from './search-shards.ts';

/** Documents per chunk: a first page of 10 results touches up to 10 chunks, so small chunks load less (100 → 25: index bytes read from disk for `diffusion` at 540 papers 184 → 76 KB). */
export const CHUNK_SIZE = 25;
const SUMMARY_LENGTH = 220;

/**
 * The words of one document, the length of the shortest first part any of its compound words
 * has (by word), and the document's length: what Pagefind indexes of it.
 */
export function documentWords(doc: SearchDoc): { words: Map<string, DocumentWord>; firstParts: Map<string, number>; length: number } {
  const words = new Map<string, DocumentWord>();
  const firstParts = new Map<string, number>();
  const adder = (inTitle: boolean) => (word: string, weight: number, firstPart?: string, isPart = false) => {
    let entry = words.get(word);
    if (!entry) words.set(word, (entry = { weight: 0, compoundWeight: 0, inTitle: false }));
    entry.weight += weight;
    // Pagefind's title boost reads the title's words as metadata, whole: `Graph-based` is `graphbas`, not `graph`.
    entry.inTitle ||= inTitle && !isPart;
    if (firstPart === undefined) return;
    entry.compoundWeight += weight;
    firstParts.set(word, Math.min(firstParts.get(word) ?? Infinity, firstPart.length));
  };
  let length = indexWords(searchableText(doc.title), TITLE_WEIGHT, adder(true));
  length += indexWords(searchableText(doc.body), WEIGHT_UNIT, adder(false));
  length += indexWords(searchableText(labelText(doc)), WEIGHT_UNIT, adder(false));
  return { words, firstParts, length };
}

/**
 * What one build's offline index keeps for the next (`buildOfflineSearchReusing`): a hash of each document
 * in index order, their postings and lengths, and the key they were made under (the code that cuts words).
 */
export interface OfflineIndexState {
  key: string;
  docHashes: string[];
  postings: PostingSnapshot;
  lengths: number[];
}

/**
 * Builds every file of the offline index: path (relative to the site root) → file text.
 * `maxPages` and `recent` must be the Pagefind index's (src/publish/pagefind-index.ts): documents are
 * scored with the statistics of the Pagefind shard they fall in. `onWords` gets each document's indexed
 * words as they are cut, for whoever needs them too (the Pagefind shards' word lists:
 * pagefind-index.ts `ShardWords`), so the text is cut once.
 */
export function buildOfflineSearch(
  docs: readonly SearchDoc[],
  maxPages = SHARD_MAX_PAGES,
  recent: readonly string[] = [],
  onWords?: (doc: SearchDoc, words: Iterable<string>) => void,
): Map<string, string> {
  return buildOfflineSearchReusing(docs, maxPages, recent, onWords).files;
}

/**
 * `buildOfflineSearch`, taking up the postings of `last` (the state an earlier call returned, made under the
 * same `key`) for the longest run of leading documents that are as they were: a rebuild that adds papers
 * at the end (the build puts recent papers last) cuts only the new ones' words. The files are those a
 * build from scratch makes; `onWords` is called only for the documents cut. Returns the files and the state
 * for the next call. Cutting the words was ~1 of the 1.5 CPU-s of the index at 10k papers (profile).
 */
export function buildOfflineSearchReusing(
  docs: readonly SearchDoc[],
  maxPages = SHARD_MAX_PAGES,
  recent: readonly string[] = [],
  onWords?: (doc: SearchDoc, words: Iterable<string>) => void,
  last?: OfflineIndexState,
  stateKey = '',
): { files: Map<string, string>; state: OfflineIndexState } {
  const topics = [...new Set(docs.map((d) => d.topic).filter(Boolean))].sort();
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  const docHashes = docs.map(documentHash);
  let same = 0;
  if (last && last.key === stateKey) while (same < docs.length && same < last.docHashes.length && docHashes[same] === last.docHashes[same]) same++;
  // Docs are visited in order, so each word's postings come out sorted.
  const postings = same > 0 ? PostingTable.restore(last!.postings, same) : new PostingTable();
  const lengths: number[] = same > 0 ? last!.lengths.slice(0, same) : [];
  for (let n = same; n < docs.length; n++) {
    const doc = docs[n]!;
    const document = documentWords(doc);
    onWords?.(doc, document.words.keys());
    lengths.push(document.length);
    for (const [word, entry] of document.words) postings.add(word, n, entry, document.firstParts.get(word));
  }
  const firstParts = postings.firstParts();

  const shards = new Map<string, OfflineShard>();
  const encoded = postings.encoder();
  for (const word of [...postings.allWords()].sort()) {
    const shard = shardOf(word);
    let data = shards.get(shard);
    if (!data) shards.set(shard, (data = [{}, {}]));
    data[0][word] = encoded(word);
    if (firstParts.has(word)) data[1][word] = firstParts.get(word)!;
  }

  const files = new Map<string, string>();
  const script = (kind: string, key: string | number, data: unknown) =>
    `__papershelfOffline(${JSON.stringify(kind)},${JSON.stringify(key)},${safeJson(data)});\n`;
  for (const [shard, data] of shards) files.set(`${OFFLINE_DIR}/${offlineFile.terms(shard)}`, script('terms', shard, data));
  for (let start = 0, chunk = 0; start < docs.length; start += CHUNK_SIZE, chunk++) {
    const rows = docs.slice(start, start + CHUNK_SIZE).map((d): OfflineDocRow => [
      d.url,
      d.title,
      d.topic ? topicIndex.get(d.topic)! : -1,
      d.tags.map((t) => tagIndex.get(t)!),
      summaryOf(d.body),
    ]);
    files.set(`${OFFLINE_DIR}/${offlineFile.docs(chunk)}`, script('docs', chunk, rows));
  }
  const docTags = encodeTags(docs.map((d) => d.tags.map((t) => tagIndex.get(t)!)));
  files.set(`${OFFLINE_DIR}/${offlineFile.tags}`, script('tags', 0, docTags));
  const docTopics = encodeFixedWidth(docs.map((d) => (d.topic ? topicIndex.get(d.topic)! : undefined)));
  const lengthCodes = encodeFixedWidth(lengths);
  const shardOfDoc = new Map<SearchDoc, number>();
  const pagefindShards = shardsOf(docs, (d) => d.url, maxPages, recent);
  pagefindShards.forEach((shard, i) => shard.items.forEach((doc) => shardOfDoc.set(doc, i)));
  const docShards = encodeFixedWidth(docs.map((d) => shardOfDoc.get(d)!));
  const shardLength = pagefindShards.map(() => 0);
  docs.forEach((d, n) => (shardLength[shardOfDoc.get(d)!]! += lengths[n]!));
  const manifest: OfflineManifest = {
    version: 3,
    docs: docs.length,
    chunkSize: CHUNK_SIZE,
    topics,
    tags,
    shards: [...shards.keys()].sort(),
    docTopics: docTopics.text,
    topicWidth: docTopics.width,
    lengths: lengthCodes.text,
    lengthWidth: lengthCodes.width,
    docShards: docShards.text,
    shardWidth: docShards.width,
    shardStats: pagefindShards.map((shard, i) => ({ pages: shard.items.length, averageLength: shardLength[i]! / Math.max(1, shard.items.length) })),
  };
  files.set(`${OFFLINE_DIR}/${offlineFile.manifest}`, script('index', 0, manifest));
  return { files, state: { key: stateKey, docHashes, postings: postings.snapshot(), lengths } };
}

/** A hash of what the index reads of a document. */
function documentHash(doc: SearchDoc): string {
  return createHash('sha1').update(JSON.stringify([doc.url, doc.title, doc.body, doc.topic, doc.tags])).digest('base64');
}

function summaryOf(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** JSON that is safe inside a script: no `</script>`, no line separators that end JS strings. */
function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
