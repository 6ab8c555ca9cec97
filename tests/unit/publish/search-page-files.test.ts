/**
 * Issue 15: the search page holds the Pagefind shard list and chunk table, written in by the build,
 * so it preloads the index as it opens.
 */
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { SEARCH_FILES_ELEMENT, type SearchPageFiles } from '../../../src/core/pagefind-format.ts';
import { withSearchFiles } from '../../../src/publish/search-page-files.ts';

const files: SearchPageFiles = {
  shards: { version: 1, shards: ['s'], wordFiles: ['gr'], entries: { s: { languages: { 'en-x-s': { hash: 'en-x-s_1', wasm: 'en-x-s', page_count: 2 } } } } },
  // A word that would end a script element if written as it is.
  chunks: { s: [['</script><b>', 'graph', 'en-x-s_2']] },
};
const page = `<head><script type="application/json" id="${SEARCH_FILES_ELEMENT}">null</script><script>x</script></head><body></body>`;

describe('the search files in the search page', () => {
  test('the element holds the files, and nothing in them ends it', () => {
    const html = withSearchFiles(page, files);
    const $ = load(html);
    expect(JSON.parse($(`#${SEARCH_FILES_ELEMENT}`).text())).toEqual(files);
    expect($('script')).toHaveLength(2);
  });

  test('filling a page again replaces what the last build wrote', () => {
    const again = withSearchFiles(withSearchFiles(page, { ...files, chunks: {} }), files);
    expect(again).toBe(withSearchFiles(page, files));
  });

  test('a page without the element is an error, not a page left to fetch', () => {
    expect(() => withSearchFiles('<head></head>', files)).toThrow(SEARCH_FILES_ELEMENT);
  });
});
