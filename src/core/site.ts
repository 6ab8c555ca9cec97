/**
 * The site's name and public address: what the pages (src/site) and the feed and sitemap
 * (src/publish) both need.
 */

export const SITE_NAME = 'Papershelf';
export const SITE_TAGLINE = 'A reading list of research papers';

/**
 * `SITE_URL`: the public address of the site, sub-path included (`https://example.org/reading/`).
 * Optional: without it the site works everywhere through relative links, and only the features
 * that need absolute URLs (canonical links, link-preview images, sitemap, feed links) are left out.
 */
export function siteUrl(raw: string | undefined): URL | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`SITE_URL="${raw}" is not a URL.\nSet it to the site's public address, e.g. SITE_URL=https://example.org/reading/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL="${raw}" must start with https:// (or http://).\nSet it to the site's public address, e.g. SITE_URL=https://example.org/reading/`);
  }
  if (url.search || url.hash) {
    throw new Error(`SITE_URL="${raw}" must not have a query or fragment.\nTry SITE_URL=${url.origin}${url.pathname}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The absolute URL of a site-relative path, or undefined without SITE_URL. */
export function absoluteUrl(base: URL | undefined, path: string): string | undefined {
  return base ? new URL(path, base).href : undefined;
}

/** The path to share for a page: a folder's `index.html` is shared as the folder itself. */
export function canonicalPath(path: string): string {
  return path.replace(/(^|\/)index\.html$/, '$1');
}
