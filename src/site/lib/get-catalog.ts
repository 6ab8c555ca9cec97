/** The catalog of the site's paper collection, built once per build and shared by every page. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './catalog.ts';

let cached: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  cached ??= getCollection('papers').then(buildCatalog);
  return cached;
}
