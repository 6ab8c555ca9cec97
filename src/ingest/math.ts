/**
 * Finds real math in running text: `$…$`, `$$…$$`, `\(…\)` and `\[…\]`.
 *
 * Dollar signs follow Pandoc's rule, which is what tells money from math: an opening `$` has a
 * non-space right after it, a closing `$` has a non-space right before it and no digit right
 * after it (unless the math opens with a TeX command: core/dollar-math.ts), and inline math holds
 * no other `$`. So "$5 and $10" stays text and `$O(n \log n)$` is math. An opening delimiter with
 * no valid closing one is plain text (and reported). Math whose `\` and `$` were stripped in the paste
 * ("ell_infty", "mathcal{O}(n)") is found in the text between (stripped-tex.ts) and restored as math.
 */
import { closesInlineDollar } from '../core/dollar-math.ts';
import { findStrippedMath } from './stripped-tex.ts';

export type Segment =
  | { kind: 'text'; value: string }
  | { kind: 'math'; value: string; display: boolean }
  /** Broken math, up to the next space: shown exactly as typed, so nothing is lost or misread. */
  | { kind: 'verbatim'; value: string };

export interface MathSplit {
  segments: Segment[];
  /** Math delimiters that open but never close, e.g. `$\frac{1}{2 is broken`. */
  unclosed: number;
}

const PAIRS: ReadonlyArray<{ open: string; close: string; display: boolean }> = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

export function splitMath(text: string): MathSplit {
  const segments: Segment[] = [];
  let unclosed = 0;
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '$') {
      plain += '\\$'; // an escaped dollar is text; the LaTeX stage unescapes it
      i += 2;
      continue;
    }
    if (ch !== '$' && ch !== '\\') {
      // Ordinary text up to the next `$` or backslash, copied as one piece rather than by character.
      const next = nextDelimiter(text, i);
      plain += text.slice(i, next);
      i = next;
      continue;
    }
    const pair = PAIRS.find((p) => text.startsWith(p.open, i));
    const end = pair ? findClose(text, i, pair.open, pair.close) : -1;
    if (pair && end < 0 && looksLikeBrokenMath(text, i, pair.open)) {
      unclosed++;
      pushText(segments, plain);
      plain = '';
      const stop = text.slice(i).search(/\s/);
      const value = stop < 0 ? text.slice(i) : text.slice(i, i + stop);
      segments.push({ kind: 'verbatim', value });
      i += value.length;
      continue;
    }
    if (!pair || end < 0 || !/[\p{L}\p{N}\\]/u.test(text.slice(i + pair.open.length, end))) {
      // No closing delimiter, or nothing math-like inside (`${'$'}` is template syntax): text.
      plain += pair?.open ?? ch;
      i += pair?.open.length ?? 1;
      continue;
    }
    pushText(segments, plain);
    plain = '';
    segments.push({ kind: 'math', value: text.slice(i + pair.open.length, end).trim(), display: pair.display });
    i = end + pair.close.length;
  }
  pushText(segments, plain);
  return { segments, unclosed };
}

/** Text between math: itself, or its pieces around math whose markup was stripped. */
function pushText(segments: Segment[], plain: string): void {
  if (plain) segments.push(...findStrippedMath(plain));
}

/** Index of the next `$` or backslash at or after `from`, or the text's length. */
function nextDelimiter(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '$' && text[i] !== '\\') i++;
  return i;
}

/** Index of the closing delimiter for math opened at `start`, or -1. */
function findClose(text: string, start: number, open: string, close: string): number {
  const from = start + open.length;
  if (open === '$') {
    if (!/\S/.test(text[from] ?? ' ')) return -1;
    for (let j = from; j < text.length; j++) {
      const ch = text[j];
      if (ch === '\\') {
        j++;
        continue;
      }
      if (ch !== '$') continue;
      return closesInlineDollar(text, from, j) ? j : -1;
    }
    return -1;
  }
  const end = text.indexOf(close, from);
  return end > from ? end : -1;
}

/** An unclosed `$` before a backslash or letter is broken math; before a digit it is money. */
function looksLikeBrokenMath(text: string, at: number, open: string): boolean {
  if (open !== '$') return true;
  return /^\$(?:\\[A-Za-z]|[A-Za-z]\b)/.test(text.slice(at, at + 3));
}
