/**
 * Math whose TeX markup was stripped in the paste: pages that drop `\` and `$` turn `$\ell_\infty$` into
 * "ell_infty", `$\mathcal{O}(1/\epsilon^4)$` into "mathcal{O}(1/epsilon^4)" and `\sigma\left(` into
 * "sigmaleft(". Read as words, those names reached derived titles ("Computing the Ell_infty Local
 * Lipschitz"), tags ("mathcal O") and search.
 *
 * A span is read as stripped math only where the reading is unambiguous. Its seed is a token holding a TeX
 * control-sequence name (KaTeX's own: a name is one when KaTeX does not answer "Undefined control sequence",
 * so the list is the typesetter's, never ours) that is
 *  1. glued to a short sub/superscript: `ell_infty`, `sum_j`, `epsilon^4`, `log_2` (a long one, `max_length`, is an identifier);
 *  2. glued to a brace or bracket after it, or to an operator or digit before it: `mathcal{O}`, `sqrt[3]{`,
 *     `hat{beta}`, `mathbb{R}^3`, `O(1/epsilon)`, `2pi`;
 *  3. glued names, not everyday English, before a script, bracket or digit: `sigmaleft(`; or a name taking an argument before digits: `frac12`;
 *  4. a name taking an argument, not everyday English, before a single letter or a brace: `mathcal O_i`, `mathbb R^n`;
 *  5. a name, not everyday English, that KaTeX reads as one symbol: `infty`, `varepsilon>0`, `leq`.
 * "Everyday English" is SUBTLEX-US (core/english/everyday.ts): a name that English writes ("left", "sum",
 * "log", "max", "det", "epsilon", "alpha") is math only when glued to math as in 1–3, never alone.
 *
 * The span runs from a seed over the tokens that read as math (single letters, numbers, operators, names,
 * scripts), kept past the last seed only while a bracket is open or a script follows. Restored (`\` before
 * each name), it becomes math when KaTeX typesets it; otherwise it stays text as typed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { isEnglishWord } from '../core/english/everyday.ts';
import { katexError } from './katex-verdict.ts';

export type StrippedSegment = { kind: 'text'; value: string } | { kind: 'math'; value: string; display: false };

interface ControlSequence {
  /** It needs an argument (`\mathcal`, `\sqrt`, `\frac`, `\left`). */
  argument: boolean;
  /** What it typesets to alone, as text (`\infty` → ∞, `\log` → log); '' for one that needs an argument. */
  reading: string;
}

/** TeX's debugging commands, which KaTeX carries out by writing to the console instead of typesetting. */
const DEBUGGING = new Set(['show', 'message', 'errmessage']);

const controlSequences = new Map<string, ControlSequence | null>();

/**
 * What KaTeX makes of `\name`: null when it is no control sequence KaTeX knows (names of one letter are
 * never asked: `\i`, `\L` are text accents and letters, not math). Cached per name.
 */
function controlSequence(name: string): ControlSequence | null {
  let known = controlSequences.get(name);
  if (known !== undefined) return known;
  known = null;
  if (name.length >= 2 && !DEBUGGING.has(name)) {
    try {
      const mathml = katex.renderToString(`\\${name}`, { throwOnError: true, output: 'mathml', strict: 'ignore' });
      known = { argument: false, reading: mathml.replace(/<annotation[^]*?<\/annotation>/, '').replace(/<[^>]*>/g, '').replace(/[\u2061-\u2064\s]/g, '') };
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (!/Undefined control sequence/.test(message)) known = { argument: /argument|Expected group/.test(message), reading: '' };
    }
  }
  controlSequences.set(name, known);
  return known;
}

let katexNames: ReadonlySet<string> | undefined;
/**
 * Whether KaTeX's bundle spells `\word` as a string literal (`"\\infty"`, `"\\mathcal"`: every symbol, function
 * and macro it defines; KaTeX has no API that lists them): a quick first test for a lone word, before SUBTLEX
 * and the per-name question to KaTeX (controlSequence). Its ~1,000 names are cheaper to ask than SUBTLEX's 74k
 * words (below, findStrippedMath).
 */
function inKatexBundle(word: string): boolean {
  if (!katexNames) {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('katex'), 'utf8');
    katexNames = new Set([...bundle.matchAll(/"\\\\([A-Za-z]+)"/g)].map((m) => m[1]!));
  }
  return katexNames.has(word);
}

