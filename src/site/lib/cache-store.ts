/**
 * A build cache's values by key (content-addressed: the rendered abstracts, the formatted references) in one
 * SQLite file per cache folder, through Node's built-in `node:sqlite` (Node ≥ 22.13 without a flag; the project
 * runs Node 24).
 *
 * Why not a file per key, as before (session 15, issue #18): a 10k cold build created ~20k cache files, each through
 * a temporary name and a rename, on a build bound by the CPU of both cores, and the kernel's cost of creating a file
 * here varies with what else writes the disk: 10k values of 1.8 KB cost 0.5–5.0 CPU-s written a file each (mostly
 * system time; 3 runs at load 17, process.cpuUsage), 0.15–0.19 CPU-s in this store in transactions of 25; 10k keyed
 * reads 0.08–0.09 CPU-s against 0.10–0.12 for the files. In whole 10k cold builds (5 each, interleaved, load 8–50)
 * the makers' processes used 5.8–15.7 CPU-s (1.5–9.4 of it system time) with a file per key, 4.3–5.5 (0.44–0.63
 * system) with this store. Why SQLite and not a hand-written pack of append-only
 * segments: it already does what such a pack would have to (several writer processes at once: WAL and a busy
 * timeout; a killed writer leaves no half value: transactions; keyed reads from other processes without loading
 * the values; freed pages reused, so deleting the keys no item uses keeps the file the size of what is live).
 *
 * Writers are the maker processes (warm-cache.ts) and, for a value they did not make, a page; the Astro processes
 * otherwise read through a read-only connection. Durability is `synchronous = NORMAL` (WAL): a commit is atomic
 * and survives a killed process; a power cut may lose the last commits, which a cache can make again.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/** The store's file in a cache folder. */
export const STORE_FILE = 'values.sqlite';

/**
 * How long a connection waits for another process's write lock before it fails. A maker commits a batch (25
 * values, well under a second) at a time, so a wait this long means a writer that hangs, not one that is busy.
 */
const BUSY_TIMEOUT_MS = 60_000;

/**
 * Compact (VACUUM: rewrite the live values into a new file) once free pages are over half of the file. SQLite
 * reuses free pages for new values, so the file only stays large when the list shrank; at one half the file is
 * at most twice what is live, and each compaction, which rewrites what is live, follows the deletion of at least
 * as much as it rewrites, so its cost per deleted value stays bounded (a 10% list turnover never triggers it).
 */
const COMPACT_FREE_FRACTION = 0.5;

/** One cache folder's store: keys (strings) to values (text). Synchronous, like the file reads it replaces. */
export class CacheStore {
  private readonly db: DatabaseSync;
  private readonly getValue: StatementSync;
  private readonly putValue: StatementSync | undefined;

  private constructor(db: DatabaseSync, readOnly: boolean) {
    this.db = db;
    this.getValue = db.prepare('SELECT value FROM entries WHERE key = ?');
    this.putValue = readOnly ? undefined : db.prepare('INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)');
  }

  /** Opens (creating when missing) the store of the folder `dir`, which must exist, for reading and writing. */
  static open(dir: string): CacheStore {
    const db = new DatabaseSync(join(dir, STORE_FILE), { timeout: BUSY_TIMEOUT_MS });
    // WAL: readers never wait for writers and writers of other processes only for each other's commits.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    return new CacheStore(db, false);
  }

  /** Opens the store of `dir` for reading only; undefined when there is none yet. */
  static openReadOnly(dir: string): CacheStore | undefined {
    const file = join(dir, STORE_FILE);
    if (!existsSync(file)) return undefined;
    return new CacheStore(new DatabaseSync(file, { readOnly: true, timeout: BUSY_TIMEOUT_MS }), true);
  }

  /** The value of `key`, or undefined. */
  get(key: string): string | undefined {
    const row = this.getValue.get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Every key the store holds. */
  keys(): Set<string> {
    return new Set((this.db.prepare('SELECT key FROM entries').all() as { key: string }[]).map((row) => row.key));
  }

  /** Stores `entries` (key, value) in one transaction: all of them or, if the process dies meanwhile, none. */
  put(entries: Iterable<readonly [string, string]>): void {
    const put = this.putValue;
    if (!put) throw new Error('cache store opened read-only');
    this.transaction(() => {
      for (const [key, value] of entries) put.run(key, value);
    });
  }

  /**
   * Deletes every key not in `wanted`, then compacts the file when free pages are over half of it
   * (COMPACT_FREE_FRACTION). Returns how many keys it deleted.
   */
  deleteAllBut(wanted: ReadonlySet<string>): number {
    const dead = [...this.keys()].filter((key) => !wanted.has(key));
    if (dead.length === 0) return 0;
    const remove = this.db.prepare('DELETE FROM entries WHERE key = ?');
    this.transaction(() => {
      for (const key of dead) remove.run(key);
    });
    const pragma = (name: string) => Number((this.db.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[name]);
    if (pragma('freelist_count') > COMPACT_FREE_FRACTION * pragma('page_count')) this.db.exec('VACUUM');
    return dead.length;
  }

  close(): void {
    this.db.close();
  }

  /** IMMEDIATE: takes the write lock at once, so a busy store is waited for instead of failing on the first write. */
  private transaction(body: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      body();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** This process's connections, by folder: opened once, since a page reads one value and a build reads thousands. */
const readers = new Map<string, CacheStore>();
const writers = new Map<string, CacheStore>();

/**
 * The value of `key` in the store of `dir`, or, when it is not there, `make()`'s, which is then stored (a value
 * the makers did not reach, or a bare `astro build`). Values are JSON. The store is read through a read-only
 * connection, kept for the process; a writable one is opened only for a value that is missing.
 */
export async function readThrough<T>(dir: string, key: string, make: () => Promise<T>): Promise<T> {
  let store = writers.get(dir) ?? readers.get(dir);
  if (!store) {
    store = CacheStore.openReadOnly(dir);
    if (store) readers.set(dir, store);
  }
  const text = store?.get(key);
  if (text !== undefined) return JSON.parse(text) as T;
  const value = await make();
  let writer = writers.get(dir);
  if (!writer) {
    mkdirSync(dir, { recursive: true });
    writer = CacheStore.open(dir);
    writers.set(dir, writer);
  }
  writer.put([[key, JSON.stringify(value)]]);
  return value;
}
