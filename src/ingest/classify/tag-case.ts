/**
 * Tag names in the case the list writes them: "BERT", "ChatGPT", "Gaussian processes", "Wnt
 * signaling", "Escherichia coli" instead of the lowercase keys the tagger counts ("bert",
 * "chatgpt"). A word takes the form its papers' abstracts give it where no sentence start forces
 * a capital; titles are left out, since Title Case capitalizes every word.
 *
 * - A form with a capital after its first letter ("BERT", "ChatGPT", "mRNA", "LLaMA") is the word's
 *   spelling when it is the most common form, more than half of the word's counted uses.
 * - A form with only its first letter capital ("Gaussian", "Usher", "Arabic") is a proper name or
 *   adjective when nearly every counted use has it (PROPER_SHARE) and at least PROPER_USES do. A
 *   capital inside a run of three or more capitalized words is not counted either way: that is a
 *   name being defined ("Large Language Models (LLMs)") or a heading, not the word's spelling
 *   (an acronym in a list, "BERT, RoBERTa, XLNet", still counts).
 * - A part of a hyphenated name after a capitalized part keeps the capital the name is written with
 *   ("Weisfeiler-Lehman test", "Navier-Stokes equations") when nearly every use of the hyphenated word
 *   has it (PROPER_SHARE), definitions and headings included: after a part that is a name by the rules
 *   above, a capital says the part is one too, where alone it is often written only in "Weisfeiler-Lehman
 *   (WL)" or a heading. A name whose first part is a common word ("Self-Supervised Learning (SSL)") is
 *   untouched: its first part stays lowercase, so "self-supervised learning" keeps every part lowercase.
 *
 * A word is counted in the abstracts of the papers that carry a tag with it. Slugs are unaffected
 * (core/slug.ts lowercases), and eval compares tags case-insensitively (tag F1 unchanged). The case
 * is chosen once per tag name for the whole list, so every paper shows the same spelling.
 * Hand-written: the term extractor lowercases wink-nlp's tokens, and no library keeps a word's
 * preferred case across a corpus.
 *
 * Cost (CPU, load 7): 0.13-0.17 s for 10,540 abstracts (the seeds twenty times), 0.30-0.34 s for
 * 14,000 (the real dumps, whose species and gene names call the capital-run checks more often).
 * Counting over every paper of the list instead of a tag's own papers (a tokenizing pass over all
 * words) cost 0.35-0.7 s; it spared a few capitals the own papers give ("Extragradient methods",
 * "beam tree recursive Cell" on the seeds, from "Proximal Point, Extragradient, and Optimistic
 * Gradient" and "Beam Tree Recursive Cell (BT-Cell)").
 * Counting hyphenated words' parts and the capitals around capitalized pairs added 25-35 ms to the 10,540
 * (138 -> 173 and 151 -> 176 ms, medians of 7 interleaved, two runs at load 10).
 */

import { writtenInTitleCase } from '../../core/english/title-case.ts';
import { isWordChar } from './tokenize.ts';

/** Share of a word's counted uses that must be capitalized for an initial capital to be its spelling. */
const PROPER_SHARE = 0.9;
/**
 * Fewest capitalized uses for an initial capital. One: a species or a place is often written once in
 * an abstract ("Saccharomyces cerevisiae", "von Willebrand factor", "United States"), and a
 * definition's capitals are not counted (definedHere).
 */
const PROPER_USES = 1;
/** A capitalized run this long (in words) is a definition or heading: its capitals are not counted. */
const TITLE_RUN = 3;

const WORD = /[\p{L}\p{N}]+/gu;
/** A hyphenated word: "weisfeiler-lehman". */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/** How a hyphenated word is written: its uses, and per part after the first (index 1 on) its capitalized forms. */
interface HyphenatedForms {
  uses: number;
  capitals: Map<string, number>[];
}

/**
 * Display names for the tags of each paper (`tags[d]`, lowercase names) from the case their papers'
 * abstracts (`texts[d]`) give their words: each word counted in the papers that carry the tag. A name
 * whose words all stay lowercase maps to itself. Pure.
 */