const isName = (run: string) => controlSequence(run) !== null;
/** KaTeX typesets `\name` as one symbol (`\infty` → ∞, `\pi` → π), not as its letters (`\log`, `\th`). */
function readsAsSymbol(run: string): boolean {
  const reading = controlSequence(run)?.reading ?? '';
  return [...reading].length === 1 && reading !== run;
}
const everyday = (run: string) => isEnglishWord(run.toLowerCase());

/** Longest run cut into names: KaTeX's names are at most ~20 letters, and two or three are glued at most. */
const MAX_GLUED = 40;
const glued = new Map<string, string[] | null>();

/**
 * `run` cut into two or more control-sequence names of two letters or more (`sigmaleft` → sigma, left), or
 * undefined. Each cut asks KaTeX about a prefix (cached), so runs are bounded (MAX_GLUED).
 */
function gluedNames(run: string): string[] | undefined {
  if (run.length < 4 || run.length > MAX_GLUED) return undefined;
  let names = glued.get(run);
  if (names === undefined) {
    names = null;
    for (let cut = run.length - 2; cut >= 2 && !names; cut--) {
      const head = run.slice(0, cut);
      if (!isName(head)) continue;
      const tail = run.slice(cut);
      const rest = isName(tail) ? [tail] : gluedNames(tail);
      if (rest) names = [head, ...rest];
    }
    glued.set(run, names);
  }
  return names ?? undefined;
}

/** A short script after `_`/`^` at `at`: one letter or digit, a digit run, a brace group, or a name (`_infty`). */
function shortScript(token: string, at: number): boolean {
  const rest = token.slice(at);
  if (rest.startsWith('{')) return rest.includes('}');
  const m = /^(?:[A-Za-z]+|\d+)/.exec(rest);
  if (!m) return false;
  return m[0].length === 1 || /^\d+$/.test(m[0]) || isName(m[0]);
}

interface Run {
  text: string;
  start: number;
  /** The characters right before and after the run, '' at the token's ends. */
  prev: string;
  next: string;
  /** Inside a `_{…}` or `^{…}` group, where letters are indices (`W_{ij}`). */
  inScript: boolean;
}

function runsOf(token: string): Run[] {
  const runs: Run[] = [];
  const groups: boolean[] = [];
  let i = 0;
  while (i < token.length) {
    const ch = token[i]!;
    if (ch === '{') groups.push(token[i - 1] === '_' || token[i - 1] === '^');
    else if (ch === '}') groups.pop();
    if (/[A-Za-z]/.test(ch)) {
      let j = i + 1;
      while (j < token.length && /[A-Za-z]/.test(token[j]!)) j++;
      runs.push({ text: token.slice(i, j), start: i, prev: token[i - 1] ?? '', next: token[j] ?? '', inScript: groups.includes(true) });
      i = j;
      continue;
    }
    i++;
  }
  return runs;
}

