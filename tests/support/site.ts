/** Reading the test build: its folder, its pages, parsed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';
import type { PapersJson } from '../../src/publish/papers-json.ts';

export const siteDir = () => inject('siteDir');

export function readPage(path: string): CheerioAPI {
  return load(readFileSync(join(siteDir(), path), 'utf8'));
}

/** Every HTML file of the build, as site-relative paths. */
export function htmlFiles(dir = siteDir()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function papersJson(): PapersJson {
  return JSON.parse(readFileSync(join(siteDir(), 'papers.json'), 'utf8'));
}
