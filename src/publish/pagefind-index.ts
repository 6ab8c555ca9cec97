/**
 * The Pagefind index of the built site, through Pagefind's Node API. Only paper pages carry
 * `data-pagefind-body`, so navigation and list pages stay out of the index.
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

export async function buildPagefindIndex(siteDir: string): Promise<{ pages: number }> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: 'en' }), 'start');
    if (!index) throw new Error('Pagefind returned no index.');
    // Only paper pages are searchable: reading the thousands of list pages would cost time for nothing.
    check(await index.addDirectory({ path: siteDir, glob: 'papers/*.html' }), `index ${siteDir}`);
    const outputPath = `${siteDir}/pagefind`;
    check(await index.writeFiles({ outputPath }), 'write its files');
    // Pages without data-pagefind-body are read but not indexed (addDirectory's page_count counts them):
    // the entry file counts the indexed ones. Not `getFiles()`: it sends the whole index back over
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
