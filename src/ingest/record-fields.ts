/**
 * Labelled lines of bibliographic pages (arXiv listings and search results, PubMed, publisher
 * pages): `arXiv:2403.01234 [pdf, other]`, `Title: …`, `Authors: …`, `Abstract: …`, `Comments: …`,
 * `Subjects: …`, `Submitted …`, `DOI: …`, `PMID: …`, and the structured-abstract sections of
 * clinical journals (`BACKGROUND: …`, `METHODS: …`). Recognised by the field labels these sites
 * print (arXiv's abstract page and search results, PubMed's abstract view) and by shape, never by
 * position in a file.
 */
import type { PaperMetadata } from '../core/paper.ts';

/** What one line of a dump says about the record around it. */
export type FieldLine =
  /** A record's first line: the arXiv identifier with its links, or PubMed's citation line. */
  | { kind: 'anchor'; facts: RecordFacts }
  /** Metadata beside the abstract (authors, comments, dates, categories, ids): never abstract text. */
  | { kind: 'meta'; facts: RecordFacts }
  /** The title, from a `Title:` label. */
  | { kind: 'title'; text: string }
  /** The abstract, from an `Abstract:` label, with the page's expand and collapse links removed. */
  | { kind: 'abstract'; text: string; truncated: boolean }
  /** One labelled section of a structured abstract. */
  | { kind: 'section'; label: string; text: string };

/** Facts a line states about its record; merged into `PaperMetadata` by `toMetadata`. */
export interface RecordFacts {
  authors?: string[];
  arxiv?: string;
  doi?: string;
  pmid?: string;
  year?: number;
  venue?: string;
  categories?: string[];
  /**
   * The subjects' names a `Subjects:` value gives beside their codes ("Atmospheric and Oceanic Physics" of
   * `Atmospheric and Oceanic Physics (physics.ao-ph)`): a listing page copied whole opens with one of them as its
   * heading (split-records.ts `isListingHeading`).
   */
  subjectNames?: string[];
}

/** New-style (`2403.01234`, with optional version) and old-style (`hep-th/9901001`) arXiv ids. */
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;
/** `arXiv:2403.01234  [pdf, other]`, as search results and listings start each record. */
const ANCHOR = new RegExp(String.raw`^(?:\[\d+\]\s*)?arXiv:${ARXIV_ID}(?:\s*\[[^\]]*\])?(?:\s+\S.*)?$`, 'i');
/** arXiv archive and category names (`cs.LG`, `stat.ML`, `hep-th`, `q-bio.NC`, `cond-mat.stat-mech`). */
const CATEGORY = String.raw`[a-z]{2,}(?:-[a-z]{2,})?(?:\.[A-Za-z]{2,}(?:-[a-z]+)*)?`;
const CATEGORY_LINE = new RegExp(String.raw`^${CATEGORY}(?:\s+${CATEGORY})*$`);
/** The categories inside a `Subjects:` value: `Machine Learning (cs.LG); Computation (stat.CO)`. */
const CATEGORY_IN_PARENS = new RegExp(String.raw`\((${CATEGORY})\)`, 'g');
/** A category's name before its code in a `Subjects:` value: `Machine Learning` of `Machine Learning (cs.LG)`. */
const SUBJECT_NAMED = new RegExp(String.raw`(?:^|;)\s*([^;()]+?)\s*\(${CATEGORY}\)`, 'g');
/** Search pages' result counter: `Showing 1–50 of 1,204 results for all: …`. */
const RESULT_COUNTER = /^Showing \d[\d,]*\s*[–-]\s*\d[\d,]* of \d[\d,]* results\b/i;
/**
 * arXiv listing pages' counters (`/list/<archive>/new`, `/recent`, `/pastweek`): "Showing new listings for
 * Monday, 2 December 2024", "Total of 45 entries", "New submissions (showing 12 of 12 entries)", "Cross
 * submissions …", "Replacement submissions …", "Cross-lists …", "Replacements …".
 */
