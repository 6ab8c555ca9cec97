/**
 * Writes the Pagefind shard list and chunk table into the built search page (`SEARCH_FILES_ELEMENT`,
 * src/core/pagefind-format.ts). Astro renders the page while Pagefind indexes, so the page cannot
 * hold them when rendered; fetched by the page instead, they cost the first search a round trip
 * before any index file could be requested, and another wait for the page's thread, busy then with
 * the stylesheet, layout and site.js (the shard list arrived at 113 ms, the preloads went out at
 * 191 ms, 1k papers, Chromium, load 5).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGEFIND_CHUNKS_FILE, PAGEFIND_SHARDS_FILE, SEARCH_FILES_ELEMENT, type SearchPageFiles } from '../core/pagefind-format.ts';
import { routes } from '../core/routes.ts';

const ELEMENT = new RegExp(`(<script\\b[^>]*\\bid="${SEARCH_FILES_ELEMENT}"[^>]*>)[^<]*(</script>)`);

/** `html` with `files` as the content of its `SEARCH_FILES_ELEMENT`; throws when it has none. */
export function withSearchFiles(html: string, files: SearchPageFiles): string {
  if (!ELEMENT.test(html)) throw new Error(`no <script id="${SEARCH_FILES_ELEMENT}"> element to hold the search files`);
  // `<` escaped, so no text in the files can end the script element.
  const json = JSON.stringify(files).replace(/</g, '\\u003c');
  return html.replace(ELEMENT, (_, open: string, close: string) => `${open}${json}${close}`);
}

/** Fills the search page of the site in `siteDir` with the shard list and chunk table Pagefind's stage wrote there. */
export function fillSearchPage(siteDir: string): void {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(siteDir, path), 'utf8'));
  const files = { shards: read(PAGEFIND_SHARDS_FILE), chunks: read(PAGEFIND_CHUNKS_FILE) } as SearchPageFiles;
  const page = join(siteDir, routes.search());
  try {
    writeFileSync(page, withSearchFiles(readFileSync(page, 'utf8'), files));
  } catch (error) {
    throw new Error(`${page}: ${(error as Error).message}`, { cause: error });
  }
}
