/**
 * The Pagefind index of the built site, through Pagefind's Node API. Only paper pages carry
 * `data-pagefind-body`, so navigation and list pages stay out of the index.
 */
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
    const { files } = check(await index.getFiles(), 'list its files');
    check(await index.writeFiles({ outputPath: `${siteDir}/pagefind` }), 'write its files');
    // Pages without data-pagefind-body are read but not indexed; the entry file counts the indexed ones.
    const entry = files.find((f) => f.path === 'pagefind-entry.json');
    const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> }).languages : {};
    return { pages: Object.values(languages).reduce((n, l) => n + l.page_count, 0) };
  } catch (error) {
    throw new Error(`Search index: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
