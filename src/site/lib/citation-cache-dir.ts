/**
 * The folder of cached formatted references (citation-cache.ts). Its name hashes the citation code and
 * the lock file (citation-js and citeproc versions), so a change starts a fresh cache. A module of its
 * own so astro.config.mjs can name the folder without loading citation-js.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CITATION_CACHE_ROOT = join('.cache', 'citations');

export function citationCacheDir(root: string): string {
  const hash = createHash('sha256');
  for (const file of ['src/site/lib/citation.ts', 'src/site/lib/csl-item.ts', 'src/core/citation-js.ts', 'src/core/csl-specialise.ts', 'package-lock.json']) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file))).update('\0');
  }
  return join(root, CITATION_CACHE_ROOT, hash.digest('hex').slice(0, 16));
}
