/**
 * The site's name and tagline for pages, from the intro page in Astro's content store (core/site.ts `siteIdentity`).
 * Looked up once per build and shared by every page, as the catalog is (get-catalog.ts): every page's layout asks,
 * and Astro's `getEntry` copies the entry and defines accessors on it each time (0.03 ms a page in a 10k-paper
 * profile, 332 of ~16,000 ms for 9,987 paper pages).
 */
import { getEntry } from 'astro:content';
import { INTRO_PAGE, siteIdentity, type SiteIdentity } from '../../core/site.ts';

let cached: Promise<SiteIdentity> | undefined;

export function getSiteIdentity(): Promise<SiteIdentity> {
  cached ??= (async () => siteIdentity((await getEntry('pages', INTRO_PAGE))?.data))();
  return cached;
}
