/**
 * The URL shapes of the built site, relative to its root. Every page is a file (`papers/x.html`,
 * `tags/index.html`), never a bare folder: opened from disk, a link to a folder shows a file listing.
 */
import type { Slug } from './slug.ts';

/** Top-level names the site itself uses; no paper, tag or topic slug may equal one of them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', '404', 'papers', 'tags', 'topics', 'search', 'about', 'pagefind', 'offline-search',
  'og', 'assets', '_astro', 'rss', 'feed', 'atom', 'sitemap', 'papers-json', 'page', 'all',
]);

/** Folders of the site's pages below its root (routes below): an address inside one names the root before it. */
export const PAGE_FOLDERS: readonly string[] = ['papers', 'tags', 'topics', 'search', 'about'];

/**
 * The path of the site's root, guessed from the path of a page served there (`location.pathname`): what
 * comes before the first of `folders` (PAGE_FOLDERS) among its segments, or else the page's own folder.
 * `/shelf/papers/gone.html` → `/shelf/`; `/papers/page/a/2.html` → `/`; `/shelf/gone.html` → `/shelf/`.
 * For the 404 page a host serves at any missing address when the build has no SITE_URL to say where
 * the root is. Self-contained (no outside name), so that it can be written into an inline script.
 */
export function siteRootPath(pathname: string, folders: readonly string[]): string {
  const parts = pathname.split('/');
  for (let i = 1; i < parts.length - 1; i++) if (folders.indexOf(parts[i]!) >= 0) return parts.slice(0, i).join('/') + '/';
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

export const routes = {
  home: () => 'index.html',
  paper: (slug: Slug) => `papers/${slug}.html`,
  /** The list of all papers: its index, which is also the first page of its first section (title-sections.ts). */
  allPapers: () => 'papers/index.html',
  /** Page `page` of the all-papers section `section` (a first letter: `a`, `0-9` …). */
  papersByTitle: (section: string, page = 1) => (page === 1 ? `papers/page/${section}.html` : `papers/page/${section}/${page}.html`),
  tags: () => 'tags/index.html',
  tag: (slug: Slug, page = 1) => (page === 1 ? `tags/${slug}.html` : `tags/${slug}/${page}.html`),
  topics: () => 'topics/index.html',
  topic: (slug: Slug, page = 1) => (page === 1 ? `topics/${slug}.html` : `topics/${slug}/${page}.html`),
  search: () => 'search/index.html',
  about: () => 'about/index.html',
  notFound: () => '404.html',
  papersJson: () => 'papers.json',
  /** The whole list as BibTeX, for reference managers. */
  papersBib: () => 'papers.bib',
  feed: () => 'rss.xml',
  sitemap: () => 'sitemap.xml',
} as const;

/** Link-preview cards (1200×630 PNG), one per shareable page; made only when SITE_URL is set. */
export const cardRoutes = {
  home: () => 'og/home.png',
  paper: (slug: Slug) => `og/papers/${slug}.png`,
  tag: (slug: Slug) => `og/tags/${slug}.png`,
  topic: (slug: Slug) => `og/topics/${slug}.png`,
} as const;

export const CARD_SIZE = { width: 1200, height: 630 } as const;
