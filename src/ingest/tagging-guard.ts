/**
 * Text as the part-of-speech tagger may safely read it. wink-nlp's tokenizer is super-linear in the
 * length of a run without white space: a 2,800-character run ("http://" × 400) took 1.0 s and a
 * 5,600-character one 5.4 s (measured 2026-11-30), so one pasted blob could stall an ingest for
 * minutes. No term or title word is that long, so such runs are cut out before tagging.
 */

/** Longest run of non-space characters handed to the tagger; longer ones (URLs, blobs) are dropped. */
const MAX_RUN = 64;
/**
 * A whole run: it may start only where no non-space character precedes it, the same matches as `\S{65,}`
 * (each is the maximal run from its first character) without trying every character inside a word as a
 * start: 0.08 instead of 0.18 CPU-s for the 9,987 abstracts of the 10k corpus, and the ingest guards each
 * abstract twice (titles, terms).
 */
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_RUN + 1},}`, 'g');

/** `text` with every run of more than 64 non-space characters replaced by a space. */
export function forTagging(text: string): string {
  return text.length > MAX_RUN ? text.replace(LONG_RUN, ' ') : text;
}
