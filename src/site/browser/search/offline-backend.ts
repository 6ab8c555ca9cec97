/**
 * Search through the offline index (see src/publish/offline-search.ts): classic scripts loaded
 * on demand, so it works on a page opened from disk. Loads the manifest, the shards of the
 * query's words, and only the document chunks of the results it shows.
 */
import { searchTerms, shardOf } from '../../../core/search-terms.ts';
import { decodePostings, OFFLINE_DIR, type OfflineManifest } from '../../../publish/offline-search.ts';
import type { ExcerptPiece, SearchBackend, SearchHit, SearchResponse } from './backend.ts';

type DocRow = [url: string, title: string, topic: number, tags: number[], summary: string];
type Receiver = (kind: string, key: string | number, data: unknown) => void;

declare global {
  interface Window {
    __papershelfOffline?: Receiver;
  }
}

export async function loadOffline(root: URL): Promise<SearchBackend> {
  const waiting = new Map<string, (data: unknown) => void>();
  const loaded = new Map<string, Promise<unknown>>();
  window.__papershelfOffline = (kind, key, data) => waiting.get(`${kind}:${key}`)?.(data);

  /** Loads one index script once; its data arrives through `__papershelfOffline`. */
  function load<T>(kind: string, key: string | number, file: string): Promise<T> {
    const id = `${kind}:${key}`;
    let promise = loaded.get(id);
    if (!promise) {
      promise = new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        const script = document.createElement('script');
        script.src = new URL(`${OFFLINE_DIR}/${file}`, root).href;
        script.onerror = () => reject(new Error(`search index file ${file} is missing; rebuild the site`));
        document.head.append(script);
      });
      loaded.set(id, promise);
    }
    return promise as Promise<T>;
  }

  const manifest = await load<OfflineManifest>('index', 0, 'index.js');
  const shards = new Set(manifest.shards);
  const topicOf = (doc: number): number => {
    const code = manifest.docTopics.slice(doc * manifest.topicWidth, (doc + 1) * manifest.topicWidth);
    return code.startsWith('-') ? -1 : parseInt(code, 36);
  };

  async function postingsFor(term: string, prefix: boolean): Promise<Map<number, number>> {
    const shard = shardOf(term);
    const docs = new Map<number, number>();
    if (!shards.has(shard)) return docs;
    const terms = await load<Record<string, string>>('terms', shard, `terms-${shard}.js`);
    for (const [candidate, encoded] of Object.entries(terms)) {
      if (candidate !== term && !(prefix && candidate.startsWith(term))) continue;
      for (const { doc, weight } of decodePostings(encoded)) docs.set(doc, Math.max(docs.get(doc) ?? 0, weight));
    }
    return docs;
  }

  return {
    name: 'offline',
    async search(query, { topics, limit }): Promise<SearchResponse> {
      const terms = [...new Set(searchTerms(query))];
      if (terms.length === 0) return { total: 0, hits: [], topics: [] };
      // The last word is still being typed unless the query ends with a space.
      const typing = !/\s$/.test(query);
      const lists = await Promise.all(terms.map((t, i) => postingsFor(t, typing && i === terms.length - 1)));
      lists.sort((a, b) => a.size - b.size);
      const scores = new Map<number, number>();
      for (const [doc] of lists[0]!) {
        let score = 0;
        for (const list of lists) {
          const weight = list.get(doc);
          if (weight === undefined) {
            score = -1;
            break;
          }
          score += weight * Math.log(1 + manifest.docs / list.size);
        }
        if (score >= 0) scores.set(doc, score);
      }
      const topicCounts = new Map<number, number>();
      for (const doc of scores.keys()) topicCounts.set(topicOf(doc), (topicCounts.get(topicOf(doc)) ?? 0) + 1);
      const wanted = new Set(topics.map((t) => manifest.topics.indexOf(t)));
      const ranked = [...scores]
        .filter(([doc]) => wanted.size === 0 || wanted.has(topicOf(doc)))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const hits = await Promise.all(ranked.slice(0, limit).map(([doc]) => hitFor(doc, terms)));
      return {
        total: ranked.length,
        hits,
        topics: [...topicCounts]
          .filter(([topic]) => topic >= 0)
          .map(([topic, count]) => ({ name: manifest.topics[topic]!, count }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      };
    },
  };

  async function hitFor(doc: number, terms: string[]): Promise<SearchHit> {
    const chunk = Math.floor(doc / manifest.chunkSize);
    const rows = await load<DocRow[]>('docs', chunk, `docs-${chunk}.js`);
    const [url, title, topic, , summary] = rows[doc % manifest.chunkSize]!;
    return { url: new URL(url, root).href, title, topic: topic >= 0 ? manifest.topics[topic]! : '', excerpt: highlight(summary, terms) };
  }
}

/** Marks the words of `text` that a query term matches (as a prefix, after the same folding). */
export function highlight(text: string, terms: readonly string[]): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (!part) continue;
    const folded = searchTerms(part)[0];
    const mark = folded !== undefined && terms.some((t) => folded.startsWith(t));
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark && !mark) last.text += part;
    else pieces.push({ text: part, mark });
  }
  return pieces;
}
