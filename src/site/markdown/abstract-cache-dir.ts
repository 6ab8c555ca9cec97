/**
 * The folder of cached abstract HTML (abstract-html.ts) for the Markdown pipeline as it is now. Its name
 * hashes the pipeline's own code (this folder), the code of the plain text and summary cached with the HTML
 * (`PLAIN_TEXT_CODE`) and the lock file (the versions of remark, rehype and KaTeX), so a plugin change or an
 * upgrade starts a fresh cache instead of serving HTML the new pipeline would not make. Both astro.config.mjs and the build call it, so they agree on the folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ABSTRACT_CACHE_ROOT = join('.cache', 'abstracts');

/** Modules outside this folder that make what the cache holds: the abstract's plain text and summary. */
const PLAIN_TEXT_CODE = ['src/core/summarize.ts', 'src/core/math-plain-text.ts'];

export function abstractCacheDir(root: string): string {
  const hash = createHash('sha256');
  const code = join(root, 'src', 'site', 'markdown');
  const files = readdirSync(code, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(code, file))).update('\0');
  for (const file of PLAIN_TEXT_CODE) if (existsSync(join(root, file))) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return join(root, ABSTRACT_CACHE_ROOT, hash.digest('hex').slice(0, 16));
}
