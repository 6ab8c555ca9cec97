/**
 * The HTML the Markdown pipeline (plugins.ts, abstract-html.ts) makes of an abstract that is plain prose, made
 * without parsing: `<p>` per paragraph, the lines as they are. Most abstracts are such prose (9,433 of the
 * 9,987 bodies of the 10k bench corpus, 419 of the 527 seeds), and parsing them with micromark, then mdast →
 * hast → HTML, was the abstract workers' largest CPU cost: the 9,987 bodies took 5.4 s through the pipeline
 * and 0.9 s with this path (one thread, load ~13, 2026-12-01).
 *
 * Plain prose is text that can open no CommonMark construct (CommonMark 0.31 §4–6) nor remark-math's `$`:
 * - no character that can start inline markup: `\` (escapes, hard breaks), `` ` `` (code), `*` `_` (emphasis),
 *   `[` `]` (links, images, reference definitions), `<` `>` (autolinks, raw HTML, block quotes), `&` (character
 *   references), `$` (math);
 * - no control character but the line feed (NUL becomes U+FFFD, CR and tabs have rules of their own);
 * - no line with leading or trailing spaces (indented code, stripped indentation, hard line breaks);
 * - no line starting with what can open a block: `#` (heading), `-` `+` `*` (list item, thematic break),
 *   `=` `-` (setext underline), `~` `` ` `` (fence), digits and `.` or `)` (ordered list), `>` (quote).
 * Blank lines (empty) separate paragraphs; the pipeline writes each as `<p>` with its lines joined by `\n`, and
 * the paragraphs joined by `\n`. Anything else returns undefined and goes through the pipeline.
 * tests/unit/site/plain-prose.test.ts checks the result is byte for byte the pipeline's over the seeds, the
 * real-world fixtures and constructed edge cases.
 */

/** A character that may start inline markup or math, or a control character other than the line feed. */
const INLINE_MARKUP = /[\\`*_[\]<>&$\x00-\x09\x0b-\x1f\x7f]/;

/** A line that may open or close a block, or whose surrounding spaces mean something. */
const BLOCK_LINE = /^(?:[ #+\-*=~`>]|\d+[.)])|[ ]$/m;

/**
 * `markdown`'s HTML as the pipeline renders it, when it is plain prose (see above); otherwise undefined.
 * Units: a string in, a string out; no errors.
 */
export function plainProseHtml(markdown: string): string | undefined {
  if (INLINE_MARKUP.test(markdown) || BLOCK_LINE.test(markdown)) return undefined;
  const paragraphs = markdown.split(/\n{2,}/).map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p !== '');
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}