export function writtenCase(texts: readonly string[], tags: readonly (readonly string[])[]): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  const counted = new Map<string, number>();
  const wordsOf = new Map<string, string[]>();
  const words = new Set<string>();
  const hyphenatedOf = new Map<string, string[]>();
  const hyphenated = new Set<string>();
  const hyphenatedForms = new Map<string, HyphenatedForms>();
  tags.forEach((names, d) => {
    words.clear();
    hyphenated.clear();
    for (const name of names) {
      let ws = wordsOf.get(name);
      if (!ws) wordsOf.set(name, (ws = (name.match(WORD) ?? []).filter((w) => w === w.toLowerCase())));
      for (const w of ws) words.add(w);
      let hs = hyphenatedOf.get(name);
      if (!hs) hyphenatedOf.set(name, (hs = name.toLowerCase().match(HYPHENATED) ?? []));
      for (const h of hs) hyphenated.add(h);
    }
    if (!words.size && !hyphenated.size) return;
    const text = texts[d] ?? '';
    const lower = text.toLowerCase();
    // Lowercasing changed some offsets (a rare letter such as "İ"): the paper's uses are not counted.
    if (lower.length !== text.length) return;
    if (words.size) countForms(text, lower, words, forms, counted);
    if (hyphenated.size) countHyphenated(text, lower, hyphenated, hyphenatedForms);
  });
  const spelling = new Map<string, string>();
  for (const [word, byForm] of forms) {
    const total = counted.get(word) ?? 0;
    const [best, bestCount] = mostCommon(byForm);
    const inner = UPPER.test(best.slice(1));
    if (inner ? bestCount * 2 > total : bestCount >= PROPER_USES && bestCount >= PROPER_SHARE * total) spelling.set(word, best);
  }
  const out = new Map<string, string>();
  const mixed = new Set<string>();
  for (const name of new Set(tags.flat())) {
    let shown = spelling.size ? name.replace(WORD, (w) => spelling.get(w) ?? w) : name;
    if (hyphenatedForms.size) shown = shown.replace(HYPHENATED, (h) => hyphenatedCase(h, hyphenatedForms.get(h.toLowerCase())));
    out.set(name, shown);
    if (shown !== name && name.includes(' ')) mixed.add(name);
  }
  if (mixed.size) tags.forEach((names, d) => names.forEach((name) => mixed.has(name) && out.set(name, capitalizedPairs(out.get(name)!, texts[d] ?? ''))));
  return out;
}

/**
 * The text whose capitals say how a paper writes its words: the abstract, after the title when the
 * title is in sentence case ("La recepción del darwinismo en España durante la segunda mitad del siglo
 * XIX", "The periodic table before Mendeleev: classification of chemical elements"), where a capital
 * is a spelling; a roman numeral, an acronym or a name may be written there only. A title in Title
 * Case (writtenInTitleCase) capitalizes every word, so an English one (`english`: or of no known language)
 * says nothing and is left out; Title Case is an English convention, and a German title capitalizes its
 * nouns only ("Die Verhältnismäßigkeitsprüfung in der Rechtsprechung des Bundesverfassungsgerichts").
 * The title ends in a line break, so the abstract's first word opens a sentence.
 */
export function casedText(title: string, abstract: string, english: boolean): string {
  return english && writtenInTitleCase(title) ? abstract : `${title}\n${abstract}`;
}

/** The most common of `byForm`'s forms and its count; of equally common ones, the first in code-point order. */
function mostCommon(byForm: ReadonlyMap<string, number>): [string, number] {
  let best = '';
  let bestCount = 0;
  for (const [form, count] of byForm) if (count > bestCount || (count === bestCount && form < best)) [best, bestCount] = [form, count];
  return [best, bestCount];
}

/**
 * The hyphenated word `shown` (as the name shows it so far) with each lowercase part after a capitalized one
 * capitalized as its uses write it, when nearly every use does (see the module's docstring).
 */
function hyphenatedCase(shown: string, forms: HyphenatedForms | undefined): string {
  if (!forms) return shown;
  const parts = shown.split('-');
  for (let i = 1; i < parts.length; i++) {
    const byForm = forms.capitals[i];
    if (!byForm || !UPPER.test(parts[i - 1]!.charAt(0)) || parts[i] !== parts[i]!.toLowerCase()) continue;
    const [best, count] = mostCommon(byForm);
    if (count >= PROPER_USES && count >= PROPER_SHARE * forms.uses) parts[i] = best;
  }
  return parts.join('-');
}

/**
 * Calls `use` with the start and end of every use of the lowercase `word` in `lower` (a text lowercased
 * without changing its length) that is a whole word. Found with indexOf, not by tokenizing: a
 * regular-expression pass over every word of 10k abstracts cost 0.3 s CPU.
 */
function forEachUse(lower: string, word: string, use: (at: number, end: number) => void): void {
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
    const end = at + word.length;
    if ((at > 0 && isWordChar(lower, at - 1)) || (end < lower.length && isWordChar(lower, end))) continue;
    use(at, end);
  }
}

/**
 * Counts, per hyphenated word of `hyphenated` (lowercase), its uses in `text` (`lower` lowercased) and, per
 * part after the first, the forms with an initial capital among them (`forms`). A sentence start does not
 * matter here: it capitalizes the first part only.
 */
function countHyphenated(text: string, lower: string, hyphenated: ReadonlySet<string>, forms: Map<string, HyphenatedForms>): void {
  for (const word of hyphenated) {
    forEachUse(lower, word, (at, end) => {
      let counts = forms.get(word);
      if (!counts) forms.set(word, (counts = { uses: 0, capitals: [] }));
      counts.uses++;
      text.slice(at, end).split('-').forEach((part, i) => {
        if (i === 0 || !UPPER.test(part.charAt(0))) return;
        const byForm = (counts.capitals[i] ??= new Map<string, number>());
        byForm.set(part, (byForm.get(part) ?? 0) + 1);
      });
    });
  }
}

