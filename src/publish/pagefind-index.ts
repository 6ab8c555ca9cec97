/**
 * The Pagefind index of the built site, through Pagefind's Node API. Each paper is indexed from
 * a small HTML record made of its search document (src/publish/search-document.ts) rather than
 * from its page, so Pagefind reads exactly the text the offline index reads: the title as the
 * `<h1>` (Pagefind weighs it 7 times a body word), the abstract with readable math, the topic
 * and tags, all prepared by `searchableText` (NFKC, dashes, CJK words).
 *
 * One index language (`forceLanguage`), so a query finds papers in every language at once:
 * Pagefind otherwise splits the index by page language and searches only the page's own.
 *
 * Sharded (src/publish/search-shards.ts): each shard is a Pagefind run of its own, written to
 * `.cache/` with the signature of its records, so a rebuild runs Pagefind only for the shards
 * whose records changed, and Pagefind's memory is that of one shard (the binary is closed after
 * each). The shards are then linked into `dist/pagefind/` (see `PAGEFIND_SHARDS_FILE`).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGEFIND_CHUNKS_FILE, PAGEFIND_DIR, PAGEFIND_FACETS_FILE, PAGEFIND_SHARDS_FILE, PAGEFIND_WORDS_DIR, TEXT_WORDS_META, type PagefindChunks, type PagefindShards, type PagefindWords } from '../core/pagefind-format.ts';
import { searchableText, shardOf } from '../core/search-terms.ts';
import { withCompileHint } from './compile-hint.ts';
import { documentWords } from './offline-search.ts';
import { indexChunks } from './pagefind-chunks.ts';
import { facetTable } from './pagefind-facets.ts';
import { configOf, indexShard, workerRunner, type ShardRunner } from './pagefind-run.ts';
import { tailText, type SearchDoc } from './search-document.ts';
import { SHARD_MAX_PAGES, shardsOf } from './search-shards.ts';
import { readText } from './read-text.ts';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * The HTML Pagefind indexes for one paper: searchable text (title, abstract, then `tailText`), the shown
 * title and the title and abstract's word count (`TEXT_WORDS_META`) as meta, topic and tags as filters.
 */
export function pagefindRecord(doc: SearchDoc): string {
  const filters = [
    ...(doc.topic ? [`<span data-pagefind-filter="topic">${escapeHtml(doc.topic)}</span>`] : []),
    ...doc.tags.map((t) => `<span data-pagefind-filter="tag">${escapeHtml(t)}</span>`),
  ].join('');
  const title = searchableText(doc.title);
  const body = searchableText(doc.body);
  return (
    `<html lang="en"><head><title>${escapeHtml(doc.title)}</title></head><body><main data-pagefind-body>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p>${escapeHtml(searchableText(tailText(doc)))}</p>` +
    `<div data-pagefind-ignore><span data-pagefind-meta="title">${escapeHtml(doc.title.normalize('NFKC'))}</span>` +
    `<span data-pagefind-meta="${TEXT_WORDS_META}:${wordCount(title) + wordCount(body)}"></span>${filters}</div>` +
    `</main></body></html>`
  );
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** Pagefind's own files, which only the first shard (`pagefind/`) needs. */
const BUNDLE_FILE = /\.(js|css|pagefind)$/;

/**
 * Hard-links (or copies, across file systems) the files of `from` into `to`, except those `skip` names, and adds
 * each target to `made`. A target that is a link to its source already (a shard unchanged since the last build) is
 * left as it is: emptying `dist/pagefind/` and linking every file again took ~2.8 CPU-s of a 50k-paper rebuild
 * (~51k files; profile), on the thread whose search indexes end after Astro's pages.
 */
function linkTree(from: string, to: string, made: Set<string>, skip: (name: string) => boolean = () => false): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, made);
    else {
      made.add(target);
      if (sameFile(source, target)) continue;
      rmSync(target, { recursive: true, force: true });
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Whether `target` is a hard link to `source`. */
function sameFile(source: string, target: string): boolean {
  const t = lstatSync(target, { throwIfNoEntry: false });
  if (!t?.isFile()) return false;
  const s = statSync(source);
  return s.ino === t.ino && s.dev === t.dev;
}

/** Deletes the files under `dir` that are not in `made`, and the folders left empty; returns whether `dir` is empty. */
function sweep(dir: string, made: ReadonlySet<string>): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && sweep(path, made)) rmdirSync(path);
    else if (!entry.isDirectory() && !made.has(path)) rmSync(path, { force: true });
    else empty = false;
  }
  return empty;
}

