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
import { tailText, type SearchDoc } from './search-document.ts';
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
  length += indexWords(searchableText(tailText(doc)), WEIGHT_UNIT, adder(false));
  return { words, firstParts, length };
}

/**
 * What one build's offline index keeps for the next (`buildOfflineSearchReusing`): a hash of each document
 * in index order, their postings and lengths, the topic and tag lists the document chunks index into, the
 * paths of all its files, and the key they were made under (the code that cuts words).
 */
export interface OfflineIndexState {
  key: string;
  docHashes: string[];
  postings: PostingSnapshot;
  lengths: number[];
  topics: string[];
  tags: string[];
  /** Every file of the index, relative to the site root. */
  files: string[];
}

/** An offline index made from a last one: the files made anew, and those of the last index that are the same. */
export interface OfflineIndexUpdate {
  /** Path (relative to the site root) → text of each file made by this call. */
  files: Map<string, string>;
  /** Paths of the last index's files that are as they were, so were not made again: the caller keeps them. */
  kept: string[];
  state: OfflineIndexState;
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
 * `buildOfflineSearch`, taking up `last` (the state an earlier call returned, made under the same `key`, whose
 * files the caller still has as that call made them) for the longest run of leading documents that are as they
 * were: a rebuild that adds papers at the end (the build puts recent papers last) cuts only the new ones' words,
 * and makes again only the files they change: the word shards holding a word whose postings changed, the
 * document chunks past the run (all of them when the topic or tag list changed), the tags and the manifest.
 * The kept files and the made ones are those a build from scratch makes; `onWords` is called only for the
 * documents cut. `lastFile` reads a file of the last index (path relative to the site root; undefined when
 * missing): a word shard made again takes the encoded postings of its words that only gained some from it. Cutting the words was ~1 of the 1.5 CPU-s of the index at 10k papers; encoding and hashing
 * every file anew ~4 of the ~4.7 s of a 50k add-one (profile).
 */
export function buildOfflineSearchReusing(
  docs: readonly SearchDoc[],
  maxPages = SHARD_MAX_PAGES,
  recent: readonly string[] = [],
  onWords?: (doc: SearchDoc, words: Iterable<string>) => void,
  last?: OfflineIndexState,
  stateKey = '',
  lastFile: (path: string) => string | undefined = () => undefined,
): OfflineIndexUpdate {
  const topics = [...new Set(docs.map((d) => d.topic).filter(Boolean))].sort();
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  const docHashes = docs.map(documentHash);
  const reused = last?.key === stateKey ? last : undefined;
  let same = 0;
  if (reused) while (same < docs.length && same < reused.docHashes.length && docHashes[same] === reused.docHashes[same]) same++;
  // Docs are visited in order, so each word's postings come out sorted.
  const postings = same > 0 ? PostingTable.restore(reused!.postings, same) : new PostingTable();
  const lengths: number[] = same > 0 ? reused!.lengths.slice(0, same) : [];
  for (let n = same; n < docs.length; n++) {
    const doc = docs[n]!;
    const document = documentWords(doc);
    onWords?.(doc, document.words.keys());
    lengths.push(document.length);
    for (const [word, entry] of document.words) postings.add(word, n, entry, document.firstParts.get(word));
  }
  const snapshot = postings.snapshot();
  // A file of the last index is kept when nothing it holds changed (and it was one of its files).
  const lastFiles = new Set(same > 0 ? reused!.files : []);
  const keeps = (path: string, unchanged: boolean) => unchanged && lastFiles.has(path);
  // Words whose postings changed: those the documents cut now have, and those the last index's documents past the run had.
  const lostWords = same > 0 ? PostingTable.wordsFrom(reused!.postings, same) : new Set<string>();
  const changedWords = same > 0 ? new Set([...PostingTable.wordsFrom(snapshot, same), ...lostWords]) : new Set<string>();
  const changedShards = new Set([...changedWords].map(shardOf));
  const wordsOfShard = new Map<string, string[]>();
  for (const word of postings.allWords()) {
    const shard = shardOf(word);
    let words = wordsOfShard.get(shard);
    if (!words) wordsOfShard.set(shard, (words = []));
    words.push(word);
  }
  const shardKeys = [...wordsOfShard.keys()].sort();

  const files = new Map<string, string>();
  const kept: string[] = [];
  const script = (kind: string, key: string | number, data: unknown) =>
    `__papershelfOffline(${JSON.stringify(kind)},${JSON.stringify(key)},${safeJson(data)});\n`;
  const toMake = shardKeys.filter((shard) => {
    const path = `${OFFLINE_DIR}/${offlineFile.terms(shard)}`;
    if (!keeps(path, !changedShards.has(shard))) return true;
    kept.push(path);
    return false;
  });
  if (toMake.length > 0) {
    const firstParts = postings.firstParts();
    let encoded: ((word: string) => string) | undefined;
    const added = postings.addedEncoder();
    for (const shard of toMake) {
      const path = `${OFFLINE_DIR}/${offlineFile.terms(shard)}`;
      // A word whose postings in the last file all stay has them as they were encoded there, then those added.
      const before = lastFiles.has(path) ? parseScript(lastFile(path), 'terms', shard) as OfflineShard | undefined : undefined;
      const data: OfflineShard = [{}, {}];
      for (const word of wordsOfShard.get(shard)!.sort()) {
        const kept = before && !lostWords.has(word) && Object.hasOwn(before[0], word) ? before[0][word] : undefined;
        if (kept === undefined) data[0][word] = (encoded ??= postings.encoder())(word);
        else {
          const more = added(word);
          data[0][word] = more ? `${kept},${more}` : kept;
        }
        if (firstParts.has(word)) data[1][word] = firstParts.get(word)!;
      }
      files.set(path, script('terms', shard, data));
    }
  }
  // A chunk's rows index the topic and tag lists, so a chunk is the same when its documents and both lists are.
  const sameLists = same > 0 && sameStrings(topics, reused!.topics) && sameStrings(tags, reused!.tags);
  const wholeRun = same === docs.length && same === reused?.docHashes.length;
  for (let start = 0, chunk = 0; start < docs.length; start += CHUNK_SIZE, chunk++) {
    const path = `${OFFLINE_DIR}/${offlineFile.docs(chunk)}`;
    if (keeps(path, sameLists && (start + CHUNK_SIZE <= same || wholeRun))) {
      kept.push(path);
      continue;
    }
    const rows = docs.slice(start, start + CHUNK_SIZE).map((d): OfflineDocRow => [
      d.url,
      d.title,
      d.topic ? topicIndex.get(d.topic)! : -1,
      d.tags.map((t) => tagIndex.get(t)!),
      summaryOf(d.body),
    ]);
    files.set(path, script('docs', chunk, rows));
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
    shards: shardKeys,
    docTopics: docTopics.text,
    topicWidth: docTopics.width,
    lengths: lengthCodes.text,
    lengthWidth: lengthCodes.width,
    docShards: docShards.text,
    shardWidth: docShards.width,
    shardStats: pagefindShards.map((shard, i) => ({ pages: shard.items.length, averageLength: shardLength[i]! / Math.max(1, shard.items.length) })),
  };
  files.set(`${OFFLINE_DIR}/${offlineFile.manifest}`, script('index', 0, manifest));
  return { files, kept, state: { key: stateKey, docHashes, postings: snapshot, lengths, topics, tags, files: [...kept, ...files.keys()] } };
}

/** The data of an index file as `script` wrote it for `kind` and `key`; undefined for a missing or other text. */
function parseScript(text: string | undefined, kind: string, key: string | number): unknown {
  const start = `__papershelfOffline(${JSON.stringify(kind)},${JSON.stringify(key)},`;
  if (!text?.startsWith(start) || !text.endsWith(');\n')) return undefined;
  try {
    return JSON.parse(text.slice(start.length, -3));
  } catch {
    return undefined;
  }
}

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