/**
 * A name's lowercase word after a capitalized one, capitalized when the paper writes the pair so more
 * often than with the word lowercase: "southeastern United States", where "states" alone is an
 * everyday lowercase word. A capitalized pair inside a run of capitalized words that reaches past the
 * name's own words is not counted: those capitals are a longer name's ("Subgraph Weisfeiler-Lehman Tests
 * (SWL)" says nothing of "Weisfeiler-Lehman test"). Applied per paper carrying the name, in list order, so
 * a pair one paper writes capitalized stays so.
 */
function capitalizedPairs(shown: string, text: string): string {
  const words = shown.split(' ');
  // Uses of `s`; with `withinName`, only those whose run of capitals holds at most `before` words before it and `after` after it.
  const count = (s: string, withinName?: { before: number; after: number }) => {
    let n = 0;
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) {
      const end = at + s.length;
      if (!withinName) n++;
      else if (wordsIn(capsBefore(text, at)) <= withinName.before && wordsIn(capsAfter(text, end)) <= withinName.after) n++;
    }
    return n;
  };
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    const capital = b.charAt(0).toUpperCase() + b.slice(1);
    if (UPPER.test(a) && b === b.toLowerCase() && count(`${a} ${capital}`, { before: i, after: words.length - i - 2 }) > count(`${a} ${b}`)) words[i + 1] = capital;
  }
  // A name's first word that the paper writes only opening a sentence ("Justus von Liebig's laboratory…"),
  // where its capital is not counted, takes it when the name ends in a surname's shape (a capital, then
  // lowercase letters): a full name. An acronym there is no surname ("subgraph GNNs", "explainable AI").
  const first = words[0]!;
  if (words.length > 1 && first === first.toLowerCase() && SURNAME.test(words[words.length - 1]!)) {
    const rest = words.slice(1).join(' ');
    const capital = first.charAt(0).toUpperCase() + first.slice(1);
    if (count(`${capital} ${rest}`) > 0 && count(`${first} ${rest}`) === 0) words[0] = capital;
  }
  return words.join(' ');
}

/**
 * Counts, per word of `words`, its uses in `text` (`lower` lowercased) not opening a sentence (`counted`)
 * and the capitalized forms among them (`forms`).
 */
function countForms(text: string, lower: string, words: ReadonlySet<string>, forms: Map<string, Map<string, number>>, counted: Map<string, number>): void {
  for (const word of words) {
    forEachUse(lower, word, (at, end) => {
      const form = text.slice(at, end);
      const upper = form !== word;
      // A sentence (or a labelled section, "RESULTS:") opens here: its capital says nothing.
      if (upper && /(?:^|[.!?:\n])[\s"'“‘([]*$/u.test(text.slice(Math.max(0, at - 6), at))) return;
      if (upper && !UPPER.test(form.slice(1)) && (capitalRun(text, at, end) >= TITLE_RUN || definedHere(text, end))) return;
      counted.set(word, (counted.get(word) ?? 0) + 1);
      if (!upper) return;
      const byForm = forms.get(word) ?? new Map<string, number>();
      byForm.set(form, (byForm.get(form) ?? 0) + 1);
      forms.set(word, byForm);
    });
  }
}

const UPPER = /\p{Lu}/u;
/** A word in a surname's shape: "Liebig", "Mendeleev". */
const SURNAME = /^\p{Lu}\p{Ll}+$/u;
/** Capitalized words (hyphenated ones whole: "Cross-scale") right before and after a word, spaces between. */
const CAPS_BEFORE = /(?:\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*\s+)+$/u;
const CAPS_AFTER = /^(?:\s+\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)+/u;
/** The rest of a hyphenated word before and after a part of it. */
const PARTS_BEFORE = /(?:[\p{L}\p{N}]+-)+$/u;
const PARTS_AFTER = /^(?:-[\p{L}\p{N}]+)+/u;
/** The capitalized words right before `at` (right after `end`) in `text`, looked for within 120 characters. */
const capsBefore = (text: string, at: number) => CAPS_BEFORE.exec(text.slice(Math.max(0, at - 120), at))?.[0] ?? '';
const capsAfter = (text: string, end: number) => CAPS_AFTER.exec(text.slice(end, end + 120))?.[0] ?? '';
const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Length in words of the run of capitalized words around the word text[start, end), a hyphenated word counting once. */
function capitalRun(text: string, start: number, end: number): number {
  const from = start - (PARTS_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[0].length ?? 0);
  const to = end + (PARTS_AFTER.exec(text.slice(end, end + 60))?.[0].length ?? 0);
  return 1 + wordsIn(capsBefore(text, from)) + wordsIn(capsAfter(text, to));
}

/** The capitalized run ending the word at `end` stands right before a bracket: a name being defined ("Reinforcement Learning (RL)"). */
function definedHere(text: string, end: number): boolean {
  const to = end + (PARTS_AFTER.exec(text.slice(end, end + 60))?.[0].length ?? 0);
  const after = capsAfter(text, to);
  return /^\s*\(/.test(text.slice(to + after.length, to + after.length + 3));
}