/** What glues a letter run to math after it (`ell_`, `mathcal{`, `sigmaleft(`, `frac12`) and before it (`1/epsilon`, `2pi`). */
const GLUED_MATH = /^[_^{[(\d]$/;
const GLUED_BEFORE = /^[/*=<>+\d]$/;

/** Whether a letter run is a seed of stripped math (cases 1–3 and 5 of the module comment), within its token. */
function seedRun(token: string, run: Run, nextToken: string | undefined, abbreviated: boolean): boolean {
  if (run.text.length < 2 || run.inScript) return false;
  if ((run.next === '_' || run.next === '^') && shortScript(token, run.start + run.text.length + 1)) return isName(run.text);
  if (run.next === '{' || run.next === '[') return isName(run.text);
  // After an operator or digit only a symbol is math (`1/epsilon`, `2pi`); "4th" and "10min" are words.
  if (GLUED_BEFORE.test(run.prev)) return readsAsSymbol(run.text);
  // Alone or glued to digits and brackets, a name English writes is a word ("left", "sum", "log"): asked no further.
  if (everyday(run.text) || !/^[a-z]/.test(run.text)) return false;
  const name = controlSequence(run.text);
  if (!name) return GLUED_MATH.test(run.next) && gluedNames(run.text) !== undefined;
  if (/^\d$/.test(run.next)) return name.argument;
  if (name.argument) return run.next === '' && nextToken !== undefined && /^(?:[A-Za-z](?![A-Za-z])|\{)/.test(nextToken);
  return !abbreviated && run.text.length >= 3 && readsAsSymbol(run.text);
}

/** Whether a letter run reads as math inside a span: a variable, an index, or a name. */
function mathRun(run: Run): boolean {
  return run.text.length === 1 || run.inScript || restoredNames(run) !== undefined;
}

/** The names a letter run of a span stands for (`sigmaleft` → sigma, left), or undefined for letters that stay as they are. */
function restoredNames(run: Run): string[] | undefined {
  if (run.text.length < 2 || (run.text.length === 2 && !GLUED_MATH.test(run.next) && !GLUED_BEFORE.test(run.prev))) return undefined;
  return isName(run.text) ? [run.text] : gluedNames(run.text);
}

/** The TeX of a token of a span: a `\` before each name (`sigmaleft(` → `\sigma\left(`). */
function restore(token: string): string {
  let out = '';
  let last = 0;
  for (const run of runsOf(token)) {
    const names = restoredNames(run);
    if (!names) continue;
    out += token.slice(last, run.start) + names.map((n) => `\\${n}`).join('');
    last = run.start + run.text.length;
  }
  return out + token.slice(last);
}

const depthOf = (text: string) => (text.match(/[([{]/g)?.length ?? 0) - (text.match(/[)\]}]/g)?.length ?? 0);
/** Sentence punctuation after a token, never part of its math. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
/** Cheap tests that a token may hold a seed: letters glued to math, or one lowercase word KaTeX names and English does not write. */
const GLUED_LETTERS = /[A-Za-z]{2}[_^{[(\d]|[/*=<>+\d][A-Za-z]{2}/;
const LONE_WORD = /^[([{]*([a-z]{3,})[^A-Za-z]*$/;

/** A lowercase word that KaTeX names and English does not write (`infty`, `varepsilon`; not "left", "sum"). */
const namesOnlyMath = (word: string) => inKatexBundle(word) && !everyday(word);

/** mayBeSeed of a whole text, without cutting it into tokens (most texts hold no seed). */
function mayHoldSeed(text: string): boolean {
  if (GLUED_LETTERS.test(text)) return true;
  for (const [word] of text.matchAll(/(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])/g)) if (namesOnlyMath(word)) return true;
  return false;
}

/** Whether a token is worth reading for a seed (most are plain words). */
function mayBeSeed(token: string): boolean {
  if (GLUED_LETTERS.test(token)) return true;
  const word = LONE_WORD.exec(token)?.[1];
  return word !== undefined && namesOnlyMath(word);
}

/**
 * Splits running text (outside real math; `\` and `$` absent or already handled) into text and the spans of
 * stripped math restored as TeX (without `$`), each one KaTeX typesets. Text without any comes back as one
 * segment. Pure; never throws.
 *
 * Cost on the 10k bench abstracts (CPU, SUBTLEX loaded beforehand, load 4-6 on 2 cores): 3.9 s reading every
 * token; 2.6 s asking about seeds before the whole token; 1.1 s skipping tokens that fail mayBeSeed; 0.7 s
 * asking KaTeX's names before SUBTLEX; 0.45 s skipping texts that fail mayHoldSeed.
 */
export function findStrippedMath(text: string): StrippedSegment[] {
  if (!mayHoldSeed(text)) return [{ kind: 'text', value: text }];
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ value: m[0], start: m.index }));
  const values = tokens.map((t) => t.value);
  const segments: StrippedSegment[] = [];
  let done = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!mayBeSeed(values[i]!)) continue;
    const span = spanAt(values, i);
    if (!span) continue;
    const first = tokens[i]!;
    const lastToken = tokens[span.end - 1]!;
    const from = first.start + span.lead;
    const to = lastToken.start + lastToken.value.length - span.trail;
    const tex = restore(text.slice(from, to));
    if (katexError(tex) !== null) continue;
    if (from > done) segments.push({ kind: 'text', value: text.slice(done, from) });
    segments.push({ kind: 'math', value: tex, display: false });
    done = to;
    i = span.end - 1;
  }
  if (done < text.length) segments.push({ kind: 'text', value: text.slice(done) });
  return segments.length ? segments : [{ kind: 'text', value: text }];
}

/**
 * Bounds that keep the search linear on pathological text (a table of numbers after a seed, one huge token):
 * the longest stripped formula of the 10k bench corpus is 11 tokens and its longest token 23 characters.
 */
const MAX_TOKEN = 120;
const MAX_SPAN = 40;
/** A token too long to read (MAX_TOKEN), or holding the markup (`\`, `$`) a stripped paste has lost: never stripped math. */
const neverMath = (token: string) => token.length > MAX_TOKEN || /[\\$]/.test(token);
/** Addresses and paths (`github.com/a/models`) hold names by accident: never math. */
const ADDRESS = /:\/\/|www\.|@|\/.*\//;
/** A prose word hyphened to math ends it: "ell_infty-norm", "ell_1-based". */
const HYPHENED_WORD = /-[A-Za-z][A-Za-z-]*$/;

/**
 * The length of a token's math, from its start: the token without its sentence punctuation when every letter run
 * reads as math, else the part before a hyphened word ("ell_1-based"), else 0. `whole` says whether the token
 * continues into a further token of math (it does not end a sentence or in a hyphened word).
 */
function mathPart(token: string): { length: number; whole: boolean } {
  if (neverMath(token) || ADDRESS.test(token)) return { length: 0, whole: false };
  const core = token.replace(TRAILING_PUNCTUATION, '');
  if (core && runsOf(core).every(mathRun)) return { length: core.length, whole: core.length === token.length };
  const hyphened = HYPHENED_WORD.exec(core);
  const head = hyphened ? core.slice(0, hyphened.index) : '';
  return head && runsOf(head).every(mathRun) ? { length: head.length, whole: false } : { length: 0, whole: false };
}

/**
 * The span of stripped math that starts at token `i`, if token i holds a seed: its end (exclusive), and how
 * many characters to leave out at its start (unbalanced openers) and end (punctuation, a hyphened word, unbalanced closers).
 */
function spanAt(tokens: readonly string[], i: number): { end: number; lead: number; trail: number } | undefined {
  const parts = new Map<number, { length: number; whole: boolean }>();
  const part = (k: number) => parts.get(k) ?? parts.set(k, mathPart(tokens[k]!)).get(k)!;
  const isSeed = (k: number) => {
    const token = tokens[k]!;
    // An abbreviation's period ("approx. 5") is followed by more of the sentence; a sentence's, by a capital.
    const abbreviated = token.endsWith('.') && tokens[k + 1] !== undefined && !/^[A-Z]/.test(tokens[k + 1]!);
    const seeded = (text: string) => runsOf(text).some((r) => seedRun(text, r, tokens[k + 1], abbreviated));
    // Seeds first: they ask KaTeX about few words; whether the whole token reads as math asks about all of its.
    if (neverMath(token) || !seeded(token.replace(TRAILING_PUNCTUATION, ''))) return false;
    const math = token.slice(0, part(k).length);
    return math !== '' && seeded(math);
  };
  if (!isSeed(i)) return undefined;
  // Grow over whole tokens that read as math; a token ending a sentence or in a hyphened word ends the span.
  let end = i + 1;
  while (end < tokens.length && end - i < MAX_SPAN && part(end - 1).whole && part(end).length > 0) end++;
  // Trim what follows the last seed unless a bracket is still open, it is the argument of a name, or it holds a script.
  const takesArgument = (k: number) => controlSequence(tokens[k]!.replace(/^[([{]+/, ''))?.argument === true;
  let lastSeed = i;
  for (let k = i + 1; k < end; k++) if (isSeed(k)) lastSeed = k;
  while (end - 1 > lastSeed) {
    const k = end - 1;
    const open = depthOf(tokens.slice(i, k).join(' ')) > 0;
    if (open || takesArgument(k - 1) || /[_^{}]/.test(tokens[k]!)) break;
    end--;
  }
  const joined = tokens.slice(i, end).join(' ');
  const last = tokens[end - 1]!;
  let trail = last.length - part(end - 1).length;
  let lead = 0;
  let depth = depthOf(joined.slice(0, joined.length - trail));
  // A closer that no opener of the span matches belongs to the prose around it: "(… varepsilon^{-1})".
  while (depth < 0 && /[)\]}]$/.test(last.slice(0, last.length - trail))) {
    trail++;
    depth++;
  }
  while (depth > 0 && /^[([{]/.test(joined.slice(lead))) {
    lead++;
    depth--;
  }
  return joined.length - lead - trail > 0 ? { end, lead, trail } : undefined;
}
