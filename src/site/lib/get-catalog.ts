/** The catalog of the site's paper collection, built once per build and shared by every page. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readPaperEntries } from '../content/paper-entries-file.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { fileWritten } from './file-written.ts';

let cached: Promise<Catalog> | undefined;
let entries: Promise<CollectionEntry<'papers'>[]> | undefined;

/**
 * The paper entries: from the file `npm run build` names (src/site/content/paper-entries-file.ts), once its
 * ingest has written it (a first build tells Astro to build before the ingest ends), else from Astro's content
 * store (`astro dev`, a bare `astro build`). Read once per process.
 */
export function getPaperEntries(file: string | undefined = import.meta.env.PAPERSHELF_PAPER_ENTRIES): Promise<CollectionEntry<'papers'>[]> {
  entries ??= file
    ? fileWritten(file).then(() => readPaperEntries(file).map((e) => ({ ...e, collection: 'papers' }) as CollectionEntry<'papers'>))
    : getCollection('papers');
  return entries;
}

export function getCatalog(): Promise<Catalog> {
  cached ??= getPaperEntries().then(buildCatalog);
  return cached;
}
