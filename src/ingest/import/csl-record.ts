/**
 * A CSL-JSON item (what citation-js makes of a BibTeX, RIS or CSL-JSON record) → the ingest's
 * record: title and abstract as raw text for the same cleaning as the dumps', and the metadata.
 */
import type { SourcePath } from '../../core/issue.ts';
import type { CslDate, CslItem, CslName } from '../../core/citation-js.ts';
import type { PaperIds, PaperLink, PaperMetadata } from '../../core/paper.ts';
import { arxivIdFrom, doiFrom, hostLabel, idsFromUrl } from '../../core/paper-links.ts';
import type { RawRecord } from '../split-records.ts';

export type ExportFormat = 'bibtex' | 'ris' | 'csl-json';

/** A record of a reference-manager export: a RawRecord (its abstract may be empty) with the export's own keywords. */
export interface ImportedRecord extends RawRecord {
  /** The export's keywords, as written (`Computer Science - Machine Learning`, `transformers`). */
  keywords?: string[];
}

/** Raw text that overrides the CSL item's: BibTeX title and abstract with their LaTeX still in, an arXiv id from `eprint`. */
export interface RawFields {
  title?: string | undefined;
  abstract?: string | undefined;
  arxiv?: string | undefined;
}

/** arXiv's own DOIs carry the arXiv id (`10.48550/arXiv.2403.01234`). */
const ARXIV_DOI = /^10\.48550\/arxiv\./i;

/** citation-js marks rich text in CSL strings with this subset of HTML; a real `<` in a title stays. */
const CSL_MARKUP = /<\/?(?:i|b|sup|sub|sc|span(?:\s[^<>]*)?)>/g;

export function stripCslMarkup(text: string): string {
  return text.replace(CSL_MARKUP, '').replace(/\s+/g, ' ').trim();
}

/**
 * Maps one CSL item placed at `line` (of the entry) and `titleLine` in `file`; returns an error
 * message instead when the item has no title, the one field a page cannot do without.
 */
export function cslToRecord(item: CslItem, file: SourcePath, line: number, titleLine: number, raw: RawFields = {}): ImportedRecord | { error: string } {
  const title = raw.title ?? (typeof item.title === 'string' ? stripCslMarkup(item.title) : '');
  if (!title.trim()) return { error: 'record has no title' };
  if (item.author !== undefined && !Array.isArray(item.author)) return { error: '`author` is not a list of names' };
  const abstract = raw.abstract ?? (typeof item.abstract === 'string' ? stripCslMarkup(item.abstract) : '');
  const keywords = keywordList(item.keyword);
  return {
    file,
    line,
    title: { text: title, line: titleLine },
    abstract: abstract.replace(/\s+/g, ' ').trim(),
    meta: cslMetadata(item, raw.arxiv),
    ...(keywords.length ? { keywords } : {}),
  };
}

/** The metadata of a CSL item: display names, year, venue, ids (also read out of its URL and DOI), other links. */
export function cslMetadata(item: CslItem, arxiv?: string): PaperMetadata {
  const authors = (Array.isArray(item.author) ? item.author : []).map(displayName).filter((n) => n !== '');
  // citation-js files a RIS conference paper's year and proceedings under the event.
  const year = yearOf(item.issued) ?? yearOf(item['event-date'] as CslDate | undefined);
  const containerField = item['container-title'] ?? item['event-title'];
  const container = Array.isArray(containerField) ? containerField[0] : containerField;
  const venue = typeof container === 'string' ? stripCslMarkup(container) : '';
  const url = typeof item.URL === 'string' ? item.URL.trim() : '';
  const fromUrl = url ? idsFromUrl(url) : undefined;
  const doi = doiFrom(typeof item.DOI === 'string' ? item.DOI : undefined) ?? fromUrl?.doi;
  const arxivId = arxiv ?? fromUrl?.arxiv ?? (doi && ARXIV_DOI.test(doi) ? arxivIdFrom(doi) : undefined) ?? arxivFromNumber(item.number);
  const ids: PaperIds = {
    ...(arxivId ? { arxiv: arxivId } : {}),
    ...(doi ? { doi } : {}),
    ...(typeof item.PMID === 'string' && /^\d+$/.test(item.PMID.trim()) ? { pmid: item.PMID.trim() } : fromUrl?.pmid ? { pmid: fromUrl.pmid } : {}),
  };
  const links: PaperLink[] = url && !fromUrl && /^https?:\/\//i.test(url) && URL.canParse(url) ? [{ label: hostLabel(url), url }] : [];
  return {
    ...(authors.length ? { authors } : {}),
    ...(year ? { year } : {}),
    ...(venue ? { venue } : {}),
    ...(Object.keys(ids).length ? { ids } : {}),
    ...(links.length ? { links } : {}),
  };
}

/** `Ada Lovelace`, `Anna van der Berg`, `Martin Luther King Jr.`, or an organisation's `literal` name. */
export function displayName(name: CslName): string {
  if (typeof name !== 'object' || name === null) return '';
  const parts = name.literal
    ? [name.literal]
    : [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter((p) => typeof p === 'string' && p.trim());
  const full = parts.join(' ') + (name.suffix && !name.literal ? ` ${name.suffix}` : '');
  return stripCslMarkup(full);
}

function yearOf(date: CslDate | undefined): number | undefined {
  const first = date?.['date-parts']?.[0]?.[0];
  const year = typeof first === 'number' ? first : Number.parseInt(String(first ?? /\b\d{4}\b/.exec(date?.raw ?? date?.literal ?? '')?.[0] ?? ''), 10);
  return Number.isInteger(year) && year >= 1000 && year <= 9999 ? year : undefined;
}

function arxivFromNumber(number: unknown): string | undefined {
  return typeof number === 'string' && /arxiv/i.test(number) ? arxivIdFrom(number) : undefined;
}

/** CSL keeps keywords as one string; exports separate them with commas or semicolons. */
function keywordList(keyword: unknown): string[] {
  const text = Array.isArray(keyword) ? keyword.join(',') : typeof keyword === 'string' ? keyword : '';
  return [...new Set(text.split(/[,;]/).map((k) => stripCslMarkup(k)).filter(Boolean))];
}
