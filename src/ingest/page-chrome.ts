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
];
const CHROME_SET = new Set(CHROME_PHRASES.map((p) => p.toLowerCase()));
const LONGEST_PHRASE = Math.max(...CHROME_PHRASES.map((p) => p.length));

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** "Mar 12", "March 12, 2024", "12 Mar", "2024-03-12", "Published on Mar 12". */
const DATE_LINE = new RegExp(
  `^(?:(?:Published|Submitted|Updated)(?: on)?:? )?(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2} ${MONTH}(?:,? \\d{4})?|\\d{4}-\\d{2}-\\d{2})$`,
  'i',
);
/** Counters and badges: "42", "▲ 17", "12 upvotes", "3 comments". */
const COUNTER_LINE = /^(?:[▲△↑⬆︎]\s*)?\d[\d,.]*k?(?: (?:upvotes?|comments?|likes?|stars?|views?|points?))?$/i;

/** Phrases that a listing page glues to the front of the first title ("SubscribeEmpowering …"). */
const GLUED_PREFIXES = ['Subscribe', 'byAK and the research community', 'Get trending papers in your email inbox!'];

export function isChromeLine(text: string): boolean {
  // Lower-casing never shortens text: a longer line (every abstract) cannot be a phrase, and
  // is not copied to find that out.
  return (text.length <= LONGEST_PHRASE && CHROME_SET.has(text.toLowerCase())) || DATE_LINE.test(text) || COUNTER_LINE.test(text);
}

/** Strips a chrome phrase glued to the start of a line; returns the rest, or undefined if none. */
export function stripGluedChrome(text: string): string | undefined {
  for (const prefix of GLUED_PREFIXES) {
    if (text.length > prefix.length && text.startsWith(prefix) && /[\p{Lu}\p{N}"“'‘(\[$]/u.test(text[prefix.length]!)) {
      return text.slice(prefix.length).trimStart();
    }
  }
  return undefined;
}