const entryOf = (shardDir: string): PagefindShards['entries'][string] => JSON.parse(readFileSync(join(shardDir, 'pagefind-entry.json'), 'utf8')) as PagefindShards['entries'][string];

const SIGNATURE_FILE = 'papershelf-signature';
/**
 * A signature of the shard's inputs (the code's key and each document's hash, `PagefindInputs`), beside the one
 * of its records: when it is the stored one, the records are as they were without being made and hashed again
 * (~1.5 s of a 50k add-one rebuild's thread, for 49k documents in shards that did not change).
 */
const INPUTS_FILE = 'papershelf-inputs';
/** Part of each shard's signature: raise it when what is made from a shard (records, word and facet files) changes shape. */
const SHARD_FORMAT = 1;
/** The shard's indexed words (as the offline index cuts them, which is as Pagefind does), kept for the word files. */
const WORDS_FILE = 'papershelf-words.json';

/**
 * The word files: for each word, the shards that hold it, grouped by the word's first characters
 * as the offline index groups its words, so a query term loads one small file. The browser drops
 * the results of a shard that lacks a query term: Pagefind answers a term a shard lacks with the
 * shard's pages holding the term's longest indexed prefix, or ignores the term (its issues #599, #793).
 */
function writeWordFiles(dir: string, words: ReadonlyMap<string, number[]>, shardCount: number): string[] {
  const files = new Map<string, PagefindWords>();
  for (const word of [...words.keys()].sort()) {
    const file = shardOf(word);
    let data = files.get(file);
    if (!data) files.set(file, (data = {}));
    const holders = words.get(word)!;
    data[word] = holders.length === shardCount ? 1 : holders;
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of files) writeFileSync(join(dir, `${file}.json`), JSON.stringify(data));
  return [...files.keys()];
}

/**
 * The indexed words of each shard's documents, gathered while the offline index cuts them
 * (`buildOfflineSearch`'s `onWords`): cutting every document again for the word files cost 1.5 s of
 * CPU at 10k papers, on the thread that feeds Pagefind while Astro renders.
 */
export class ShardWords {
  private readonly shardOf = new Map<SearchDoc, string>();
  private readonly words = new Map<string, Set<string>>();
  /** Documents of each shard not added yet (the offline index reuses the words of unchanged ones). */
  private readonly missing = new Map<string, Set<SearchDoc>>();

  constructor(docs: readonly SearchDoc[], maxPages = SHARD_MAX_PAGES, recent: readonly string[] = []) {
    for (const shard of shardsOf(docs, (d) => d.url, maxPages, recent)) {
      for (const doc of shard.items) this.shardOf.set(doc, shard.key);
      this.missing.set(shard.key, new Set(shard.items));
    }
  }

  add(doc: SearchDoc, words: Iterable<string>): void {
    const key = this.shardOf.get(doc);
    if (key === undefined) return;
    this.missing.get(key)!.delete(doc);
    let set = this.words.get(key);
    if (!set) this.words.set(key, (set = new Set()));
    for (const word of words) set.add(word);
  }

  /** The shard's words, sorted; undefined for a shard some of whose documents were not added. */
  sorted(key: string): string[] | undefined {
    const set = this.words.get(key);
    return set && this.missing.get(key)?.size === 0 ? [...set].sort() : undefined;
  }
}

/**
 * What each document's Pagefind record is made from, as one hash per document (the offline index's, which hashes the
 * same fields: offline-search.ts `documentHash`), and a key of the code that makes records (the build's code
 * signature): two builds with the same key and hashes make the same records.
 */
export interface PagefindInputs {
  key: string;
  hashOf(doc: SearchDoc): string;
}

export interface PagefindBuild {
  pages: number;
  shards: number;
  /** Shards Pagefind ran for; the others were unchanged since the last build and reused from the cache. */
  indexed: number;
}

