/**
 * The site's name and public address: what the pages (src/site) and the feed, sitemap and cards
 * (src/publish) all need.
 */

/** Name and tagline of a site whose intro page gives none. */
export const SITE_NAME = 'Papershelf';
export const SITE_TAGLINE = 'A reading list of research papers';

/** The owner's intro page (`content/pages/intro.mdx` or `.md`): its title names the site. */
export const INTRO_PAGE = 'intro';

/** What a reader sees the site called: header, tab titles, feed, link previews and cards. */
export interface SiteIdentity {
  readonly name: string;
  readonly tagline: string;
}

/**
 * The site's identity from its intro page's front matter: `title` is the site's name and `description`
 * its tagline, so a reading list on oncology is not called "Papershelf". Blank or missing fields fall
 * back to `SITE_NAME` and `SITE_TAGLINE`.
 */
export function siteIdentity(intro: { title?: string | undefined; description?: string | undefined } | undefined): SiteIdentity {
  return { name: intro?.title?.trim() || SITE_NAME, tagline: intro?.description?.trim() || SITE_TAGLINE };
}

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
  // The home page's address, as a browser shows a site opened at its index.html, names the site's folder
  // (as canonicalPath shares it); left as it was, every absolute link would go under `index.html/`.
  url.pathname = canonicalPath(url.pathname);
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
