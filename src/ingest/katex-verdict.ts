/**
 * KaTeX's verdict on a formula: the typesetter the site uses (src/site/markdown/plugins.ts), asked with
 * errors thrown instead of rendered. Both the math check (check-math.ts) and the reading of math whose
 * markup was stripped (stripped-tex.ts) ask it.
 */
import katex from 'katex';

/** Formulas already checked: the same formula recurs across abstracts and re-ingests. */
const verdicts = new Map<string, string | null>();

/** KaTeX's parse error for `tex` (without its `$` delimiters), or null when it typesets. Never throws. */
export function katexError(tex: string, display = false): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    try {
      katex.renderToString(tex, { throwOnError: true, displayMode: display, output: 'mathml', strict: 'ignore' });
      verdict = null;
    } catch (error) {
      verdict = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    }
    verdicts.set(key, verdict);
  }
  return verdict;
}