const LISTING_COUNTER = /^(?:Showing new listings for\b.{0,60}|Total of \d[\d,]* entries\b.{0,60}|(?:(?:New|Cross|Replacement) submissions|Cross-lists|Replacements)\s*\(showing (?:first )?\d[\d,]* of \d[\d,]* entries\))$/i;
/** arXiv's "Submitted 2 March, 2024; originally announced March 2024." and PubMed's "Epub 2024 Mar 2". */
const SUBMITTED = /^(?:\[?v\d+\]?\s*)?(?:Submitted|Originally announced|Epub)\b.*\b(1[89]\d\d|20\d\d)\b/i;
/** The expand and collapse links of a truncated abstract on arXiv's search page. */
const MORE_LESS = /\s*(?:[▽△▼▲]\s*(?:More|Less)|…\s*(?:More|Less)|\((?:more|less)\))\s*$/i;
const BOTH_VERSIONS = /[▽▼]\s*More\s+(\S.*?)\s*[△▲]\s*Less$/;

/** Field labels the sites print before a value, mapped to what the value is. */
const LABELS: Record<string, 'title' | 'abstract' | 'authors' | 'venue' | 'doi' | 'pmid' | 'subjects' | 'ignore'> = {
  title: 'title',
  abstract: 'abstract',
  authors: 'authors',
  author: 'authors',
  'journal ref': 'venue',
  'journal-ref': 'venue',
  journal: 'venue',
  comments: 'ignore',
  subjects: 'subjects',
  categories: 'subjects',
  'msc class': 'ignore',
  'msc classes': 'ignore',
  'acm class': 'ignore',
  'acm classes': 'ignore',
  'report number': 'ignore',
  'cite as': 'ignore',
  keywords: 'ignore',
  doi: 'doi',
  pmid: 'pmid',
  pmcid: 'ignore',
  'author information': 'ignore',
  'conflict of interest statement': 'ignore',
  copyright: 'ignore',
};
const LABELLED = /^([A-Za-z][A-Za-z -]{1,30}?)\s*:\s*(.*)$/;
/**
 * A structured-abstract section label: capitals only (`BACKGROUND`, `MAIN OUTCOME MEASURES`,
 * `MÉTODOS`), at least three letters, then a colon and the section's text.
 */
const SECTION = /^(\p{Lu}[\p{Lu} &/,]{1,40}\p{Lu}):\s+(\S.*)$/u;
const INLINE_SECTION = /[.!?]\s+\p{Lu}[\p{Lu} &/,]{1,40}\p{Lu}:\s/u;
/** The label at the start of one section line of a structured abstract, with its colon and space. */
export const SECTION_LABEL = /^(\p{Lu}[\p{Lu} &/,]{1,40}\p{Lu}):\s+/u;
/** PubMed's citation line: `1. J Clin Med. 2024 Mar 2;13(5):1234. doi: 10.3390/jcm13051234.` */
const CITATION = /^(?:\d+\.\s+)?[\p{Lu}][\p{L} .&()-]{1,80}\.\s+((?:19|20)\d\d)(?:\s+\p{Lu}\p{Ll}{2}(?:\s+\d{1,2})?)?;[^;]*?(?:\d+\(\d+\))?:?[\w-]*\./u;
/** PubMed's affiliation lines after "Author information:": `(1)Department of …`. */
const AFFILIATION = /^\(\d+\)\s*\p{Lu}/u;
const COPYRIGHT = /^(?:Copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d\b|^Copyright\s+(?:19|20)\d\d\b/i;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+?)[.,;]?(?:\s|$)/;

/** A name as Google Scholar prints it: initials, then the surname with its particles ("DS Okafor", "J van der Berg"). */
const SCHOLAR_NAME = String.raw`\p{Lu}{1,4}\s+(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|dos|das)\s+)*\p{Lu}[\p{L}'’-]+`;
/**
 * Google Scholar's byline under a result's title: the authors (cut with "…"), then " - ", then the
 * venue and year and the host ("DS Okafor, P Lindqvist… - Journal of Educational Psychology, 2019 -
 * psycnet.apa.org"), or the year and host, or the host alone.
 */
const SCHOLAR_BYLINE = new RegExp(String.raw`^(${SCHOLAR_NAME}(?:,\s*${SCHOLAR_NAME})*)(?:\s*(?:…|\.\.\.))?\s+-\s+(?:(?:(.+?),\s*)?((?:19|20)\d\d)(?:\s+-\s+\S.{0,60})?|(?:[a-z0-9-]+\.)+[a-z]{2,})$`, 'u');

