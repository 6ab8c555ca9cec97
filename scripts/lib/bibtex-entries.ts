/**
 * The BibTeX entries of `dist/papers.bib` kept between builds (src/site/lib/citation.ts `BibtexEntries`), one
 * JSON file in the citation cache's folder, whose name hashes the citation code and the lock file
 * (citation-cache-dir.ts), so a change there starts afresh. A missing or unreadable file is no entries.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BibtexEntries } from '../../src/site/lib/citation.ts';

/** The file in the citation cache folder `dir`. */
export const bibtexEntriesFile = (dir: string): string => join(dir, 'papers-bib.json');

export function loadBibtexEntries(file: string): BibtexEntries {
  let last = new Map<string, string>();
  try {
    last = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  } catch {
    // None yet, or unreadable: every entry is formatted.
  }
  return { last, next: new Map() };
}

/** Stores the entries of this build (`next`) only: those of papers gone from the list are dropped. */
export function storeBibtexEntries(file: string, entries: BibtexEntries): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.next`, JSON.stringify(Object.fromEntries(entries.next)));
  renameSync(`${file}.next`, file);
}
