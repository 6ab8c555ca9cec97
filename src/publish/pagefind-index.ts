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
    const { page_count: pages } = check(await index.addDirectory({ path: siteDir }), `index ${siteDir}`);
    check(await index.writeFiles({ outputPath: `${siteDir}/pagefind` }), 'write its files');
    return { pages };
  } catch (error) {
    throw new Error(`Search index: ${(error as Error).message}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
