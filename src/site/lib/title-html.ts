/**
 * A stored title (`src/core/title-math.ts`) as HTML for headings and lists: text escaped, math typeset by KaTeX
 * (HTML for the eye, MathML for screen readers, as in abstracts). Math KaTeX cannot typeset is shown as its
 * source between dollars, so a bad formula costs its typesetting, never the page.
 */
import katex from 'katex';
import { titleSegments } from '../../core/title-math.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/** Title HTML: a title without math is only escaped. Never throws. */
export function titleHtml(title: string): string {
  if (!title.includes('$')) return escapeHtml(title);
  const hit = cache.get(title);
  if (hit !== undefined) return hit;
  const html = titleSegments(title)
    .map((s) => (s.kind === 'text' ? escapeHtml(s.value) : mathHtml(s.tex, s.display)))
    .join('');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(title, html);
  return html;
}

function mathHtml(tex: string, display: boolean): string {
  try {
    // Display math stays in the line of its heading: a title is one line of text.
    return katex.renderToString(tex, { output: 'htmlAndMathml', throwOnError: true, displayMode: false, strict: 'ignore' });
  } catch {
    const delimiter = display ? '$$' : '$';
    return `<span class="math-source">${escapeHtml(`${delimiter}${tex}${delimiter}`)}</span>`;
  }
}

/**
 * The accessible name of a link whose text is a title with math, else undefined (the text names it).
 * Chromium names a link from its text but leaves out MathML inside it: a link reading `$E = mc^2$` had
 * no name and `… via $\frac{\ell_1}{\ell_2}$ Regularized …` lost its formula (playwright's ariaSnapshot,
 * axe-core `link-name`). Such a link is labelled with the title's plain text (`E = mc²`), `prefix` first.
 */
export function titleLinkLabel(paper: { titleMath: boolean; plainTitle: string }, prefix = ''): string | undefined {
  return paper.titleMath ? `${prefix}${paper.plainTitle}` : undefined;
}
