/**
 * Page chrome: the text a paper-listing page puts around its entries ("Subscribe", "new", a date),
 * which a copy-and-paste carries along. Recognised by phrase and by shape, never by position.
 */

const CHROME_PHRASES = [
  'Get trending papers in your email inbox once a day!',
  'Get trending papers in your email inbox!',
  'byAK and the research community',
  'Subscribe',
  'Unsubscribe',
  'Sign in',
  'Sign up',
  'Log in',
  'new',
  'New',
  'Trending Papers',
  'Daily Papers',
  'Submitted by',
  'Upvote',
  'View PDF',
  'Abstract',
  'Read more',
  'Show more',
  'Previous',
  'Next',
  'Load more',
  // Per-card link labels of listing pages (Hugging Face papers, Papers with Code, arXiv).
  'GitHub',
  'arXiv Page',
  'Project Page',
  'Paper page',
  'Code',
  'PDF',
  'HTML',
  'HTML (experimental)',
  'Other formats',
  'Hugging Face',
  'Papers with Code',
  'Semantic Scholar',
  'Google Scholar',
  'Full text links',
  'Cite',
  'Save',
  'Share',
  'Similar articles',
  'Cited by',
  '·',
];
const CHROME_SET = new Set(CHROME_PHRASES.map((p) => p.toLowerCase()));
const LONGEST_PHRASE = Math.max(...CHROME_PHRASES.map((p) => p.length));

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** "Mar 12", "March 12, 2024", "12 Mar", "2024-03-12", "Published on Mar 12". */
const DATE_LINE = new RegExp(
  `^(?:(?:Published|Submitted|Updated)(?: on)?:? )?(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2} ${MONTH}(?:,? \\d{4})?|\\d{4}-\\d{2}-\\d{2})$`,
  'i',
);
/**
 * Counters and badges, alone or after a card's "·" separator: "42", "▲ 17", "★ 1.2k", "12 upvotes",
 * "· 3 comments", "· 6 authors".
 */
const COUNTER_LINE = /^(?:·\s*)?(?:[▲△↑⬆︎★☆⭐]\uFE0F?\s*)?\d[\d,.]*[kKmM]?(?: (?:upvotes?|comments?|likes?|stars?|forks?|views?|points?|authors?|citations?))?$/;
/**
 * A search engine's action row under a result, every item a link: Google Scholar's "☆ Save ❞ Cite
 * Cited by 12 Related articles All 5 versions Import into BibTeX", and the like. Only whole rows
 * of these items are chrome: "Cited by" inside a sentence is text.
 */
const ACTION_ROW = /^(?:(?:[☆★❞]|Save|Cite|Cited by \d[\d,]*|Related articles|All \d[\d,]* versions|Import into (?:BibTeX|EndNote|RefMan|RefWorks)|Library Search|View as HTML|Fast version|Web of Science: \d+)(?:\s+|$))+$/;
/** A result's full-text link as Google Scholar prints it beside the result: "[PDF] arxiv.org", "[HTML] nih.gov". */
const FULL_TEXT_LINK = /^\[(?:PDF|HTML|DOC|DOCX|PS)\]\s*(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;
/**
 * The kind markers Google Scholar prints before a result's title, which a copy glues to it:
 * "[HTML][HTML] Teacher burnout …", "[BOOK][B] Pattern recognition …", "[CITATION][C] …".
 */
const KIND_MARKERS = /^(?:\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\]\s*)+(?=[\p{Lu}\p{N}"“'‘(\[$])/u;

/** A user handle on its own line ("@akhaliq", "akhaliq"), or after "Submitted by". */
const HANDLE_LINE = /^(?:Submitted by\s+)?@?[a-z0-9_][a-z0-9_.-]{1,38}$/;

/** Phrases that a listing page glues to the front of the first title ("SubscribeEmpowering …"). */
const GLUED_PREFIXES = ['Subscribe', 'byAK and the research community', 'Get trending papers in your email inbox!'];

export function isChromeLine(text: string): boolean {
  // Lower-casing never shortens text: a longer line (every abstract) cannot be a phrase, and
  // is not copied to find that out.
  return (
    (text.length <= LONGEST_PHRASE && CHROME_SET.has(text.toLowerCase())) ||
    DATE_LINE.test(text) ||
    COUNTER_LINE.test(text) ||
    (text.length <= 200 && ACTION_ROW.test(text)) ||
    (text.length <= 80 && FULL_TEXT_LINK.test(text)) ||
    (text.length <= 60 && HANDLE_LINE.test(text))
  );
}

/** One name: capitalised words or initials, with the lower-case particles of many languages. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)(?:\s+(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al|y|dos|das)\s+)*(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)){1,3}`;
/** "Ada Lovelace, Charles Babbage and Mary Somerville", "A. Turing · J. von Neumann", "…, et al." */
const NAME_LIST = new RegExp(String.raw`^${NAME}(?:\s*(?:,|·|;|\band\b|&)\s*(?:and\s+)?${NAME})+(?:,?\s+et al\.?)?\.?$`, 'u');

/**
 * A line that lists person names (two or more), as listing cards print under a title. Whether it
 * is an author line is for the caller to decide from its place: a title can look like this too.
 */
export function isNameList(text: string): boolean {
  return text.length <= 400 && NAME_LIST.test(text);
}

/** Strips a chrome phrase glued to the start of a line; returns the rest, or undefined if none. */
export function stripGluedChrome(text: string): string | undefined {
  const markers = KIND_MARKERS.exec(text);
  if (markers) return text.slice(markers[0].length);
  for (const prefix of GLUED_PREFIXES) {
    if (text.length > prefix.length && text.startsWith(prefix) && /[\p{Lu}\p{N}"“'‘(\[$]/u.test(text[prefix.length]!)) {
      return text.slice(prefix.length).trimStart();
    }
  }
  return undefined;
}
