/**
 * TeX math → readable Unicode text, for surfaces that cannot typeset: `E = mc^2` → `E = mc²`,
 * `RED^{\textrm{FM}}` → `REDᶠᴹ`, `\ell_1` → `ℓ₁`, `\frac{a+b}{2}` → `(a+b)/2`, `x^{q}` → `x^q`.
 *
 * KaTeX parses the TeX and writes it as MathML (`output: 'mathml'`), where every macro is already the
 * character it stands for; this module only walks that MathML (parsed by `hast-util-from-html`). Superscripts
 * and subscripts become Unicode super/subscript characters when every character of the script has one,
 * and `^x` / `^(…)` (the plain-text convention of calculators and ASCIIMath) when not, so nothing is lost.
 *
 * Why the walk is ours: no npm package turns TeX into plain Unicode text. `superscript-text` (the most used
 * superscript mapper) silently drops characters it has no superscript for and has no capitals, so
 * `^{FM}` became `ᶠ`: the very fault (`REDFM`) this module exists to fix. The super/subscript tables are
 * not typed by hand either: they are derived from Unicode's own compatibility decompositions (NFKC) of the
 * blocks that hold modifier letters and super/subscript forms.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import katex from 'katex';

/**
 * Code point ranges whose characters are superscript forms (`<super>` in UnicodeData.txt), and those that are
 * subscript forms (`<sub>`). Only characters in the Basic Multilingual Plane, which the fonts of browsers and
 * feed readers cover; NFKC maps each to its ordinary character, which gives the table.
 */
const SUPERSCRIPT_RANGES: ReadonlyArray<[number, number]> = [
  [0x00b2, 0x00b3], [0x00b9, 0x00b9], [0x02b0, 0x02b8], [0x02e0, 0x02e4], [0x1d2c, 0x1d61], [0x1d78, 0x1d78],
  [0x1d9b, 0x1dbf], [0x2070, 0x207f], [0x2c7d, 0x2c7d],
];
const SUBSCRIPT_RANGES: ReadonlyArray<[number, number]> = [[0x1d62, 0x1d6a], [0x2080, 0x209c], [0x2c7c, 0x2c7c]];

function scriptTable(ranges: ReadonlyArray<[number, number]>): Map<string, string> {
  const table = new Map<string, string>();
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const form = String.fromCodePoint(cp);
      const plain = form.normalize('NFKC');
      // Unassigned code points and forms of more than one character (none today) are skipped; the first form
      // of a character wins (U+00B2 ² before U+2072, which is unassigned anyway).
      if (plain !== form && [...plain].length === 1 && !table.has(plain)) table.set(plain, form);
    }
  }
  // The minus sign of TeX output is U+2212; its superscript form decomposes to it.
  return table;
}

let superscripts: Map<string, string> | undefined;
let subscripts: Map<string, string> | undefined;

/**
 * A script's text in Unicode super/subscript characters, or undefined when one of its characters has none.
 * A letter with no form in its own case takes the other case's (there is no superscript capital F: `ᶠ`), as
 * the issue's `REDᶠᴹ` reads.
 */
function toScript(text: string, kind: 'sup' | 'sub', drawable: Drawable): string | undefined {
  const table = kind === 'sup' ? (superscripts ??= scriptTable(SUPERSCRIPT_RANGES)) : (subscripts ??= scriptTable(SUBSCRIPT_RANGES));
  let out = '';
  for (const ch of text) {
    const form = table.get(ch) ?? table.get(ch.toLowerCase()) ?? table.get(ch.toUpperCase());
    if (form === undefined || !drawable(form)) return undefined;
    out += form;
  }
  return out;
}

/** Operators that read as words apart: relations and binary operators get a space on each side. */
const SPACED_OPERATOR = /^[=<>+±∓×÷·∗∘≤≥≠≈≡∼≃≅∝∈∉⊂⊆⊃⊇∪∩→←↔⇒⇐⇔↦∧∨−-]$/u;
/** Invisible operators of MathML (function application, invisible times, separator, plus). */
const INVISIBLE = /[\u2061-\u2064]/gu;
/** Combining marks for the accents `\hat`, `\tilde`, `\bar`, `\vec`, `\dot`, `\ddot` as KaTeX writes them. */
const COMBINING_ACCENT: Readonly<Record<string, string>> = { '^': '\u0302', '~': '\u0303', '‾': '\u0305', '¯': '\u0304', '→': '\u20d7', '˙': '\u0307', '¨': '\u0308' };

/** Whether the surface the text is for can draw a character (a card's fonts cannot draw `₁`). */
export type Drawable = (ch: string) => boolean;
const anything: Drawable = () => true;

/**
 * TeX math (without its `$` delimiters) as readable Unicode text. Math that KaTeX rejects is returned as its
 * source, trimmed: readable, and never an error. `canDraw` limits the super/subscript characters used to those
 * the target draws; a script with one it cannot draw is written `^(…)` / `_(…)` instead.
 */
export function mathToPlainText(tex: string, canDraw: Drawable = anything): string {
  return mathToPlainTextIfValid(tex, canDraw) ?? tex.trim();
}

