/**
 * The Pagefind index of the built site, through Pagefind's Node API. Each paper is indexed from
 * a small HTML record made of its search document (src/publish/search-document.ts) rather than
 * from its page, so Pagefind reads exactly the text the offline index reads: the title as the
 * `<h1>` (Pagefind weighs it 7 times a body word), the abstract with readable math, the topic
 * and tags, all prepared by `searchableText` (NFKC, dashes, CJK words).
 *
 * One index language (`forceLanguage`), so a query finds papers in every language at once:
 * Pagefind otherwise splits the index by page language and searches only the page's own.
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { INCLUDE_CHARACTERS, searchableText } from '../core/search-terms.ts';
import { labelText, type SearchDoc } from './search-document.ts';

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML Pagefind indexes for one paper: searchable text, the shown title as meta, topic and tags as filters. */
export function pagefindRecord(doc: SearchDoc): string {
  const filters = [
    ...(doc.topic ? [`<span data-pagefind-filter="topic">${escapeHtml(doc.topic)}</span>`] : []),
    ...doc.tags.map((t) => `<span data-pagefind-filter="tag">${escapeHtml(t)}</span>`),
  ].join('');
  return (
    `<html lang="en"><head><title>${escapeHtml(doc.title)}</title></head><body><main data-pagefind-body>` +
    `<h1>${escapeHtml(searchableText(doc.title))}</h1><p>${escapeHtml(searchableText(doc.body))}</p><p>${escapeHtml(searchableText(labelText(doc)))}</p>` +
    `<div data-pagefind-ignore><span data-pagefind-meta="title">${escapeHtml(doc.title.normalize('NFKC'))}</span>${filters}</div>` +
    `</main></body></html>`
  );
}

export async function buildPagefindIndex(siteDir: string, docs: readonly SearchDoc[]): Promise<{ pages: number }> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: INCLUDE_CHARACTERS }), 'start');
    if (!index) throw new Error('Pagefind returned no index.');
    // Records go over Pagefind's pipe in batches: one at a time waits on each reply, all at once floods it.
    for (let start = 0; start < docs.length; start += 256) {
      const batch = docs.slice(start, start + 256);
      const responses = await Promise.all(batch.map((doc) => index.addHTMLFile({ url: `/${doc.url}`, content: pagefindRecord(doc) })));
      responses.forEach((response, i) => check(response, `index ${batch[i]!.url}`));
    }
    const outputPath = `${siteDir}/pagefind`;
    check(await index.writeFiles({ outputPath }), 'write its files');
    // The entry file counts the indexed pages. Not `getFiles()`: it sends the whole index back over
    // Pagefind's pipe as base64, which cost 11 s of a 20 s stage at 10k papers.
    const entry = JSON.parse(await readFile(`${outputPath}/pagefind-entry.json`, 'utf8')) as { languages?: Record<string, { page_count: number }> };
    const languages = entry.languages ?? {};
    return { pages: Object.values(languages).reduce((n, l) => n + l.page_count, 0) };
  } catch (error) {
    throw new Error(`Search index: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
