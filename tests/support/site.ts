/** Reading the test build: its folder, its pages, parsed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFilesIn } from '../../scripts/lib/html-files.ts';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';
import type { PapersJson } from '../../src/publish/papers-json.ts';

export const siteDir = () => inject('siteDir');

/** The path part of the test build's SITE_URL (`/reading-list/`), where a host would serve it. */
export const siteUrlPath = () => new URL(inject('siteUrl')).pathname;

export function readPage(path: string): CheerioAPI {
  return load(readFileSync(join(siteDir(), path), 'utf8'));
}

/** Every HTML file of the build, as site-relative paths. */
export const htmlFiles = (): string[] => htmlFilesIn(siteDir());

export function papersJson(): PapersJson {
  return JSON.parse(readFileSync(join(siteDir(), 'papers.json'), 'utf8'));
}