/** Reads one line; `undefined` when it is ordinary text (a title or an abstract). */
export function readFieldLine(text: string): FieldLine | undefined {
  const anchor = ANCHOR.exec(text);
  if (anchor) return { kind: 'anchor', facts: { arxiv: anchor[1]!, year: arxivYear(anchor[1]!) } };
  if (CATEGORY_LINE.test(text) && /[.-]/.test(text)) return { kind: 'meta', facts: { categories: text.split(/\s+/) } };
  if (RESULT_COUNTER.test(text) || LISTING_COUNTER.test(text)) return { kind: 'meta', facts: {} };
  const submitted = SUBMITTED.exec(text);
  if (submitted && text.length <= 200) return { kind: 'meta', facts: { year: minYear(text) } };

  const labelled = LABELLED.exec(text);
  const field = labelled ? LABELS[labelled[1]!.toLowerCase()] : undefined;
  if (labelled && field) {
    const value = labelled[2]!.trim();
    switch (field) {
      case 'title':
        return value ? { kind: 'title', text: value } : { kind: 'meta', facts: {} };
      case 'abstract':
        return value ? { kind: 'abstract', text: stripMoreLess(value), truncated: isTruncated(value) } : { kind: 'meta', facts: {} };
      case 'authors':
        return { kind: 'meta', facts: { authors: splitNames(value) } };
      case 'venue':
        return { kind: 'meta', facts: value ? { venue: value } : {} };
      case 'doi': {
        const doi = DOI.exec(`${value} `)?.[1];
        return { kind: 'meta', facts: doi ? { doi } : {} };
      }
      case 'pmid': {
        const pmid = /^\d+/.exec(value)?.[0];
        return { kind: 'meta', facts: pmid ? { pmid } : {} };
      }
      case 'subjects': {
        const named = [...value.matchAll(SUBJECT_NAMED)].map((m) => m[1]!.trim());
        return { kind: 'meta', facts: { categories: [...value.matchAll(CATEGORY_IN_PARENS)].map((m) => m[1]!), ...(named.length ? { subjectNames: named } : {}) } };
      }
      default:
        return { kind: 'meta', facts: {} };
    }
  }
  const citation = CITATION.exec(text);
  if (citation) {
    const doi = DOI.exec(`${text} `)?.[1];
    // A PubMed record starts with its citation, as an arXiv one with its id.
    return { kind: 'anchor', facts: { year: Number(citation[1]), ...(doi ? { doi } : {}) } };
  }
  const byline = text.length <= 400 ? SCHOLAR_BYLINE.exec(text) : null;
  if (byline) {
    const venue = byline[2]?.replace(/\s*…$/, '');
    return { kind: 'meta', facts: { authors: splitNames(byline[1]!).map(initialsFirst), ...(byline[3] ? { year: Number(byline[3]) } : {}), ...(venue ? { venue } : {}) } };
  }
  if (AFFILIATION.test(text) || COPYRIGHT.test(text)) return { kind: 'meta', facts: {} };
  const bareDoi = /^doi\s+(10\.\d{4,9}\/\S+)$/i.exec(text);
  if (bareDoi) return { kind: 'meta', facts: { doi: bareDoi[1]! } };
  const section = SECTION.exec(text);
  // A line holding further labelled sections ("PURPOSE: … METHODS: …") is a whole structured
  // abstract on one line, as MEDLINE listings print them; it is no part of a multi-line run.
  if (section && !INLINE_SECTION.test(section[2]!)) return { kind: 'section', label: section[1]!, text: section[2]! };
  return undefined;
}

/** The expand/collapse links removed from the end of an abstract line, if it has them. */
export function stripMoreLess(text: string): string {
  // The regex scans from every space of a long line; the links end a line with these words only.
  if (!/(?:More|Less|more\)|less\))$/.test(text)) return text;
  // A copy of the whole result holds both versions: "short… ▽ More full text △ Less".
  const both = BOTH_VERSIONS.exec(text);
  return both ? both[1]! : text.replace(MORE_LESS, '');
}

