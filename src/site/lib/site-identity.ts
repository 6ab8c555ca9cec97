/** The site's name and tagline for pages, from the intro page in Astro's content store (core/site.ts `siteIdentity`). */
import { getEntry } from 'astro:content';
import { INTRO_PAGE, siteIdentity, type SiteIdentity } from '../../core/site.ts';

export async function getSiteIdentity(): Promise<SiteIdentity> {
  return siteIdentity((await getEntry('pages', INTRO_PAGE))?.data);
}
