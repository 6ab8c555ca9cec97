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
import * as pagefind from 'pagefind';
import { PAGEFIND_CHUNKS_FILE, PAGEFIND_DIR, PAGEFIND_FACETS_FILE, PAGEFIND_SHARDS_FILE, PAGEFIND_WORDS_DIR, shardLanguage, type PagefindChunks, type PagefindShards, type PagefindWords } from '../core/pagefind-format.ts';
import { INCLUDE_CHARACTERS, searchableText, shardOf } from '../core/search-terms.ts';
import { withCompileHint } from './compile-hint.ts';
import { documentWords } from './offline-search.ts';
import { indexChunks } from './pagefind-chunks.ts';
import { facetTable } from './pagefind-facets.ts';
import { labelText, type SearchDoc } from './search-document.ts';
import { SHARD_MAX_PAGES, shardsOf } from './search-shards.ts';
import { readText } from './read-text.ts';

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML Pagefind indexes for one paper: searchable text, the shown title as meta, topic and tags as filters. */
export function pagefindRecord(doc: SearchDoc): string {
  const filters = [
    ...(doc.topic ? [`<span data-pagefind-filter="topic">${escapeHtml(doc.topic)}</span>`] : []),
    ...doc.tags.map((t) => `<span data-pagefind-filter="tag">${escapeHtml(t)}</span>`),
  ].join('');
  return (
    `<html lang="en"><head><title>${escapeHtml(doc.title)}</title></head><body><main data-pagefind-body>` +
    `<h1>${escapeHtml(searchableText(doc.title))}</h1><p>${escapeHtml(searchableText(doc.body))}</p><p>${escapeHtml(searchableText(labelText(doc)))}</p>` +
    `<div data-pagefind-ignore><span data-pagefind-meta="title">${escapeHtml(doc.title.normalize('NFKC'))}</span>${filters}</div>` +
    `</main></body></html>`
  );
}

const configOf = (folder: string) => ({ forceLanguage: shardLanguage(folder), includeCharacters: INCLUDE_CHARACTERS });
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** Pagefind's own files, which only the first shard (`pagefind/`) needs. */
const BUNDLE_FILE = /\.(js|css|pagefind)$/;

/** Runs Pagefind over one shard's records into `outputPath`. */
async function indexShard(folder: string, outputPath: string, records: ReadonlyArray<{ url: string; content: string }>): Promise<void> {
  try {
    const { index } = check(await pagefind.createIndex(configOf(folder)), 'start');
    if (!index) throw new Error('Pagefind returned no index.');
    // Records go over Pagefind's pipe in batches: one at a time waits on each reply, all at once floods it.
    for (let start = 0; start < records.length; start += 256) {
      const batch = records.slice(start, start + 256);
      const responses = await Promise.all(batch.map((record) => index.addHTMLFile(record)));
      responses.forEach((response, i) => check(response, `index ${batch[i]!.url}`));
    }
    check(await index.writeFiles({ outputPath }), 'write its files');
  } finally {
    // Closing stops the binary, so its memory goes with it before the next shard starts.
    await pagefind.close();
  }
}

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
 * Writes the sharded Pagefind index of `docs` into `siteDir/pagefind/`, running Pagefind only for
 * shards whose records differ from those cached in `cacheDir`. `recent`: URLs of the papers added
 * lately, in the order they came, which get shards of their own (search-shards.ts). `known`: the
 * shards' words, when already cut (made with the same `maxPages` and `recent`); else they are cut here.
 */
export async function buildPagefindIndex(
  siteDir: string,
  docs: readonly SearchDoc[],
  cacheDir: string,
  maxPages = SHARD_MAX_PAGES,
  recent: readonly string[] = [],
  known?: ShardWords,
  inputs?: PagefindInputs,
): Promise<PagefindBuild> {
  try {
    const shards = shardsOf(docs, (d) => d.url, maxPages, recent);
    const names = shards.map((s) => `s${s.key}`);
    mkdirSync(cacheDir, { recursive: true });
    for (const stale of readdirSync(cacheDir)) if (!names.includes(stale)) rmSync(join(cacheDir, stale), { recursive: true, force: true });
    // dist/pagefind/ keeps the links of unchanged shards (linkTree); what this run does not make again is swept at the end.
    const made = new Set<string>();
    let indexed = 0;
    let pages = 0;
    const entries: PagefindShards['entries'] = {};
    const words = new Map<string, number[]>();
    const chunks: PagefindChunks = {};
    for (const [i, shard] of shards.entries()) {
      const dir = join(cacheDir, names[i]!);
      const signatureFile = join(dir, SIGNATURE_FILE);
      const inputsFile = join(dir, INPUTS_FILE);
      const wordsFile = join(dir, WORDS_FILE);
      const header = `${SHARD_FORMAT}\n${PAGEFIND_VERSION}\n${JSON.stringify(configOf(names[i]!))}`;
      const inputsSignature = inputs ? shard.items.reduce((h, doc) => h.update(`\n${doc.url}\n${inputs.hashOf(doc)}`), createHash('sha1').update(`${header}\n${inputs.key}`)).digest('hex') : undefined;
      if (inputsSignature === undefined || readText(inputsFile) !== inputsSignature) {
        const records = shard.items.map((doc) => ({ url: `/${doc.url}`, content: pagefindRecord(doc) }));
        const hash = createHash('sha1').update(header);
        for (const record of records) hash.update(`\n${record.url}\n${record.content}`);
        const signature = hash.digest('hex');
        if (readText(signatureFile) !== signature) {
          rmSync(dir, { recursive: true, force: true });
          await indexShard(names[i]!, dir, records);
          writeFileSync(signatureFile, signature);
          indexed++;
        }
        if (inputsSignature === undefined) rmSync(inputsFile, { force: true });
        else writeFileSync(inputsFile, inputsSignature);
      }
      // Made after Pagefind's run, and again for a cached shard that lacks them.
      if (!existsSync(join(dir, PAGEFIND_FACETS_FILE))) writeFileSync(join(dir, PAGEFIND_FACETS_FILE), facetTable(dir));
      if (!existsSync(wordsFile)) {
        const shardWords = known?.sorted(shard.key) ?? [...new Set(shard.items.flatMap((doc) => [...documentWords(doc).words.keys()]))].sort();
        writeFileSync(wordsFile, JSON.stringify(shardWords));
      }
      for (const word of JSON.parse(readFileSync(wordsFile, 'utf8')) as string[]) {
        let holders = words.get(word);
        if (!holders) words.set(word, (holders = []));
        holders.push(i);
      }
      entries[names[i]!] = entryOf(dir);
      chunks[names[i]!] = Object.values(entries[names[i]!]!.languages).flatMap(({ hash }) => indexChunks(dir, hash));
      pages += Object.values(entries[names[i]!]!.languages).reduce((n, l) => n + l.page_count, 0);
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