/** `mathToPlainText`, or undefined for math KaTeX rejects (for a surface that would rather leave it out). */
export function mathToPlainTextIfValid(tex: string, canDraw: Drawable = anything): string | undefined {
  let mathml: string;
  try {
    mathml = katex.renderToString(tex, { output: 'mathml', throwOnError: true, strict: 'ignore' });
  } catch {
    return undefined;
  }
  const semantics = findElement(fromHtml(mathml, { fragment: true }), 'semantics');
  const body = semantics?.children.find((c): c is Element => c.type === 'element' && c.tagName !== 'annotation');
  return body ? textOf(body, canDraw).replace(/\s+/g, ' ').trim() : undefined;
}

function findElement(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

const elements = (node: Element) => node.children.filter((c): c is Element => c.type === 'element');

function leafText(node: Element | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(leafText).join('');
}

/** Text of one MathML element. */
function textOf(node: Element, draw: Drawable): string {
  const kids = elements(node);
  switch (node.tagName) {
    case 'mi': {
      // A name of several letters is a function or a word (`\log`, `\operatorname{softmax}`): it stands apart.
      const name = leafText(node).replace(INVISIBLE, '');
      return [...name].length > 1 && /^\p{L}+$/u.test(name) ? ` ${name} ` : name;
    }
    case 'mn':
    case 'mtext':
    case 'ms':
      return leafText(node).replace(INVISIBLE, '');
    case 'mo':
      return leafText(node).replace(INVISIBLE, '');
    case 'mspace':
      return ' ';
    case 'msup':
      return kids.length === 2 ? textOf(kids[0]!, draw) + script(textOf(kids[1]!, draw), 'sup', draw) : row(kids, draw);
    case 'msub':
      return kids.length === 2 ? textOf(kids[0]!, draw) + script(textOf(kids[1]!, draw), 'sub', draw) : row(kids, draw);
    case 'msubsup':
    case 'munderover':
      // A large operator with limits (∑, ∏, ∫) reads apart from what it applies to.
      return kids.length === 3 ? `${textOf(kids[0]!, draw) + script(textOf(kids[1]!, draw), 'sub', draw) + script(textOf(kids[2]!, draw), 'sup', draw)}${kids[0]!.tagName === 'mo' ? ' ' : ''}` : row(kids, draw);
    case 'munder':
    case 'mover':
      return kids.length === 2 ? overUnder(node, kids[0]!, kids[1]!, draw) : row(kids, draw);
    case 'mfrac':
      return kids.length === 2 ? `${group(textOf(kids[0]!, draw))}/${group(textOf(kids[1]!, draw))}` : row(kids, draw);
    case 'msqrt':
      return `√${group(row(kids, draw))}`;
    case 'mroot':
      return kids.length === 2 ? `${script(textOf(kids[1]!, draw), 'sup', draw)}√${group(textOf(kids[0]!, draw))}` : row(kids, draw);
    case 'mtable':
      return kids.map((k) => textOf(k, draw)).join('; ');
    case 'mtr':
      return kids.map((k) => textOf(k, draw)).join(', ');
    case 'annotation':
      return '';
    default:
      // mrow, mstyle, mpadded, mphantom (its space), menclose, mtd, semantics: their children in order.
      return kids.length > 0 || node.children.length === 0 ? row(kids, draw) : leafText(node);
  }
}

/**
 * A row of MathML elements: relations and binary operators get a space on each side (`E = mc²`), except an
 * operator that begins the row or follows another operator, which is a sign (`−x`, `a = −b`).
 */
function row(kids: Element[], draw: Drawable): string {
  let out = '';
  kids.forEach((kid, i) => {
    const text = textOf(kid, draw);
    const previous = kids[i - 1];
    const sign = !previous || (previous.tagName === 'mo' && !/^[)\]}|⟩]$/u.test(leafText(previous)));
    out += kid.tagName === 'mo' && SPACED_OPERATOR.test(text) && !sign ? ` ${text} ` : text;
  });
  return out;
}

/** `\hat x` → x̂ (an accent over a single character); `\overbrace`/`\underset` and the like → base and label. */
function overUnder(node: Element, base: Element, label: Element, draw: Drawable): string {
  const baseText = textOf(base, draw).trim();
  const labelText = leafText(label).trim();
  const accent = node.properties?.accent === 'true' || node.properties?.accentunder === 'true' || node.properties?.accent === true;
  if (accent) {
    const mark = COMBINING_ACCENT[labelText];
    return mark && [...baseText].length === 1 ? `${baseText}${mark}` : baseText;
  }
  return textOf(base, draw) + script(textOf(label, draw), node.tagName === 'mover' ? 'sup' : 'sub', draw);
}

/** A super- or subscript: Unicode forms when all exist, else `^x`, `^(x+1)`, `_i`, `_(ij)`. */
function script(text: string, kind: 'sup' | 'sub', draw: Drawable): string {
  const compact = text.replace(/\s+/g, '');
  if (!compact) return '';
  const forms = toScript(compact, kind, draw);
  if (forms !== undefined) return forms;
  return `${kind === 'sup' ? '^' : '_'}${group(compact)}`;
}

/**
 * Parenthesises a term that is more than one symbol at its top level (a space or an operator outside
 * brackets), so `a+b/2` does not misread `(a+b)/2`; `ℓ₁`, `ℓ_1`, `x^(n+1)` and `f(x)` stay as they are.
 */
function group(text: string): string {
  const t = text.trim();
  let depth = 0;
  for (const ch of t) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && (/\s/u.test(ch) || SPACED_OPERATOR.test(ch))) return `(${t})`;
  }
  return t;
}
