/**
 * Titles with math: the stored form and its plain-text reading.
 *
 * A title in an entry's front matter (and in `papers.json`) keeps its math as TeX between dollars, as abstracts
 * do: `$E = mc^2$`, `RED$^{\textrm{FM}}$`, `$$\sum_i x_i$$`; a literal dollar is `\$`. Pages typeset the math
 * with KaTeX; every surface that can only hold text (`<title>`, meta and Open Graph tags, JSON-LD, the feed,
 * link-preview cards, the search indexes) shows `titlePlainText`: `E = mc²`, `REDᶠᴹ`, `∑ᵢ xᵢ`.
 *
 * The TeX is read by KaTeX itself, not by a parser of ours: KaTeX's MathML output has every macro already
 * resolved to its character (`\ell` → ℓ, `\mathcal{O}` → O, `\sum` → ∑) and the structure (superscripts,
 * fractions, roots) as elements, which `./math-plain-text.ts` turns into Unicode text. Math that KaTeX cannot
 * read is shown as its source, never dropped.
 */
import { closesInlineDollar } from './dollar-math.ts';
import { mathToPlainText, type Drawable } from './math-plain-text.ts';

export type TitleSegment = { kind: 'text'; value: string } | { kind: 'math'; tex: string; display: boolean };

/**
 * Splits a stored title into text and math. `$$…$$` is display math, `$…$` inline math, `\$` a literal
 * dollar; a `$` with no closing partner is text. Never throws.
 */
export function titleSegments(title: string): TitleSegment[] {
  const segments: TitleSegment[] = [];
  let text = '';
  let i = 0;
  while (i < title.length) {
    if (title.startsWith('\\$', i)) {
      text += '$';
      i += 2;
      continue;
    }
    if (title[i] !== '$') {
      text += title[i];
      i++;
      continue;
    }
    const display = title.startsWith('$$', i);
    const open = display ? 2 : 1;
    const end = closingDollar(title, i + open, display);
    const tex = end < 0 ? '' : title.slice(i + open, end).trim();
    if (!tex) {
      text += title.slice(i, i + open);
      i += open;
      continue;
    }
    if (text) segments.push({ kind: 'text', value: text });
    text = '';
    segments.push({ kind: 'math', tex, display });
    i = end + open;
  }
  if (text) segments.push({ kind: 'text', value: text });
  return segments;
}

/**
 * Index of the `$` (or `$$`) that closes math opened before `from`, skipping `\`-escapes; -1 if none. Inline
 * math follows Pandoc's rule, so a hand-typed "from $5 to $10" stays text: a non-space after the opening `$`, a
 * non-space before the closing one and no digit after it (unless the math opens with a TeX command: dollar-math.ts).
 */
function closingDollar(title: string, from: number, display: boolean): number {
  if (!display && /\s/.test(title[from] ?? ' ')) return -1;
  for (let j = from; j < title.length; j++) {
    if (title[j] === '\\') {
      j++;
      continue;
    }
    if (title[j] !== '$') continue;
    if (display) {
      if (title[j + 1] === '$') return j;
      continue;
    }
    return closesInlineDollar(title, from, j) ? j : -1;
  }
  return -1;
}

/** Whether a stored title holds math (and so needs KaTeX on the page that shows it). */
export function titleHasMath(title: string): boolean {
  return title.includes('$') && titleSegments(title).some((s) => s.kind === 'math');
}

const plainCache = new Map<string, string>();
const PLAIN_CACHE_LIMIT = 10_000;

/**
 * A stored title as readable plain text: math in Unicode (`$E = mc^2$` → `E = mc²`), `\$` as `$`, spaces
 * collapsed. A title without `$` is returned as it is, at the cost of one `includes`. With `drawable`, only the
 * super/subscript characters it accepts are used (`$x_1$` → `x_1` where `₁` cannot be drawn); not cached.
 */
export function titlePlainText(title: string, drawable?: Drawable): string {
  if (!title.includes('$')) return title;
  const cached = drawable ? undefined : plainCache.get(title);
  if (cached !== undefined) return cached;
  const plain = titleSegments(title)
    .map((s) => (s.kind === 'text' ? s.value : mathToPlainText(s.tex, drawable)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (drawable) return plain;
  if (plainCache.size >= PLAIN_CACHE_LIMIT) plainCache.clear();
  plainCache.set(title, plain);
  return plain;
}
