/**
 * `rss.xml`: the reading list as an RSS 2.0 feed, newest additions first (the sources' last
 * lines), capped so the feed stays small on a large list. Sources carry no dates, so items have
 * none: RSS 2.0 allows that, and the build stays byte-stable.
 */
import { routes } from '../core/routes.ts';
import type { Paper } from '../core/paper.ts';
import { titlePlainText } from '../core/title-math.ts';
import type { SiteIdentity } from '../core/site.ts';
import { xmlEscape } from './xml.ts';

export const FEED_LIMIT = 200;

/** The feed of `papers` (`FEED_LIMIT` newest), titled with the site's name and tagline; links absolute with SITE_URL. */
export function feedXml(papers: readonly Paper[], site: URL | undefined, identity: SiteIdentity, summaryOf: (paper: Paper) => string): string {
  const url = (path: string) => (site ? new URL(path, site).href : path);
  const newest = [...papers]
    .sort((a, b) => compareSource(b, a))
    .slice(0, FEED_LIMIT);
  const items = newest.map((paper) => {
    const summary = summaryOf(paper);
    return [
      '    <item>',
      `      <title>${xmlEscape(titlePlainText(paper.title))}</title>`,
      `      <link>${xmlEscape(url(routes.paper(paper.slug)))}</link>`,
      `      <guid isPermaLink="false">papershelf:${paper.id}</guid>`,
      // A paper without abstract has no summary: RSS 2.0 makes an item's description optional.
      ...(summary ? [`      <description>${xmlEscape(summary)}</description>`] : []),
      ...[paper.topic, ...paper.tags].filter(Boolean).map((c) => `      <category>${xmlEscape(c)}</category>`),
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlEscape(identity.name)}</title>`,
    `    <link>${xmlEscape(url(site ? '' : routes.home()))}</link>`,
    `    <description>${xmlEscape(identity.tagline)}</description>`,
    ...(site ? [`    <atom:link href="${xmlEscape(url(routes.feed()))}" rel="self" type="application/rss+xml" />`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function compareSource(a: Paper, b: Paper): number {
  const x = a.sources[0]!;
  const y = b.sources[0]!;
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line;
}