/**
 * How many Pagefind runs may go on at once: `now` from the start, and as many as `later` resolves to once it does
 * (the build raises it when Astro's processes end and their memory is free). Each run beyond the first has its own
 * binary on a worker thread (pagefind-run.ts). Pagefind writes a shard's index mostly on one thread: with one run at a
 * time, the shard indexed after Astro's pages left one of the two cores idle (10k cold, docs/benchmarks.md: 6.6 s).
 * Measured (session 14, 10k cold scratch builds interleaved with main, load 19-61 from other sessions): Pagefind's
 * CPU left when Astro ended 6.5, 9.1, 8.3 s in one binary against 1.5, 2.1, 5.0 s split about evenly between two;
 * Pagefind's CPU in all 13.4, 19.6, 16.0 s against 12.3, 14.5, 17.1; the tree's peak 1,939 -> 2,362-2,379 MiB.
 */
export interface PagefindRuns {
  now: number;
  later?: Promise<number>;
}

/**
 * Calls `each(i, runner)` for every index below `count`, in order, in lanes that each take the next index when done:
 * `runs.now` lanes, more when `runs.later` allows. Lane 0 runs Pagefind on this thread, the others on workers, each
 * started with its first shard and ended when no shard is left. The first error stops the lanes taking shards.
 */
