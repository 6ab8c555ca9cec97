/**
 * English count nouns for the site's counters: "1 paper", "2 papers", "0 papers". Every page that
 * prints a count of papers, topics or tags goes through here, so no page says "1 papers".
 */

/** The noun for `count` things: `singular` for exactly one, else `plural` (default: `singular` + "s"). */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** `count` and its noun: `countOf(1, 'paper')` → "1 paper", `countOf(3, 'topic')` → "3 topics". */
export function countOf(count: number, singular: string, plural?: string): string {
  return `${count} ${nounFor(count, singular, plural)}`;
}
