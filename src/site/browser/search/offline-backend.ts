/**
 * Search through the offline index (its format: src/core/offline-index.ts): classic scripts
 * loaded on demand, so it works on a page opened from disk. Matches and ranks as Pagefind does
 * (src/core/search-terms.ts, src/core/search-rank.ts): every term must begin a word of the
 * paper, each such word scores with Pagefind's BM25. Loads the manifest, the shards of the
 * query's terms, the papers' tags, and only the document chunks of the results it shows.
 */
import {
  decodeFixedWidth,
  decodePostings,
  decodeTags,
  OFFLINE_DIR,
  offlineFile,
  type OfflineDocRow,
  type OfflineManifest,
  type OfflineShard,
  type OfflineTags,
  type Posting,
} from '../../../core/offline-index.ts';
import { lengthBonus, shardPageScore, type TermWordMatch } from '../../../core/search-rank.ts';
import { findTerms, queryTerms, shardOf as wordShardOf, utf8Bytes, type QueryTerm } from '../../../core/search-terms.ts';
import { countFacets, NO_RESULTS, type ExcerptPiece, type Facets, type SearchBackend, type SearchHit, type SearchResponse } from './backend.ts';

type Receiver = (kind: string, key: string | number, data: unknown) => void;

declare global {
  interface Window {
    __papershelfOffline?: Receiver;
    /** Index files the search page started loading before this script ran (src/pages/search/index.astro), and what arrived; a file that failed leaves `requested`. */
    __papershelfOfflineEarly?: { requested: string[]; data: Record<string, unknown>; onerror?: (id: string) => void };
  }
}

