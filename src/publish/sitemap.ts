/**
 * `sitemap.xml`: every page a search engine should know, with absolute URLs under SITE_URL.
 * Without SITE_URL the locations are site-relative, which crawlers ignore but people can read.
 */
import { canonicalPath } from '../core/site.ts';
import { xmlEscape } from './xml.ts';

export function sitemapXml(pages: readonly string[], site: URL | undefined): string {
  const urls = [...pages]
    .sort()
    .map((page) => `  <url><loc>${xmlEscape(site ? new URL(canonicalPath(page), site).href : canonicalPath(page) || './')}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
