/**
 * Search words, shared by both search engines: the Pagefind index is fed text prepared by
 * `searchableText`, and the offline index (src/publish/offline-search.ts) cuts the same text into
 * the same words as Pagefind 1.6 does, so a query finds the same papers in both.
 *
 * Pagefind's rules followed here (read in its source: pagefind/src/fossick/mod.rs for indexing,
 * pagefind_web_js/lib/coupled_search.ts for queries):
 * - text is cut at whitespace; a word keeps its letters, digits and `INCLUDE_CHARACTERS`,
 *   lowercased, and is stemmed with Snowball English (Porter2);
 * - a word with punctuation inside (`GPT-4`, `k-NN`) is also indexed as its parts of two or more
 *   characters, each with the word's weight divided by the number of parts;
 * - a query loses its punctuation (`gpt-4` → `gpt4`), is cut at spaces, and each stemmed term
 *   matches every indexed word it is a prefix of.
 * What Pagefind leaves to us, `searchableText` does before either engine sees the text: NFKC
 * (ligatures, full-width letters), dashes between letters made hyphens (so `Kullback–Leibler`
 * splits like `Kullback-Leibler`), and Chinese, Japanese and Thai cut into words with
 * `Intl.Segmenter`, which Pagefind does only for a page whose whole index is in that language.
 */
import stemEnglish from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import { QUERY_STOP_WORDS } from './english/query-stop-words.ts';

/** Kept inside words, so `C++`, `C#` and `F#` are words of their own (Pagefind's `includeCharacters`). */
export const INCLUDE_CHARACTERS = '+#';

/** Pagefind's weight unit: a body word weighs 24, a word of an `<h1>` 7 × 24 (its auto weights). */
export const WEIGHT_UNIT = 24;
export const TITLE_WEIGHT = 7 * WEIGHT_UNIT;

const DASH_BETWEEN_LETTERS = /(?<=[\p{L}\p{N}])[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D](?=[\p{L}\p{N}])/gu;
/** Scripts written without spaces between words; the prolonged sound mark and iteration marks belong to the run. */
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u30FC\u3005]+/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const THAI = /\p{Script=Thai}/u;
const WORD_CHARACTER = /[\p{Alphabetic}\p{N}]/u;
/** What a query drops, as indexed words hold none of it (keepWordCharacters): punctuation and symbols (`$`, `^`, `_`, `=`), but INCLUDE_CHARACTERS. */
const QUERY_PUNCTUATION = /[\p{P}\p{S}]/gu;

const segmenters = new Map<string, Intl.Segmenter>();
function segmentRun(run: string): string {
  const locale = KANA.test(run) ? 'ja' : THAI.test(run) ? 'th' : 'zh';
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return ` ${Array.from(segmenter.segment(run), (s) => s.segment).join(' ')} `;
}

/**
 * Text as both engines index it and as queries are read: NFKC, soft hyphens gone, dashes between
 * letters made `-`, and runs of Chinese, Japanese or Thai cut into space-separated words.
 */