/** Whether a line is the truncated version of an abstract (it ends with the "▽ More" link). */
export const isTruncated = (text: string): boolean => /[▽▼]\s*More$/.test(text);
/** Whether a line is the full version of an abstract shown after a truncated one ("… △ Less"). */
export const isExpanded = (text: string): boolean => /[△▲]\s*Less$/.test(text);

/** `Ada Lovelace, Charles Babbage and Mary Somerville` → three names. */
export function splitNames(value: string): string[] {
  return value
    .replace(/\s*\(\d+(?:,\d+)*\)/g, '') // PubMed's affiliation marks: "Smith J(1)"
    .replace(/\.$/, '')
    .split(/\s*[,;·]\s*|\s+(?:and|&)\s+/)
    .map((name) => name.trim())
    .filter((name) => /\p{L}/u.test(name) && !/^et al\.?$/i.test(name))
    .map(displayName);
}

/** PubMed's "Okonkwo M" and "van der Berg JA" → "M. Okonkwo", "J. A. van der Berg" (SPEC.md: display names). */
function displayName(name: string): string {
  const medline = /^(\p{L}[\p{L}' -]*?)\s+(\p{Lu}{1,3})$/u.exec(name);
  if (!medline || /\p{Ll}/u.test(medline[2]!)) return name;
  return `${dottedInitials(medline[2]!)} ${medline[1]}`;
}

/** Google Scholar's "DS Okafor" → "D. S. Okafor" (SPEC.md: display names, as `displayName` writes PubMed's). */
function initialsFirst(name: string): string {
  const scholar = /^(\p{Lu}{1,4})\s+(\S.*)$/u.exec(name);
  return scholar ? `${dottedInitials(scholar[1]!)} ${scholar[2]}` : name;
}

/** Initials as SPEC.md's display names write them: "JA" → "J. A.". */
function dottedInitials(initials: string): string {
  return [...initials].map((initial) => `${initial}.`).join(' ');
}

/** Year of the first version of a new-style id (`2403.…` → 2024); none for old-style ids. */
function arxivYear(id: string): number | undefined {
  const yymm = /^(\d\d)(\d\d)\./.exec(id);
  return yymm ? 2000 + Number(yymm[1]) : undefined;
}

function minYear(text: string): number {
  return Math.min(...[...text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => Number(m[1])));
}

/** Facts of one record (in source order) → its metadata; undefined when they say nothing. */
export function toMetadata(facts: readonly RecordFacts[]): PaperMetadata | undefined {
  const merged: RecordFacts = {};
  for (const f of facts) {
    for (const key of ['authors', 'arxiv', 'doi', 'pmid', 'venue'] as const) if (f[key] !== undefined && merged[key] === undefined) (merged as Record<string, unknown>)[key] = f[key];
    if (f.year !== undefined) merged.year = Math.min(merged.year ?? f.year, f.year);
    if (f.categories?.length) merged.categories ??= f.categories;
  }
  const meta: PaperMetadata = {};
  if (merged.authors?.length) meta.authors = merged.authors;
  if (merged.year !== undefined && Number.isFinite(merged.year)) meta.year = merged.year;
  const venue = merged.venue ?? merged.categories?.[0];
  if (venue) meta.venue = venue;
  const ids = { ...(merged.arxiv ? { arxiv: merged.arxiv } : {}), ...(merged.doi ? { doi: merged.doi } : {}), ...(merged.pmid ? { pmid: merged.pmid } : {}) };
  if (Object.keys(ids).length > 0) meta.ids = ids;
  const links = [
    ...(merged.arxiv ? [{ label: 'arXiv', url: `https://arxiv.org/abs/${merged.arxiv}` }, { label: 'PDF', url: `https://arxiv.org/pdf/${merged.arxiv}` }] : []),
    ...(merged.doi ? [{ label: 'DOI', url: `https://doi.org/${merged.doi}` }] : []),
    ...(merged.pmid ? [{ label: 'PubMed', url: `https://pubmed.ncbi.nlm.nih.gov/${merged.pmid}/` }] : []),
  ];
  if (links.length > 0) meta.links = links;
  return Object.keys(meta).length > 0 ? meta : undefined;
}
