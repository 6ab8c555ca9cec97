/**
 * The offline search index: what the search box uses where Pagefind cannot run (a page opened
 * from disk blocks ES modules, fetch and WebAssembly).
 *
 * Written by hand because nothing ships an index as classic scripts, the one thing a `file://`
 * page may load (MkDocs Material's offline plugin does the same). The index is split so a query
 * loads only what it needs: a small manifest, the one term shard its words start with, and the
 * document chunks holding its top results.
 *
 * Files (all under `offline-search/`), each a script calling `__papershelfOffline(kind, key, data)`:
 * - `index.js`: counts, topic and tag names, the list of shards and chunks;
 * - `terms-<shard>.js`: for each term starting with the shard's two letters, its postings;
 * - `docs-<n>.js`: `CHUNK_SIZE` documents: url, title, topic, tags, opening of the abstract.
 */
import { searchTerms, shardOf } from '../core/search-terms.ts';

export const OFFLINE_DIR = 'offline-search';
export const CHUNK_SIZE = 100;
const SUMMARY_LENGTH = 220;

export interface SearchDoc {
  url: string;
  title: string;
  abstract: string;
  topic: string;
  tags: readonly string[];
}

/** Field weights, packed in a posting's two low bits: a title hit outranks a body hit. */
const WEIGHT = { body: 1, label: 2, title: 3 } as const;

export interface OfflineManifest {
  version: 1;
  docs: number;
  chunkSize: number;
  topics: string[];
  tags: string[];
  shards: string[];
  /** Each document's topic index in base 36, `topicWidth` characters each (`-` for none): facet counts without loading documents. */
  docTopics: string;
  topicWidth: number;
}

/** Builds every file of the offline index: path (relative to the site root) → file text. */
export function buildOfflineSearch(docs: readonly SearchDoc[]): Map<string, string> {
  const topics = [...new Set(docs.map((d) => d.topic).filter(Boolean))].sort();
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  // term → (doc → best weight); docs are visited in order, so postings come out sorted.
  const postings = new Map<string, Map<number, number>>();
  docs.forEach((doc, n) => {
    const add = (text: string, weight: number) => {
      for (const term of searchTerms(text)) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = new Map()));
        if ((list.get(n) ?? 0) < weight) list.set(n, weight);
      }
    };
    add(doc.abstract, WEIGHT.body);
    add([doc.topic, ...doc.tags].join(' '), WEIGHT.label);
    add(doc.title, WEIGHT.title);
  });

  const shards = new Map<string, Record<string, string>>();
  for (const term of [...postings.keys()].sort()) {
    const shard = shardOf(term);
    let terms = shards.get(shard);
    if (!terms) shards.set(shard, (terms = {}));
    terms[term] = encodePostings(postings.get(term)!);
  }

  const files = new Map<string, string>();
  const script = (kind: string, key: string | number, data: unknown) =>
    `__papershelfOffline(${JSON.stringify(kind)},${JSON.stringify(key)},${safeJson(data)});\n`;
  for (const [shard, terms] of shards) files.set(`${OFFLINE_DIR}/terms-${shard}.js`, script('terms', shard, terms));
  for (let start = 0, chunk = 0; start < docs.length; start += CHUNK_SIZE, chunk++) {
    const rows = docs.slice(start, start + CHUNK_SIZE).map((d) => [
      d.url,
      d.title,
      d.topic ? topicIndex.get(d.topic)! : -1,
      d.tags.map((t) => tagIndex.get(t)!),
      summaryOf(d.abstract),
    ]);
    files.set(`${OFFLINE_DIR}/docs-${chunk}.js`, script('docs', chunk, rows));
  }
  const topicWidth = Math.max(1, Math.ceil(Math.log(topics.length + 1) / Math.log(36)));
  const docTopics = docs.map((d) => (d.topic ? topicIndex.get(d.topic)!.toString(36).padStart(topicWidth, '0') : '-'.repeat(topicWidth))).join('');
  const manifest: OfflineManifest = { version: 1, docs: docs.length, chunkSize: CHUNK_SIZE, topics, tags, shards: [...shards.keys()].sort(), docTopics, topicWidth };
  files.set(`${OFFLINE_DIR}/index.js`, script('index', 0, manifest));
  return files;
}

/** Postings as base-36 deltas of `doc * 4 + weight`: compact, and parsed with one split. */
export function encodePostings(list: ReadonlyMap<number, number>): string {
  let previous = 0;
  const parts: string[] = [];
  for (const [doc, weight] of list) {
    const value = doc * 4 + weight;
    parts.push((value - previous).toString(36));
    previous = value;
  }
  return parts.join(',');
}

export function decodePostings(encoded: string): Array<{ doc: number; weight: number }> {
  let value = 0;
  return encoded.split(',').map((part) => {
    value += parseInt(part, 36);
    return { doc: value >> 2, weight: value & 3 };
  });
}

function summaryOf(abstract: string): string {
  if (abstract.length <= SUMMARY_LENGTH) return abstract;
  const cut = abstract.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** JSON that is safe inside a script: no `</script>`, no line separators that end JS strings. */
function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
