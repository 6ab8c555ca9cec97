/**
 * Reading and atomically replacing `content/papers/`.
 *
 * A new set of entries is written into a sibling folder and swapped in with two renames, so an
 * ingest killed midway leaves the previous entries whole. If it dies between the two renames,
 * the next run finds the previous folder under its backup name and puts it back.
 *
 * When few entries change (a rebuild that adds a dump), the folder is updated in place instead, as a
 * journal: the changed files and the list of removed ones are written into a sibling folder, which a rename
 * commits (`papers.commit`); then each file is moved into place. A run killed before the commit leaves the
 * previous entries; one killed after it is finished by the next run (`recoverInterruptedSwap`). The swap
 * hard-linked every unchanged file into the new folder: 1.36 of the ingest's ~17 CPU-s at 50k papers with one
 * 10-paper dump added (profile), plus removing the old folder's 50k links.
 *
 * Tried in session 10 and not kept: the entries the ingest wrote (text and front matter, with each file's size,
 * time and inode) kept in `.cache/` so the next ingest reads and parses only entries touched since. Reading back
 * 9,997 entries took 302 -> 167 ms CPU (median of 5 interleaved, warm; first run 483 -> 241 ms), but storing the
 * cache cost ~140 ms CPU every ingest (stat 55, v8.serialize of 21 MB 76): under 0.15 s net of a 10k add-one.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rm, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestIssue, SourcePath } from '../../src/core/issue.ts';
import { issue } from '../../src/core/issue.ts';
import { isSlug } from '../../src/core/slug.ts';
import { parseEntry } from '../../src/core/entry-file.ts';
import type { ExistingEntry, IngestState } from '../../src/ingest/pipeline.ts';
import type { StoredPaperEntry } from '../../src/site/content/paper-entries-file.ts';

export const STATE_FILE = '.ingest-state.json';

const backupOf = (dir: string) => `${dir}.previous`;
const stagingOf = (dir: string) => `${dir}.next`;
const commitOf = (dir: string) => `${dir}.commit`;
/** In a journal folder: the JSON list of the entry files the update removes. */
const REMOVED_FILE = '.removed.json';

/** Whether `name`, in content/, is a staging, journal or backup folder of content/papers (not an input of the build). */
export const isEntriesScratch = (name: string): boolean => name === 'papers.previous' || name === 'papers.next' || name === 'papers.commit';

/**
 * Puts back the previous entries if an earlier run died between its two renames, and finishes an update in
 * place that an earlier run committed but did not finish. Returns whether there was anything to do.
 */
export function recoverInterruptedSwap(dir: string): boolean {
  let recovered = false;
  if (!existsSync(dir) && existsSync(backupOf(dir))) {
    renameSync(backupOf(dir), dir);
    recovered = true;
  }
  if (existsSync(commitOf(dir))) {
    applyCommitted(dir);
    recovered = true;
  }
  return recovered;
}

/** Moves the committed journal's files into `dir` and removes the files it lists; then the journal. Safe to run again. */
function applyCommitted(dir: string): void {
  const journal = commitOf(dir);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(journal)) if (name !== REMOVED_FILE) renameSync(join(journal, name), join(dir, name));
  const removedList = join(journal, REMOVED_FILE);
  if (existsSync(removedList)) for (const name of JSON.parse(readFileSync(removedList, 'utf8')) as string[]) rmSync(join(dir, name), { force: true });
  rmSync(journal, { recursive: true, force: true });
}

export interface ExistingFolder {
  entries: ExistingEntry[];
  state: IngestState | null;
  issues: IngestIssue[];
  /** Every file's text as read, so the write can tell unchanged files without reading them again. */
  texts: Map<string, string>;
}

export function readExistingEntries(dir: string, displayDir: string): ExistingFolder {
  const entries: ExistingEntry[] = [];
  const issues: IngestIssue[] = [];
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return { entries, state: null, issues, texts };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const slug = name.slice(0, -3);
    const file = `${displayDir}/${name}` as SourcePath;
    const text = readFileSync(join(dir, name), 'utf8');
    texts.set(name, text);
    const parsed = parseEntry(text);
    if (!parsed.ok) {
      issues.push(issue('warning', file, 1, 'entry-unreadable', `${parsed.error}; its hand edits could not be kept`, 'Fix the front matter, then ingest again.'));
      continue;
    }
    if (!isSlug(slug)) {
      issues.push(issue('warning', file, null, 'entry-bad-name', `"${name}" is not a valid slug file name; the paper gets a new one`, 'Use lowercase letters, digits and hyphens in entry file names.'));
      continue;
    }
    entries.push({ slug, data: parsed.data });
  }
  let state: IngestState | null = null;
  const statePath = join(dir, STATE_FILE);
  if (existsSync(statePath)) {
    try {
      const value = JSON.parse(readFileSync(statePath, 'utf8')) as IngestState;
      if (value.version === 1 && typeof value.papers === 'object') state = value;
    } catch {
      issues.push(issue('warning', `${displayDir}/${STATE_FILE}` as SourcePath, null, 'state-unreadable', 'the record of the last ingest is damaged; every difference from the new values is kept as a hand edit', 'Nothing to do; it is rewritten now.'));
    }
  }
  return { entries, state, issues, texts };
}

