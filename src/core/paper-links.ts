/**
 * Links to a paper itself, from its identifiers, and searches for a paper that has none. Shared by
 * the ingest (which reads ids out of URLs), `papers.json`, the JSON-LD and the paper page.
 *
 * URL shapes are the registries' documented permalinks: arXiv `https://arxiv.org/abs/<id>` and
 * `/pdf/<id>`, DOI `https://doi.org/<doi>` (DOI Handbook §3.8), PubMed
 * `https://pubmed.ncbi.nlm.nih.gov/<pmid>/`. The searches are the services' plain GET search URLs.
 */
import type { PaperIds, PaperLink, PaperMetadata } from './paper.ts';

/** New-style (`2403.01234`, `0704.0001`) and old-style (`hep-th/9901001`) arXiv ids, without version. */
const ARXIV_ID = /(?:^|[^\w./-])(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?![\d.])/i;
const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i;
const DOI = /\b(10\.\d{4,9}\/\S+[^\s.,;])/;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\..+)$/i;
const PUBMED_URL = /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?$/i;
/** arXiv's DOIs (since 2022) carry the arXiv id: `10.48550/arXiv.2403.01234`. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** The arXiv id in `text` (`arXiv:2403.01234v2`, an abs or pdf URL, a bare id), without its version. */
export function arxivIdFrom(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const fromUrl = ARXIV_URL.exec(trimmed)?.[1] ?? ARXIV_DOI.exec(trimmed)?.[1];
  const m = ARXIV_ID.exec(fromUrl ?? trimmed.replace(/^arxiv:\s*/i, ' '));
  return m?.[1];
}

/** A DOI without resolver prefix (`https://doi.org/10.1/x` → `10.1/x`), or undefined. */
export function doiFrom(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const fromUrl = DOI_URL.exec(trimmed)?.[1];
  const m = DOI.exec(fromUrl ? decodeURIComponent(fromUrl) : trimmed);
  return m?.[1];
}

/** A PubMed id from a PubMed URL, or undefined. */
export function pmidFromUrl(url: string): string | undefined {
  return PUBMED_URL.exec(url.trim())?.[1];
}

/** The ids a URL names (an arXiv, DOI or PubMed permalink), or undefined for any other URL. */
export function idsFromUrl(url: string): PaperIds | undefined {
  if (ARXIV_URL.test(url)) return { arxiv: arxivIdFrom(url)! };
  const doi = DOI_URL.test(url) ? doiFrom(url) : undefined;
  if (doi) return ARXIV_DOI.test(doi) ? { arxiv: arxivIdFrom(doi)!, doi } : { doi };
  const pmid = pmidFromUrl(url);
  return pmid ? { pmid } : undefined;
}

/** Links derived from ids: arXiv abstract and PDF, DOI, PubMed, in that order. */
export function linksFromIds(ids: PaperIds | undefined): PaperLink[] {
  const links: PaperLink[] = [];
  if (ids?.arxiv) {
    links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${ids.arxiv}` });
    links.push({ label: 'PDF', url: `https://arxiv.org/pdf/${ids.arxiv}` });
  }
  if (ids?.doi) links.push({ label: 'DOI', url: `https://doi.org/${encodeURI(ids.doi).replace(/[?#]/g, encodeURIComponent)}` });
  if (ids?.pmid) links.push({ label: 'PubMed', url: `https://pubmed.ncbi.nlm.nih.gov/${ids.pmid}/` });
  return links;
}

/** Every link to the paper: those from its ids first, then its own links not already among them. */
export function paperLinks(meta: Pick<PaperMetadata, 'ids' | 'links'>): PaperLink[] {
  const out = linksFromIds(meta.ids);
  const seen = new Set(out.map((l) => comparableUrl(l.url)));
  for (const link of meta.links ?? []) {
    const key = comparableUrl(link.url);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
}

/** How many words of its abstract stand for a paper whose title was derived (no index knows that title). */
const PHRASE_WORDS = 12;

/**
 * Searches for a paper the sources give no link to: Google Scholar and Semantic Scholar (every field),
 * arXiv and PubMed (the two open indexes of preprints and of biomedicine). The query is the plain
 * title; a derived title is Papershelf's own and finds nothing, so such a paper is searched by the first
 * `PHRASE_WORDS` words of its abstract as a quoted phrase (arXiv then searches abstracts, not titles).
 */
export function findPaperLinks(paper: { plainTitle: string; derivedTitle?: boolean; plainAbstract?: string }): PaperLink[] {
  const phrase = paper.derivedTitle ? abstractPhrase(paper.plainAbstract ?? '') : '';
  const q = encodeURIComponent(phrase ? `"${phrase}"` : paper.plainTitle);
  return [
    { label: 'Google Scholar', url: `https://scholar.google.com/scholar?q=${q}` },
    { label: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${q}` },
    { label: 'arXiv', url: `https://arxiv.org/search/?query=${q}&searchtype=${phrase ? 'abstract' : 'title'}` },
    { label: 'PubMed', url: `https://pubmed.ncbi.nlm.nih.gov/?term=${q}` },
  ];
}

/** The first words of an abstract, without trailing punctuation (search engines ignore punctuation inside a phrase). */
function abstractPhrase(abstract: string): string {
  return abstract.split(/\s+/).filter(Boolean).slice(0, PHRASE_WORDS).join(' ').replace(/[.,;:!?]+$/, '');
}

/** What a link to a host is called: the host name without `www.`. */
export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || 'Link';
  } catch {
    return 'Link';
  }
}

function comparableUrl(url: string): string {
  return url.replace(/^http:/, 'https:').replace(/\/+$/, '').toLowerCase();
}
