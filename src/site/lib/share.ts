/**
 * What a page tells link previews and search engines: its Open Graph type, its card image and
 * its schema.org data. Absolute URLs come only from SITE_URL; without it they are left out.
 */
import { absoluteUrl, canonicalPath } from '../../core/site.ts';

export interface Crumb {
  label: string;
  path?: string | undefined;
}

export interface ArticleInfo {
  title: string;
  abstract: string;
  topic?: string | undefined;
  tags: readonly string[];
  authors?: readonly string[] | undefined;
  year?: number | undefined;
  venue?: string | undefined;
  /** Absolute URLs of the paper itself (arXiv, DOI, PubMed, publisher): schema.org `sameAs`. */
  sameAs?: readonly string[] | undefined;
}

export interface ShareInfo {
  type: 'article' | 'website';
  /** Absolute URL of the card image. */
  image?: string | undefined;
  imageAlt: string;
  jsonLd: object[];
}

export function shareInfo(options: {
  site: URL | undefined;
  here: string;
  title: string;
  /** Site-relative path of the page's card, if it has one. */
  card?: string | undefined;
  breadcrumbs?: readonly Crumb[] | undefined;
  article?: ArticleInfo | undefined;
}): ShareInfo {
  const { site, here, title, card, breadcrumbs, article } = options;
  const url = absoluteUrl(site, canonicalPath(here));
  const jsonLd: object[] = [];
  if (article) {
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
      name: article.title,
      abstract: article.abstract,
      ...(article.topic ? { about: article.topic } : {}),
      ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
      ...(article.authors?.length ? { author: article.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
      ...(article.year ? { datePublished: String(article.year) } : {}),
      ...(article.venue ? { isPartOf: { '@type': 'Periodical', name: article.venue } } : {}),
      ...(article.sameAs?.length ? { sameAs: article.sameAs } : {}),
      ...(url ? { url, mainEntityOfPage: url } : {}),
      ...(site && card ? { image: absoluteUrl(site, card) } : {}),
    });
  }
  // Breadcrumb items must be absolute URLs, so the list exists only with SITE_URL.
  if (site && breadcrumbs && breadcrumbs.length > 1) {
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: breadcrumbs.map((crumb, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: crumb.label,
        item: absoluteUrl(site, canonicalPath(crumb.path ?? here)),
      })),
    });
  }
  return {
    type: article ? 'article' : 'website',
    image: site && card ? absoluteUrl(site, card) : undefined,
    imageAlt: `${title}: link preview card`,
    jsonLd,
  };
}
