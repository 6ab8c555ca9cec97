/**
 * When a `$` closes inline math: the one rule that abstracts (src/ingest/math.ts) and titles
 * (./title-math.ts) both follow.
 *
 * Pandoc's rule tells money from math: a non-space before the closing `$` and no digit after it, so
 * "from $5 to $10" stays text. Its digit test also refuses `$\pm$0.4%` and `$\rightarrow$8`, which
 * ACL Anthology abstracts hold where `<tex-math>` stood before a number (4 in the 550 abstracts of
 * /work/shared/real-dumps: all a TeX command between the dollars, shown as raw TeX until this rule).
 * Money never opens with a backslash, so math that starts with a control word (`\pm`, `\times`,
 * `\sim`) closes before a digit too.
 */

/**
 * Whether the `$` at index `at` of `text` closes inline math whose first character is at `from`
 * (just after the opening `$`). Indices are UTF-16 offsets; never throws.
 */
export function closesInlineDollar(text: string, from: number, at: number): boolean {
  if (at <= from || !/\S/.test(text[at - 1] ?? ' ')) return false;
  return !/\d/.test(text[at + 1] ?? '') || /^\\[A-Za-z]/.test(text.slice(from, from + 2));
}