export async function loadOffline(root: URL): Promise<SearchBackend> {
  const waiting = new Map<string, (data: unknown) => void>();
  const loaded = new Map<string, Promise<unknown>>();
  const early = window.__papershelfOfflineEarly;
  const failing = new Map<string, () => void>();
  if (early) early.onerror = (id) => failing.get(id)?.();
  // A file the search page requested early may arrive before anyone waits for it: kept for `load`.
  window.__papershelfOffline = (kind, key, data) => {
    const id = `${kind}:${key}`;
    const receive = waiting.get(id);
    if (receive) receive(data);
    else if (early) early.data[id] = data;
  };

  /** Loads one index script once; its data arrives through `__papershelfOffline`. */
  function load<T>(kind: string, key: string | number, file: string): Promise<T> {
    const id = `${kind}:${key}`;
    let promise = loaded.get(id);
    if (!promise && early && id in early.data) loaded.set(id, (promise = Promise.resolve(early.data[id])));
    if (!promise && early?.requested.includes(id)) {
      promise = new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        failing.set(id, () => reject(new Error(`search index file ${file} is missing; rebuild the site`)));
      });
      loaded.set(id, promise);
    }
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

  const manifest = await load<OfflineManifest>('index', 0, offlineFile.manifest);
  const shards = new Set(manifest.shards);
  const topicOf = (doc: number): number => decodeFixedWidth(manifest.docTopics, manifest.topicWidth, doc) ?? -1;
  const lengthOf = (doc: number): number => decodeFixedWidth(manifest.lengths, manifest.lengthWidth, doc)!;
  /** The Pagefind shard of a document (an index into `manifest.shardStats`). */
  const shardOf = (doc: number): number => decodeFixedWidth(manifest.docShards, manifest.shardWidth, doc)!;
  let docTags: Promise<number[][]> | undefined;
  const tagsOfDocs = () =>
    (docTags ??= load<OfflineTags>('tags', 0, offlineFile.tags).then(decodeTags));

  /**
   * Every indexed word the term's stem begins, with its postings: doc → weights. `shadowed` when
   * the term also begins the word's compounds' first part, which Pagefind then counts instead.
   */
  async function wordsFor(term: QueryTerm): Promise<Array<{ word: string; shadowed: boolean; bonus: number; docs: Map<number, Posting> }>> {
    const shard = wordShardOf(term.stem);
    if (!shards.has(shard)) return [];
    const [words, firstParts] = await load<OfflineShard>('terms', shard, offlineFile.terms(shard));
    return Object.entries(words)
      .filter(([word]) => word.startsWith(term.stem))
      .map(([word, encoded]) => ({
        word,
        shadowed: firstParts[word] !== undefined && term.stem.length <= firstParts[word],
        bonus: lengthBonus(utf8Bytes(word), utf8Bytes(term.stem)),
        docs: new Map(decodePostings(encoded).map((p) => [p.doc, p])),
      }));
  }

  return {
    name: 'offline',
    async search(query, { topics, tags, limit }): Promise<SearchResponse> {
      const terms = queryTerms(query);
      if (terms.length === 0) return NO_RESULTS;
      // The papers' tags are needed first only to filter by tag; otherwise the facet counts wait for them after the results.
      const [perTerm, filterTags] = await Promise.all([Promise.all(terms.map(wordsFor)), tags.length > 0 ? tagsOfDocs() : undefined]);
      // A paper matches when each term begins one of its words; no term may go unmatched.
      let candidates: Set<number> | undefined;
      // Per term, the pages holding it in each Pagefind shard: Pagefind scores a page with its shard's statistics.
      const termPagesByShard: number[][] = [];
      for (const [i, words] of perTerm.entries()) {
        const docs = new Set(words.flatMap((w) => [...w.docs.keys()]));
        for (const doc of docs) (termPagesByShard[shardOf(doc)] ??= terms.map(() => 0))[i]!++;
        candidates = candidates ? new Set([...candidates].filter((d) => docs.has(d))) : docs;
      }
      if (!candidates || candidates.size === 0) return NO_RESULTS;
      const scores = new Map<number, number>();
      for (const doc of candidates) {
        const matches: TermWordMatch[] = [];
        const matched = new Set<string>();
        const titled = new Set<string>();
        const titleTerms: number[] = [];
        perTerm.forEach((words, i) => {
          for (const { word, shadowed, bonus, docs } of words) {
            const posting = docs.get(doc);
            if (posting === undefined || matched.has(word) || titled.has(word)) continue;
            const weight = shadowed ? posting.weight - posting.compoundWeight : posting.weight;
            if (weight > 0) {
              matched.add(word);
              matches.push({ term: i, weight, bonus });
            }
            if (posting.inTitle) {
              titled.add(word);
              titleTerms.push(i);
            }
          }
        });
        const shard = shardOf(doc);
        scores.set(doc, shardPageScore(matches, titleTerms, termPagesByShard[shard]!, lengthOf(doc), manifest.shardStats[shard]!));
      }
      const wantedTopics = new Set(topics.map((t) => manifest.topics.indexOf(t)));
      const wantedTags = new Set(tags.map((t) => manifest.tags.indexOf(t)));
      const ranked = [...scores]
        .filter(([doc]) => wantedTopics.size === 0 || wantedTopics.has(topicOf(doc)))
        .filter(([doc]) => !filterTags || (filterTags[doc] ?? []).some((t) => wantedTags.has(t)))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const facets = async (): Promise<Facets> => {
        const tagLists = filterTags ?? (await tagsOfDocs());
        return countFacets([...candidates!].map((doc) => ({ topic: manifest.topics[topicOf(doc)] ?? '', tags: (tagLists[doc] ?? []).map((t) => manifest.tags[t]!) })));
      };
      const hits = await Promise.all(ranked.slice(0, limit).map(([doc]) => hitFor(doc, terms)));
      return { total: ranked.length, hits, topics: [], tags: [], facets };
    },
  };

  async function hitFor(doc: number, terms: QueryTerm[]): Promise<SearchHit> {
    const chunk = Math.floor(doc / manifest.chunkSize);
    const rows = await load<OfflineDocRow[]>('docs', chunk, offlineFile.docs(chunk));
    const [url, title, topic, , summary] = rows[doc % manifest.chunkSize]!;
    return { url: new URL(url, root).href, title, topic: topic >= 0 ? manifest.topics[topic]! : '', excerpt: highlight(summary, terms) };
  }
}

/** Marks the words of `text` that a query term begins (after the same folding and stemming as the index). */
export function highlight(text: string, terms: readonly QueryTerm[]): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  for (const part of text.split(/(\s+)/)) {
    if (!part) continue;
    const mark = /\S/.test(part) && findTerms(part, terms).size > 0;
    const last = pieces[pieces.length - 1];
    if (last && !last.mark && !mark) last.text += part;
    else pieces.push({ text: part, mark });
  }
  return pieces;
}
