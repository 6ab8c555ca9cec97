/**
 * Writes a set of generated files into `dist/`, skipping those whose text is the one written last time.
 * The offline search index is ~1,000 files (13 MB at 10k papers) made anew by every build; adding a dump
 * changes a few of them, and writing them all cost ~1 s of the rebuild on this thread while Astro renders.
 * What was written is remembered in a hash list under `.cache/`: without it, everything is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes each `path → text` of `files` under `outDir` unless the hash list `record` says that text is there
 * already (and the file exists); then stores the new list. Returns how many files it wrote.
 */
export function writeChanged(outDir: string, files: ReadonlyMap<string, string>, record: string): number {
  let last: Record<string, string> = {};
  try {
    last = JSON.parse(readFileSync(record, 'utf8')) as Record<string, string>;
  } catch {
    // No list (first build, cleared cache): write everything.
  }
  const now: Record<string, string> = {};
  let written = 0;
  for (const [path, text] of files) {
    const hash = createHash('sha1').update(text).digest('base64url');
    now[path] = hash;
    const target = join(outDir, path);
    if (last[path] === hash && existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written++;
  }
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, JSON.stringify(now));
  return written;
}
