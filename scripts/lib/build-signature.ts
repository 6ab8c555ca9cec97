/**
 * A signature of everything a build reads: sources, entries, pages, taxonomy, code, config,
 * lock file and SITE_URL. When it matches the one stored with `dist/`, the build has nothing to
 * do and stops at once: a no-op rebuild costs a directory walk, not a build.
 *
 * File sizes and modification times stand for contents (as make does): cheap at 50k files, and a
 * checkout or edit that touches a file changes its time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEntriesScratch } from './entries-dir.ts';

const CODE = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SIGNATURE_FILE = '.papershelf-build.json';

function walk(root: string, path: string, hash: ReturnType<typeof createHash>): void {
  const full = join(root, path);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (!stat.isDirectory()) {
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    return;
  }
  // The generated browser bundle is an output, not an input; the ingest's staging and backup folders beside
  // content/papers are its scratch (the backup is removed while the build goes on: scripts/lib/entries-dir.ts).
  for (const name of readdirSync(full).sort()) {
    if ((path === 'public/assets' && name === 'site.js') || (path === 'content' && isEntriesScratch(name))) continue;
    walk(root, `${path}/${name}`, hash);
  }
}

/** A signature of the code, config and lock file: what every page is made by, whatever the content. */
export function codeSignature(root: string): string {
  const hash = createHash('sha256');
  for (const input of CODE) walk(root, input, hash);
  return hash.digest('hex');
}

/** The whole build's inputs: SITE_URL, the code (its `codeSignature`, walked once per build) and `content/`. */
export function buildSignature(root: string, env: Record<string, string | undefined>, code: string): string {
  const hash = createHash('sha256');
  hash.update(`SITE_URL=${env.SITE_URL ?? ''}\n${code}\n`);
  walk(root, 'content', hash);
  return hash.digest('hex');
}

export function storedSignature(outDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(outDir, SIGNATURE_FILE), 'utf8')) as { signature?: string }).signature;
  } catch {
    return undefined; // no build yet, or an older one
  }
}

export function storeSignature(outDir: string, signature: string): void {
  writeFileSync(join(outDir, SIGNATURE_FILE), `${JSON.stringify({ signature })}\n`);
}
