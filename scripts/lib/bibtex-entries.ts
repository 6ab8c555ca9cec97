/**
 * The BibTeX entries of `dist/papers.bib` kept between builds (src/site/lib/citation.ts `BibtexEntries`), one
 * slot (cache-slot.ts) in the citation cache's folder, whose name hashes the citation code and the lock file
 * (citation-cache-dir.ts), so a change there starts afresh. A missing or unreadable file is no entries.
 */
import { join } from 'node:path';
import type { BibtexEntries } from '../../src/site/lib/citation.ts';
import { readSlot, writeSlot } from './cache-slot.ts';

/** The file in the citation cache folder `dir`. */
export const bibtexEntriesFile = (dir: string): string => join(dir, 'papers-bib.bin');

/** The folder's name already keys the code that formatted the entries; the slot's key names what it holds. */
const SLOT_KEY = 'bibtex-entries';

/** The entries the last build stored in `file` (`last`, by the hash of a paper's citable fields and key), and none yet for this build. */
export function loadBibtexEntries(file: string): BibtexEntries {
  return { last: readSlot<Map<string, string>>(file, SLOT_KEY) ?? new Map(), next: new Map() };
}

/** Stores the entries of this build (`next`) only: those of papers gone from the list are dropped. */
export function storeBibtexEntries(file: string, entries: BibtexEntries): void {
  writeSlot(file, SLOT_KEY, entries.next);
}
