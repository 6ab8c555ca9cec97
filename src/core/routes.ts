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

export const routes = {
  home: () => 'index.html',
  paper: (slug: Slug) => `papers/${slug}.html`,
  allPapers: (page = 1) => (page === 1 ? 'papers/index.html' : `papers/page/${page}.html`),
  tags: () => 'tags/index.html',
  tag: (slug: Slug, page = 1) => (page === 1 ? `tags/${slug}.html` : `tags/${slug}/${page}.html`),
  topics: () => 'topics/index.html',
  topic: (slug: Slug, page = 1) => (page === 1 ? `topics/${slug}.html` : `topics/${slug}/${page}.html`),
  search: () => 'search/index.html',
  about: () => 'about/index.html',
  notFound: () => '404.html',
} as const;