async function inLanes(count: number, runs: PagefindRuns, each: (i: number, run: ShardRunner) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (run: ShardRunner): Promise<void> => {
    try {
      while (!failed && next < count) await each(next++, run);
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const onWorker = async (): Promise<void> => {
    const worker = workerRunner();
    try {
      await lane(worker.run);
    } finally {
      await worker.close();
    }
  };
  const lanes = [lane(indexShard)];
  const widen = (n: number) => {
    while (lanes.length < n && !failed && next < count) lanes.push(onWorker());
  };
  widen(runs.now);
  runs.later?.then(widen, () => {});
  for (let awaited = 0; awaited < lanes.length; ) {
    const waiting = lanes.length;
    await Promise.all(lanes.slice(awaited));
    awaited = waiting;
  }
}

/**
 * Writes the sharded Pagefind index of `docs` into `siteDir/pagefind/`, running Pagefind only for
 * shards whose records differ from those cached in `cacheDir`. `recent`: URLs of the papers added
 * lately, in the order they came, which get shards of their own (search-shards.ts). `known`: the
 * shards' words, when already cut (made with the same `maxPages` and `recent`); else they are cut here.
 * `runsFor`: how many shards Pagefind may index at once (one binary each, so memory grows with it), given the
 * number of pages of the largest shard.
 */
export async function buildPagefindIndex(
  siteDir: string,
  docs: readonly SearchDoc[],
  cacheDir: string,
  maxPages = SHARD_MAX_PAGES,
  recent: readonly string[] = [],
  known?: ShardWords,
  inputs?: PagefindInputs,
  runsFor: (largestShardPages: number) => PagefindRuns = () => ({ now: 1 }),
): Promise<PagefindBuild> {
  try {
    const shards = shardsOf(docs, (d) => d.url, maxPages, recent);
    const runs = runsFor(Math.max(0, ...shards.map((s) => s.items.length)));
    const names = shards.map((s) => `s${s.key}`);
    mkdirSync(cacheDir, { recursive: true });
    for (const stale of readdirSync(cacheDir)) if (!names.includes(stale)) rmSync(join(cacheDir, stale), { recursive: true, force: true });
    let indexed = 0;
    // dist/pagefind/ keeps the links of unchanged shards (linkTree); what this run does not make again is swept at the end.
    const made = new Set<string>();
    /** Indexes shard `i` if its records changed, as many at once as `runs` allows. */
    const index = async (i: number, run: ShardRunner): Promise<void> => {
      const shard = shards[i]!;
      const dir = join(cacheDir, names[i]!);
      const signatureFile = join(dir, SIGNATURE_FILE);
      const inputsFile = join(dir, INPUTS_FILE);
      const header = `${SHARD_FORMAT}\n${PAGEFIND_VERSION}\n${JSON.stringify(configOf(names[i]!))}`;
      const inputsSignature = inputs ? shard.items.reduce((h, doc) => h.update(`\n${doc.url}\n${inputs.hashOf(doc)}`), createHash('sha1').update(`${header}\n${inputs.key}`)).digest('hex') : undefined;
      if (inputsSignature !== undefined && readText(inputsFile) === inputsSignature) return;
      const records = shard.items.map((doc) => ({ url: `/${doc.url}`, content: pagefindRecord(doc) }));
      const hash = createHash('sha1').update(header);
      for (const record of records) hash.update(`\n${record.url}\n${record.content}`);
      const signature = hash.digest('hex');
      if (readText(signatureFile) !== signature) {
        rmSync(dir, { recursive: true, force: true });
        await run(names[i]!, dir, records);
        writeFileSync(signatureFile, signature);
        indexed++;
      }
      if (inputsSignature === undefined) rmSync(inputsFile, { force: true });
      else writeFileSync(inputsFile, inputsSignature);
    };
    /** Completes shard `i`'s folder in the cache and links it into the site: done in its lane, while other shards are indexed. */
    const place = (i: number): void => {
      const shard = shards[i]!;
      const dir = join(cacheDir, names[i]!);
      const wordsFile = join(dir, WORDS_FILE);
      // Made after Pagefind's run, and again for a cached shard that lacks them.
      if (!existsSync(join(dir, PAGEFIND_FACETS_FILE))) writeFileSync(join(dir, PAGEFIND_FACETS_FILE), facetTable(dir));
      if (!existsSync(wordsFile)) {
        const shardWords = known?.sorted(shard.key) ?? [...new Set(shard.items.flatMap((doc) => [...documentWords(doc).words.keys()]))].sort();
        writeFileSync(wordsFile, JSON.stringify(shardWords));
      }
      // The first shard brings Pagefind's scripts; the others only their index.
      const skip = (name: string) => name === SIGNATURE_FILE || name === INPUTS_FILE || name === WORDS_FILE || (i > 0 && BUNDLE_FILE.test(name));
      // The first shard brings pagefind.js too, as a file of its own (below).
      linkTree(dir, i === 0 ? join(siteDir, PAGEFIND_DIR) : join(siteDir, PAGEFIND_DIR, names[i]!), made, (name) => skip(name) || (i === 0 && name === 'pagefind.js'));
      if (i === 0) {
        // A file of its own (the cached one stays as Pagefind wrote it): compiled off the page's thread (compile-hint.ts).
        const script = join(siteDir, PAGEFIND_DIR, 'pagefind.js');
        rmSync(script, { force: true });
        writeFileSync(script, withCompileHint(readFileSync(join(dir, 'pagefind.js'), 'utf8')));
        made.add(script);
      }
    };
    await inLanes(shards.length, runs, async (i, run) => {
      await index(i, run);
      place(i);
    });
    // The shard list, chunk list and word files, in shard order.
    let pages = 0;
    const entries: PagefindShards['entries'] = {};
    const words = new Map<string, number[]>();
    const chunks: PagefindChunks = {};
    for (const i of shards.keys()) {
      const dir = join(cacheDir, names[i]!);
      for (const word of JSON.parse(readFileSync(join(dir, WORDS_FILE), 'utf8')) as string[]) {
        let holders = words.get(word);
        if (!holders) words.set(word, (holders = []));
        holders.push(i);
      }
      entries[names[i]!] = entryOf(dir);
      chunks[names[i]!] = Object.values(entries[names[i]!]!.languages).flatMap(({ hash }) => indexChunks(dir, hash));
      pages += Object.values(entries[names[i]!]!.languages).reduce((n, l) => n + l.page_count, 0);
    }
    const wordFiles = writeWordFiles(join(siteDir, PAGEFIND_WORDS_DIR), words, shards.length);
    for (const file of wordFiles) made.add(join(siteDir, PAGEFIND_WORDS_DIR, `${file}.json`));
    writeFileSync(join(siteDir, PAGEFIND_CHUNKS_FILE), `${JSON.stringify(chunks)}\n`);
    const list: PagefindShards = { version: 1, shards: names, wordFiles, entries };
    writeFileSync(join(siteDir, PAGEFIND_SHARDS_FILE), `${JSON.stringify(list)}\n`);
    made.add(join(siteDir, PAGEFIND_CHUNKS_FILE)).add(join(siteDir, PAGEFIND_SHARDS_FILE));
    sweep(join(siteDir, PAGEFIND_DIR), made);
    return { pages, shards: shards.length, indexed };
  } catch (error) {
    throw new Error(`Search index: ${(error as Error).message}`, { cause: error });
  }
}