export function searchableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00AD/g, '')
    .replace(DASH_BETWEEN_LETTERS, '-')
    .replace(UNSPACED_RUN, segmentRun)
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const stems = new Map<string, string>();
/**
 * Porter2 (Snowball English), as Pagefind stems an English index, after folding diacritics, as
 * Pagefind 1.5+ keys its words (`poincaré` is found as `poincare`). Cached: a build stems the
 * same few thousand words over and over.
 */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemEnglish(/[^\x00-\x7f]/.test(word) ? word.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC') : word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

function keepWordCharacters(word: string): string {
  let out = '';
  for (const ch of word) if (WORD_CHARACTER.test(ch) || INCLUDE_CHARACTERS.includes(ch)) out += ch;
  return out.toLowerCase();
}

/** A compound word's parts as Pagefind's `get_discrete_words` finds them: at ASCII punctuation and case changes. */
function compoundParts(word: string): string[] {
  return word
    .replace(/[!-/:-@[-`{-~]/g, ' ')
    .replace(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

const UTF8 = new TextEncoder();
/** Length in UTF-8 bytes, as Pagefind (Rust) measures words. */
export const utf8Bytes = (s: string): number => UTF8.encode(s).length;

/**
 * Calls `add(word, weight, firstPart, isPart)` for every word Pagefind indexes in `text` (stemmed;
 * weights in `WEIGHT_UNIT`s) and returns how many words the text counts, which is Pagefind's page
 * length. `firstPart` is given for a compound word (`graph-based` → `graphbas`) whose first part
 * (`graph`) begins it: a term that begins both finds them at one position, and Pagefind then counts
 * that position once, for the part. `text` must come from `searchableText`.
 */
export function indexWords(text: string, weight: number, add: (word: string, weight: number, firstPart?: string, isPart?: boolean) => void): number {
  let count = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    count++;
    const { whole, first, parts, compoundLength } = wordAnalysis(word);
    if (whole !== undefined) add(whole, weight, first);
    const partWeight = Math.max(1, Math.floor(weight / compoundLength));
    for (const part of parts) add(part, partWeight, undefined, true);
  }
  return count;
}

/** What indexWords makes of one word, whatever its weight: the stem of the whole word, its `firstPart`, and its parts' stems. */
interface WordAnalysis {
  whole: string | undefined;
  first: string | undefined;
  parts: string[];
  compoundLength: number;
}

const analyses = new Map<string, WordAnalysis>();
/**
 * Cached as `stem` is: an index reads the same words in thousands of documents, and cutting each again
 * (character classes, compound parts) was most of the offline index's time (10k papers: indexWords 1.06 s
 * of buildOfflineSearch's 2.0 s, profile).
 */
function wordAnalysis(word: string): WordAnalysis {
  let analysis = analyses.get(word);
  if (analysis) return analysis;
  const normalized = keepWordCharacters(word);
  const compound = normalized && /[^\p{Alphabetic}\p{N}]/u.test(word) ? compoundParts(word) : [];
  const split = compound.length >= 2 || (compound.length === 1 && !normalized.startsWith(compound[0]!));
  // Parts that still hold punctuation (curly quotes) never match a query, whose punctuation is dropped.
  const parts = split ? compound.filter((part) => utf8Bytes(part) > 1 && keepWordCharacters(part) === part) : [];
  let whole: string | undefined;
  let first: string | undefined;
  if (normalized) {
    whole = stem(normalized);
    const firstStem = parts[0] !== undefined && parts[0] === compound[0] ? stem(parts[0]) : undefined;
    first = firstStem !== undefined && firstStem !== whole && whole.startsWith(firstStem) ? firstStem : undefined;
  }
  analysis = { whole, first, parts: parts.map(stem), compoundLength: compound.length };
  if (analyses.size < 200_000) analyses.set(word, analysis);
  return analysis;
}

export interface QueryTerm {
  /** The term as it goes to Pagefind (which stems it itself). */
  text: string;
  /** Its stem, matched as a prefix of indexed words. */
  stem: string;
}

/**
 * The terms of a query, as both engines search them: Pagefind's query normalisation (punctuation
 * dropped, so `GPT-4` is `gpt4`), then stop words and single Latin letters left out, unless
 * nothing else is left.
 */
export function queryTerms(query: string): QueryTerm[] {
  const words = searchableText(query)
    .replace(QUERY_PUNCTUATION, (ch) => (INCLUDE_CHARACTERS.includes(ch) ? ch : ''))
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && !/^[+#]+$/.test(w));
  const meaningful = words.filter((w) => !QUERY_STOP_WORDS.has(w) && !/^[a-z0-9]$/.test(w));
  return [...new Set(meaningful.length > 0 ? meaningful : words)].map((text) => ({ text, stem: stem(text) }));
}

/**
 * Which of `terms` begin a word of `text` (the set of their indexes). The rule both engines
 * apply to every result is that all do: the offline index finds only such papers, and Pagefind's
 * answers are checked with this, since Pagefind alone also answers a term it cannot find with
 * pages holding the term's longest indexed prefix (its issues #599, #793).
 * Stems only the words that could match: a Porter2 stem keeps all but at most the last two
 * letters of its word (`studies` → `studi`, `relational` → `relat`), so a word not containing a
 * term's stem less two letters cannot match it. Stemming every word of 20 excerpts cost
 * ~400 ms before the first results showed (Chromium, 540 papers).
 */
export function findTerms(text: string, terms: readonly QueryTerm[], found = new Set<number>()): Set<number> {
  const cores = terms.map((t) => Array.from(t.stem).slice(0, Math.max(1, Array.from(t.stem).length - 2)).join(''));
  for (const word of text.split(/\s+/)) {
    if (found.size === terms.length) break;
    const folded = word.normalize('NFKC').toLowerCase();
    // Joined as Pagefind joins a compound (`fine-tuning` → `finetuning`), which holds its parts too.
    // Composed again after folding, as `stem` does: keepWordCharacters drops combining marks, so a
    // decomposed й, ά or Hangul syllable would no longer hold the term's core.
    const plain = keepWordCharacters(/[^\x00-\x7f]/.test(folded) ? folded.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC') : folded);
    if (!cores.some((core, i) => !found.has(i) && plain.includes(core))) continue;
    indexWords(searchableText(word), WEIGHT_UNIT, (indexed) => terms.forEach((t, i) => void (indexed.startsWith(t.stem) && found.add(i))));
  }
  return found;
}

/** The index shard a word lives in: its first two characters (one, outside a–z and 0–9), as a safe file-name part. */
export function shardOf(word: string): string {
  const first = Array.from(word)[0] ?? '';
  const key = /^[a-z0-9]/.test(first) ? word.slice(0, 2) : first;
  return Array.from(key)
    .map((ch) => (/[a-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(36)}`))
    .join('');
}