/**
 * The entry files `files` (name → text, as now in `displayDir`) as the site's paper loader reads them back
 * (src/site/content/paper-loader.ts: slug, front matter parsed by `parseEntry`), in file-name order. An entry
 * whose text is as `previous` read it takes the front matter parsed then; only the others are parsed again.
 * Throws, naming the file, on an entry that does not parse (the loader would).
 */
export function entriesAsRead(files: ReadonlyMap<string, string>, previous: ExistingFolder, displayDir: string): StoredPaperEntry[] {
  const parsed = new Map(previous.entries.map((e) => [e.slug as string, e.data]));
  const out: StoredPaperEntry[] = [];
  for (const name of [...files.keys()].filter((n) => n.endsWith('.md')).sort()) {
    const text = files.get(name)!;
    const id = name.slice(0, -3);
    const filePath = `${displayDir}/${name}`;
    let data = previous.texts.get(name) === text ? parsed.get(id) : undefined;
    if (!data) {
      const entry = parseEntry(text);
      if (!entry.ok) throw new Error(`${filePath}: ${entry.error}. Fix the entry, or delete it and run \`npm run ingest\` to write it again.`);
      data = entry.data;
    }
    out.push({ id, data, filePath });
  }
  return out;
}

/**
 * Replaces the folder's content with `files`; `previous`: the entry files as read before (name → text).
 * Fewer than half of the files changed or removed: the folder is updated in place through a journal; else a new
 * folder is swapped in, with unchanged files hard-linked from the old one rather than rewritten (see the module's
 * docstring). Either way unchanged files keep their inode and time, so the build's content signature sees them unchanged.
 */
export function replaceEntries(dir: string, files: ReadonlyMap<string, string>, previous: ReadonlyMap<string, string>): { written: number; unchanged: number; removed: number } {
  const same = (name: string, text: string) => (previous.has(name) ? previous.get(name) === text : name === STATE_FILE && existsSync(join(dir, name)) && readFileSync(join(dir, name), 'utf8') === text);
  const gone = [...previous.keys()].filter((name) => !files.has(name));
  const removed = gone.length;
  const exists = existsSync(dir);
  const changed = exists ? [...files].filter(([name, text]) => !same(name, text)) : [...files];
  // Nothing changed: leave the folder alone, so a no-op rebuild costs no writes at all.
  if (removed === 0 && exists && changed.length === 0) return { written: 0, unchanged: files.size, removed: 0 };
  const staging = stagingOf(dir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // A few changes: written in place through a journal (see the module's docstring); a full swap rewrites or links every file.
  if (exists && (changed.length + removed) * 2 < files.size) {
    for (const [name, text] of changed) writeFileSync(join(staging, name), text);
    writeFileSync(join(staging, REMOVED_FILE), JSON.stringify(gone));
    rmSync(commitOf(dir), { recursive: true, force: true });
    renameSync(staging, commitOf(dir));
    applyCommitted(dir);
    return { written: changed.length, unchanged: files.size - changed.length, removed };
  }
  const old = exists ? new Set(readdirSync(dir)) : new Set<string>();
  let written = 0;
  let unchanged = 0;
  for (const [name, text] of files) {
    if (old.has(name) && same(name, text)) {
      linkSync(join(dir, name), join(staging, name));
      unchanged++;
    } else {
      writeFileSync(join(staging, name), text);
      written++;
    }
  }
  // Anything else the owner keeps in the folder (an image, a README) moves along untouched.
  for (const name of old) {
    if (!name.endsWith('.md') && name !== STATE_FILE && !files.has(name)) linkSync(join(dir, name), join(staging, name));
  }
  rmSync(backupOf(dir), { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, backupOf(dir));
  renameSync(staging, dir);
  removeEntriesBackup(dir);
  return { written, unchanged, removed };
}

/**
 * Removes the old folder a swap left as `papers.previous`, on libuv's threads while the caller goes on: it is
 * garbage once the new one is in place (recoverInterruptedSwap puts a backup back only when the folder is
 * missing), and removing 10k hard links took 0.3 s of a 10k-paper rebuild's ingest (profile). A process that
 * ends with `process.exit()` cuts it short (the build's ingest child does): whoever outlives it calls this
 * again, and the next swap removes any leftover first.
 */
export function removeEntriesBackup(dir: string): void {
  rm(backupOf(dir), { recursive: true, force: true }, () => {});
}

/** How many entry files `dir` holds (0 when it does not exist): the list's size as of the last ingest. */
export function entryCount(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')).length : 0;
}
