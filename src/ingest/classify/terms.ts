/**
 * Automatic term extraction: the domain terms of a reading list, as candidates for tags.
 *
 * - Candidates are noun phrases found by a part-of-speech tagger (wink-nlp with
 *   wink-eng-lite-web-model, ~95 % accurate on WSJ): runs of adjectives and nouns ending in a noun,
 *   "of" allowed inside ("mixture of experts") — the linguistic filter of Justeson & Katz (1995) and
 *   Frantzi et al. (2000). Abstracts in another language (franc-min) get runs of words between that
 *   language's function words (stopwords-iso) instead, so no candidate starts or ends in one.
 * - Termhood is the C-value (Frantzi, Ananiadou & Mima 2000): frequent, and not merely a piece of a
 *   longer term. See termhood.ts.
 * - A function word that always comes before a word is part of the term ("in vitro fertilization",
 *   "de novo"), so the term is never cut in half.
 * - Sentences repeated word for word in several abstracts are publisher boilerplate ("Financial
 *   disclosure: proprietary or commercial disclosure may be found after the references") and give no terms.
 *
 * Cost at 10,000 papers (make-corpus.mjs), 2 cores shared with other jobs (load 10-17): term
 * extraction 3.5 s, most of it wink-nlp tagging; counting on a trie of word ids replaced string keys
 * and Maps that cost about 2.8 times the tagging. The whole classify stage measured 9.2-10.2 s
 * (14.3 s before the trie, 1.6 s before this module, measured less loaded).
 */
import { ARTICLES, TERM_STOPWORDS } from '../../core/english/function-words.ts';
import { functionWords, languageOf } from '../../core/english/everyday.ts';
import { countTerms, Pos, type Stream, type TermTable, type Word } from './termhood.ts';
import { definedAcronyms } from './tokenize.ts';
import { paperLanguage, titleRepeatsAbstract, type PaperText } from './corpus.ts';
import { tagSentences, tagText, type SentenceTags, type TaggedText } from '../english-tagger.ts';
import { expandShortForms } from './short-forms.ts';
import { isPlural } from '../../core/english/inflection.ts';
import { HASH_SEED, hashChar } from '../../core/fnv.ts';
import { lowercaseTitleCase } from '../../core/english/title-case.ts';

export type { TermTable } from './termhood.ts';

/**
 * Words of an English text, tagged by wink-nlp, hyphenated words joined back ("self-supervised").
 * `symbols`, when given, receives the words written as symbols (see symbolShaped), as written.
 */
export function englishWords(text: string, symbols?: string[]): Stream {
  return wordsOf(tagText(text), symbols);
}

/**
 * The possessive "'s" at `i` follows a name of two proper nouns or more ("Robert Boyle", "Justus von
 * Liebig": a short lowercase particle may stand between them). Not when the first opens a sentence
 * without a particle after it, where the tagger reads any capitalised word as a proper noun ("Early
 * Alzheimer's disease").
 */
function possessorIsFullName(texts: readonly string[], tags: readonly string[], i: number): boolean {
  if (i < 2 || tags[i - 1] !== 'PROPN') return false;
  let j = i - 2;
  while (j > 0 && NAME_PARTICLE.test(texts[j]!)) j--;
  if (tags[j] !== 'PROPN' || !/^\p{Lu}/u.test(texts[j]!)) return false;
  // A particle between them ("von") shows a name wherever it stands.
  return j < i - 2 || (j > 0 && !/^[.!?]$/.test(texts[j - 1]!));
}
/** "von", "van", "de", "du", "da", "del", "der", "la", "le", "di", "ten": lowercase, at most three letters, between a given name and a surname. */
const NAME_PARTICLE = /^\p{Ll}{1,3}$/u;

/** englishWords of a text already tagged. */
function wordsOf({ texts, pos: tags, spaces, types }: TaggedText, symbols?: string[]): Stream {
  const out: Word[] = [];
  // Index in `out` of the last word written as a symbol: "MALDI" "-" "TOF" is glued into one.
  let symbolAt = -1;
  // Index in `out` of a word that starts with a letter the tokenizer does not know (see `piece`).
  let pieceAt = -1;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    const type = types[i]!;
    const prev = out[out.length - 1];
    // A possessive's "'s" leaves its word as it is: glued on, it made "alzheimer's" and "detection's"
    // a break, so "Alzheimer's disease" and "community detection's survey" lost their terms; without
    // it the term reads as MeSH writes eponyms ("alzheimer disease").
    // A person's or body's full name is the possessor, not an eponym ("Robert Boyle's air pump", "Justus
    // von Liebig's laboratory", "the Royal Society's journal"): an eponymous term takes the surname
    // alone ("Alzheimer's disease"). The 's breaks the phrase there, leaving "robert boyle" and "air
    // pump"; glued, "robert boyle air" and "boyle air" were tags of the law and history probe list.
    if (t === "'s" || t === '’s') {
      if (possessorIsFullName(texts, tags, i)) out.push({ text: t, pos: Pos.Break });
      continue;
    }
    // Two names joined by an en dash before the noun they name are one ("Navier–Stokes equations",
    // TeX's "Navier--Stokes"): read as a break, "Navier" was a tag. Without a noun after them the pair
    // is two people, or a name cut off ("Vapnik–Chervonenkis (VC) dimension" made "Vapnik chervonenkis"
    // a tag and cost gold-80 tag F1 vs B 0.001 when any pair was joined, s16-probe).
    if (prev && t === '–' && spaces[i] === '' && spaces[i + 1] === '' && eponymPair(texts, tags, spaces, i)) {
      out[out.length - 1] = { text: `${prev.text}-${texts[++i]!.toLowerCase()}`, pos: Pos.Noun };
      continue;
    }
    // Glue: "self" "-" "supervised", "3" "D" were one word as written.
    if (prev && prev.pos !== Pos.Break && spaces[i] === '' && i + 1 < texts.length) {
      if ((t === '-' || t === '/') && spaces[i + 1] === '' && types[i + 1] === 'word') {
        const next = texts[++i]!.toLowerCase();
        // A function word inside a compound ("state-of-the" of "state-of-the-art") leaves it unfinished:
        // read as a break, it cut "art baselines" out of "state-of-the-art baselines".
        const inner = classOf(tags[i]!, next);
        const pos = inner === Pos.Break || inner === Pos.Function || inner === Pos.Of ? Pos.Adj : inner;
        const before = out[out.length - 2];
        // "heparan sulfate-based probes": a modifier ending a multi-word noun leaves the noun whole.
        if ((pos === Pos.Participle || pos === Pos.Adj) && prev.pos === Pos.Noun && (before?.pos === Pos.Noun || before?.pos === Pos.Adj)) {
          out.push({ text: next, pos: Pos.Break });
          continue;
        }
        out[out.length - 1] = { text: `${prev.text}-${next}`, pos };
        if (symbols && (symbolAt === out.length - 1 || symbolShaped(texts[i]!, next))) {
          symbols.push(out[out.length - 1]!.text);
          symbolAt = out.length - 1;
        }
        continue;
      }
    }
    // wink-nlp's tokenizer knows Latin-1 letters only: "Łojasiewicz" comes as "Ł" (type "unk")
    // and "ojasiewicz", "Gdańsk" as "Gda" "ń" "sk". Letters it does not know are pieces of their word.
    const piece = type === 'unk' && LETTERS.test(t);
    if (prev && (prev.pos !== Pos.Break || pieceAt === out.length - 1) && spaces[i] === '' && (type === 'word' || type === 'number' || piece) && out.length) {
      // A word with an unknown piece takes the class of its first tagged part.
      if (piece) pieceAt = out.length - 1;
      const pos = pieceAt === out.length - 1 && (piece || prev.pos !== Pos.Break) ? prev.pos : classOf(tags[i]!, t.toLowerCase());
      out[out.length - 1] = { text: prev.text + t.toLowerCase(), pos };
      continue;
    }
    // A subscript or superscript number glued to a word is the word's own ("CO₂", "H₂O"): the tokenizer
    // cuts it off as a word of its own.
    if (prev && prev.pos !== Pos.Break && spaces[i] === '' && SCRIPT_DIGITS.test(t)) {
      out[out.length - 1] = { text: prev.text + t.normalize('NFKC'), pos: prev.pos };
      if (symbols) {
        symbols.push(out[out.length - 1]!.text);
        symbolAt = out.length - 1;
      }
      continue;
    }
    if (piece) {
      pieceAt = out.length;
      out.push({ text: t.toLowerCase(), pos: Pos.Break });
      continue;
    }
    if (type === 'number' && countedWord(texts, types, spaces, i)) {
      // A count before a hyphen measures the term that follows and is no part of its name: "2-jaw
      // orthognathic surgery" is "orthognathic surgery", where the number, read as a break, left
      // "jaw orthognathic surgery"; "10-fold", "3-year-old", "8-bit" alike. A symbol after it ("3-D",
      // "5-HT") is not a word and stays as it was.
      let text = t;
      while (countedWord(texts, types, spaces, i)) {
        text += `-${texts[i + 2]!.toLowerCase()}`;
        i += 2;
      }
      out.push({ text, pos: Pos.Break });
      continue;
    }
    if (type !== 'word') {
      out.push({ text: t, pos: Pos.Break });
      continue;
    }
    const lower = t.toLowerCase();
    const tag = tags[i]!;
    // "and" inside a name ("the Strengths and Difficulties Questionnaire") is part of it, as "of" is.
    if (lower === 'and' && andInsideName(texts, tags, i)) {
      out.push({ text: lower, pos: Pos.Of });
      continue;
    }
    if (tag === 'DET' || tag === 'SCONJ' || tag === 'PRON') {
      out.push({ text: lower, pos: Pos.Break, opensClause: true });
      continue;
    }
    if (symbols && symbolShaped(t, lower)) {
      symbols.push(t);
      symbolAt = out.length;
    }
    // A person cited in the abstract ("as Hélène Dupré and co-workers suggested") is no term.
    const nameEnd = tag === 'PROPN' ? personNameEnd(texts, tags, i) : -1;
    if (nameEnd > i) {
      for (; i < nameEnd; i++) out.push({ text: texts[i]!.toLowerCase(), pos: Pos.Break });
      i--;
      continue;
    }
    if (relativeClauseVerb(texts, tags, i) || verbAfterSubject(texts, tags, i)) {
      out.push({ text: lower, pos: Pos.Break, verb: true });
      continue;
    }
    if (nounModifierAsVerb(texts, tags, i)) {
      // "of fast radio bursts": the adverb before the modifier is its adjective ("fast").
      if (prev && tags[i - 1] === 'ADV' && spaces[i] !== '') out[out.length - 1] = { text: prev.text, pos: Pos.Adj };
      out.push({ text: lower, pos: Pos.Noun });
      continue;
    }
    // A plural noun the tagger read as a verb's -s form right after an adjective ("white dwarfs
    // observed", "massive white dwarfs"): an attributive adjective goes before a noun, never before a
    // finite verb, which a noun or a pronoun opens.
    const pos = tag === 'VERB' && prev?.pos === Pos.Adj && PLURAL_S.test(lower) ? Pos.Noun : classOf(tag, lower);
    out.push(tag === 'VERB' && pos === Pos.Break ? { text: lower, pos, verb: true } : { text: lower, pos });
  }
  return out;
}

/** Whether token i is followed by a hyphen and a lowercase word of three letters or more, written as one ("2-jaw", "year-old" of "3-year-old"). */
function countedWord(texts: readonly string[], types: readonly string[], spaces: readonly string[], i: number): boolean {
  return texts[i + 1] === '-' && spaces[i + 1] === '' && spaces[i + 2] === '' && types[i + 2] === 'word' && /^\p{Ll}{3,}$/u.test(texts[i + 2] ?? '');
}

/**
 * Token i is the finite verb of a relative clause the tagger read as a plural noun ("a framework that
 * adsorbs carbon dioxide", "MOF-801, which adsorbs water"): an -s word right after a relative pronoun
 * and right before a noun phrase. A plural noun there is the clause's subject, and a subject is
 * followed by its verb ("that proteins regulate"), a preposition ("that cells in the liver") or a
 * participle, never by another noun phrase.
 */
function relativeClauseVerb(texts: readonly string[], tags: readonly string[], i: number): boolean {
  return tags[i] === 'NOUN' && i > 0 && RELATIVE.has(texts[i - 1]!.toLowerCase()) && PLURAL_S.test(texts[i]!.toLowerCase()) && NOUN_PHRASE_START.has(tags[i + 1] ?? '');
}
/**
 * Token i is a clause's finite verb the tagger read as a noun, right after its subject:
 * - a base form after a plural noun ("rock glaciers show crevasse-like cracks", "cross-lagged panel
 *   models show that"): English compounds do not put a plural noun before their head ("rock glacier
 *   velocity", not "rock glaciers velocity"), so a noun there is the plural subject's verb, which agrees
 *   with it in its base form;
 * - an -s form before a noun phrase that opens with an article or an adjective ("ice shelves controls the
 *   buttressing", "permafrost thaw releases organic carbon"): a noun phrase is never followed by another
 *   without a preposition or a verb between them (a quantifier may follow one: "features more correlative").
 * Words that are plural only in form ("mathematics anxiety", "species richness") are no plurals (`singular`).
 */
export function verbAfterSubject(texts: readonly string[], tags: readonly string[], i: number): boolean {
  if (tags[i] !== 'NOUN' || !NOUN_TAGS.has(tags[i - 1] ?? '')) return false;
  const lower = texts[i]!.toLowerCase();
  if (!INFLECTED.test(lower)) {
    return /^\p{Ll}+$/u.test(lower) && isPlural(texts[i - 1]!.toLowerCase());
  }
  if (!PLURAL_S.test(lower)) return false;
  const next = texts[i + 1]?.toLowerCase() ?? '';
  // A quantifier ("more", "several") may follow a noun phrase ("to make multi-scale features more correlative").
  return (tags[i + 1] === 'DET' && ARTICLES.has(next)) || (tags[i + 1] === 'ADJ' && !TERM_STOPWORDS.has(next) && NOUN_TAGS.has(tags[i + 2] ?? ''));
}
const NOUN_TAGS = new Set(['NOUN', 'PROPN']);

/**
 * End (exclusive) of the person's name at token i, or -1 when none is there: a run of capitalised
 * proper nouns (a short particle may stand between them: "van", "de") that ends where English writes
 * a person's associates, "et al." or "and co-workers" ("Smith et al. showed", "as Hélène Dupré and
 * co-workers suggested").
 */
function personNameEnd(texts: readonly string[], tags: readonly string[], i: number): number {
  const capitalised = (k: number) => tags[k] === 'PROPN' && /^\p{Lu}/u.test(texts[k] ?? '');
  let j = i;
  while (capitalised(j)) {
    j++;
    let k = j;
    while (k < texts.length && NAME_PARTICLE.test(texts[k]!)) k++;
    if (k > j && capitalised(k)) j = k;
  }
  const next = texts[j + 1]?.toLowerCase() ?? '';
  const cue = texts[j]?.toLowerCase();
  return j > i && ((cue === 'et' && /^al\b/.test(next)) || (cue === 'and' && ASSOCIATES.has(next))) ? j : -1;
}
/** The nouns English writes for a person's associates after "and" (a closed class). */
const ASSOCIATES = new Set(['co-workers', 'coworkers', 'colleagues', 'collaborators', 'co-authors', 'coauthors']);

/**
 * The "and" at token i joins words of one name: capitalised words on both sides, the article "the"
 * before them, and no noun or adjective after them ("the Strengths and Difficulties Questionnaire is
 * widely used"). A coordination of two names writes no article before the first ("in Europe and North
 * America"), nor one of two modifiers before a shared head ("the Europe and North America cohorts"),
 * and a capital inside a sentence is written only in a name. Cut at the "and", "Difficulties
 * Questionnaire" was a tag of a psychology list (session 16).
 */
function andInsideName(texts: readonly string[], tags: readonly string[], i: number): boolean {
  const capitalised = (k: number) => NAME_WORD_TAGS.has(tags[k] ?? '') && /^\p{Lu}\p{Ll}/u.test(texts[k] ?? '');
  let j = i - 1;
  while (capitalised(j)) j--;
  let k = i + 1;
  while (capitalised(k)) k++;
  return j < i - 1 && k > i + 1 && texts[j]?.toLowerCase() === 'the' && !NAME_WORD_TAGS.has(tags[k] ?? '');
}
const NAME_WORD_TAGS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** The en dash at token i joins two capitalised names before a lowercase noun ("Navier–Stokes equations", "Yang–Mills theory"). */
function eponymPair(texts: readonly string[], tags: readonly string[], spaces: readonly string[], i: number): boolean {
  const name = (k: number) => /^\p{Lu}\p{Ll}+$/u.test(texts[k] ?? '');
  return name(i - 1) && name(i + 1) && spaces[i + 2] !== '' && tags[i + 2] === 'NOUN' && /^\p{Ll}/u.test(texts[i + 2] ?? '');
}

/** Relative pronouns that can be a clause's subject (a closed class of English). */
const RELATIVE = new Set(['that', 'which', 'who']);
/** Tags that open a noun phrase. */
const NOUN_PHRASE_START = new Set(['NOUN', 'PROPN', 'DET', 'ADJ', 'NUM']);

/**
 * Token i is a noun modifier the tagger read as a verb's base form ("24 fast radio bursts", "of fast
 * radio bursts": "fast" an adverb, "radio" a verb): inside a noun phrase, after an article, a number
 * or a preposition and before its noun, where no finite verb or infinitive can stand ("to" is an
 * infinitive's marker, so it opens no noun phrase here). An adverb may stand between the opener and
 * the word, read in the same mistake, and so may the phrase's adjectives and participles.
 */
function nounModifierAsVerb(texts: readonly string[], tags: readonly string[], i: number): boolean {
  if (tags[i] !== 'VERB' || tags[i + 1] !== 'NOUN' || INFLECTED.test(texts[i]!.toLowerCase())) return false;
  let j = i - 1;
  if (tags[j] === 'ADV' && !/ly$/i.test(texts[j]!)) j--;
  // Participles and adjectives before it are the phrase's too ("a repeating fast radio burst"); nouns are
  // not, since a plural one may be a clause's subject ("the researchers often study cells").
  const last = j;
  while (j >= 0 && (tags[j] === 'ADJ' || (/(?:ing|ed)$/i.test(texts[j]!) && (tags[j] === 'VERB' || tags[j] === 'NOUN' || tags[j] === 'PROPN')))) j--;
  // A phrase of modifiers opening a sentence or title is a noun phrase too ("Localised fast radio bursts trace…").
  if (j < last && (j < 0 || /^[.!?:]$/.test(texts[j]!))) return true;
  const opener = texts[j]?.toLowerCase() ?? '';
  return (tags[j] === 'NUM' || (tags[j] === 'DET' && ARTICLES.has(opener)) || (tags[j] === 'ADP' && opener !== 'to'));
}
/** A verb form that is no base form: past, participle, -ing, third person -s. */
const INFLECTED = /(?:ed|ing|s)$/;

/** A word ending in a plural -s (not -ss, -us, -is: "class", "virus", "analysis"). */
const PLURAL_S = /[^sui]s$/;

/** Unicode subscript or superscript digits ("₂", "²"). */
const SCRIPT_DIGITS = /^[\u2070\u00B9\u00B2\u00B3\u2074-\u2079\u2080-\u2089]+$/u;

/** A token of letters only. */
const LETTERS = /^\p{L}+$/u;

function classOf(tag: string, lower: string): Pos {
  switch (tag) {
    case 'NOUN':
    case 'PROPN':
      return Pos.Noun;
    case 'ADJ':
      return Pos.Adj;
    case 'VERB':
      return lower.endsWith('ing') ? Pos.Gerund : lower.endsWith('ed') ? Pos.Participle : Pos.Break;
    case 'ADP':
      return lower === 'of' ? Pos.Of : Pos.Function;
    // Prepositions and foreign words may open a term ("in vitro", "de novo"); articles never do.
    case 'X':
      return Pos.Function;
    default:
      return Pos.Break;
  }
}

/**
 * Words of a text in another language: every function word of that language breaks a phrase, as
 * does punctuation, so candidates are runs of content words ("нейронные сети"). Without a
 * function-word list (an unknown language, or one written without spaces) there are no candidates:
 * no tags beat fragments.
 */
export function foreignWords(text: string, language: string): Stream {
  const stop = functionWords(language);
  const out: Word[] = [];
  if (!stop.size) return out;
  for (const m of text.matchAll(/[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}]/gu)) {
    const t = m[0].toLowerCase();
    const content = /\p{L}/u.test(t) && t.length >= 3 && !stop.has(t) && !stop.has(t.replace(/^[a-z]['’]/, ''));
    // "l'énergie": the elided article is a function word of its own.
    const word = t.replace(/^(?:l|d|qu|j|n|s|c)['’]/, '');
    out.push(content && !stop.has(word) ? { text: word, pos: Pos.Noun } : { text: t, pos: Pos.Break });
  }
  return out;
}

/** Splits on sentence ends; a sentence is the unit of boilerplate. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d(])/u);
}

function sentenceHash(s: string): number {
  let h = HASH_SEED;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      h = hashChar(h, c | 32);
      letters++;
    }
  }
  // Short sentences ("Results are shown.") repeat by chance; only long ones are boilerplate.
  return letters >= BOILERPLATE_MIN_LETTERS ? h >>> 0 : -1;
}
/** Letters a repeated sentence needs to count as boilerplate rather than a coincidence. */
const BOILERPLATE_MIN_LETTERS = 40;

/**
 * Inline math is symbols, not words: it breaks a phrase. A subscript or superscript number glued to a
 * word is the word's own ("CO$_2$", "H$_2$O"): cut out, it left "atmospheric CO" a topic of ice-core papers.
 */
function withoutMath(text: string): string {
  return text.includes('$') ? text.replace(/(?<=\p{L})\$[_^]\{?(\d+)\}?\$/gu, '$1').replace(/\$[^$]*\$?/g, ' ; ') : text;
}

/**
 * The term candidates of every paper, with their counts, C-value and everyday-English frequency.
 * Papers in the given order; deterministic. `tagged`: sentences the title reader tagged already (taken from it).
 */
export function extractTerms(written: readonly PaperText[], tagged?: SentenceTags): TermTable {
  const papers = written.map((p) => expandShortForms(p.title, p.abstract));
  // Boilerplate: long sentences that occur in two or more papers.
  const seen = new Map<number, number>();
  const split = papers.map((p) => sentences(p.abstract));
  split.forEach((ss, d) => {
    for (const s of ss) {
      const h = sentenceHash(s);
      if (h < 0) continue;
      const prior = seen.get(h);
      if (prior === undefined) seen.set(h, d);
      else if (prior !== d && prior >= 0) seen.set(h, -1);
    }
  });
  const symbols = new Set<string>();
  const streams = papers.map((p, d) => {
    const kept = split[d]!.filter((s) => seen.get(sentenceHash(s)) !== -1);
    const abstract = kept.join(' ');
    // Most papers have no short form to expand: their guess is the one topics make (paperLanguage), made once.
    const language = p.title === written[d]!.title && p.abstract === written[d]!.abstract ? paperLanguage(written[d]!) : languageOf(`${p.title} ${p.abstract}`);
    const symbolLike: string[] = [];
    const read = (text: string) => (language === 'en' ? englishWords(withoutMath(text), symbolLike) : foreignWords(withoutMath(text), language));
    // Another language's candidates are the title's runs alone (wholeRuns): a bare abstract's derived title,
    // though it repeats the abstract, is all it has, and left out, the French and Portuguese bare abstracts of
    // the systems probe list (session 16) had no tag.
    const title = language === 'en' && titleRepeatsAbstract(p.title, p.abstract) ? [] : read(lowercaseTitleCase(p.title));
    if (language === 'en') {
      // Math is cut out of the joined text (a formula may span a sentence's end): such abstracts are tagged whole.
      const words = tagged?.size && !abstract.includes('$') ? wordsOf(tagSentences(kept, tagged), symbolLike) : read(abstract);
      const stream = { title, abstract: words, acronyms: definedAcronyms(p.abstract) };
      const text = symbolLike.length ? `${p.title}\n${p.abstract}` : '';
      for (const w of symbolLike) {
        const lower = w.toLowerCase();
        // A word the same paper also writes in lower case ("GENE REGULATION." above "gene expression") is a word.
        if (hasDigit(w) || !text.includes(lower)) symbols.add(lower);
      }
      return stream;
    }
    return { title, abstract: read(abstract), acronyms: new Map<string, string[]>(), wholeRuns: true };
  });
  return countTerms(streams, TERM_STOPWORDS, symbols);
}

/**
 * A word written as a symbol: with a digit at either end ("PDZD7", "LL-37", "Sestrin2", "tpa1",
 * "COVID-19") or a capital after its first letter ("MEMEX", "DimonGen", "CoAD"). Words some paper
 * writes only so are the TermTable's `symbols`: a gene or protein symbol, an identifier, the name a
 * paper coins for its own system. A tag is a concept other papers can share, and annotators tag the
 * concept such a name stands for ("usher syndrome", "commonsense reasoning"), not the name (1 of 767
 * distinct gold tags is one: "hsp90"). Checked on the tagger's tokens as they are read: a regular
 * expression pass over the texts cost 0.5-0.8 s at 10k papers (load 10), this a few milliseconds.
 */
function symbolShaped(t: string, lower: string): boolean {
  if (hasDigitAtEnd(t)) return true;
  if (lower === t) return false;
  // A capital after a hyphen starts a word of a Title Case compound ("Self-Supervised").
  for (let i = 1; i < t.length; i++) if (t[i] !== lower[i] && t[i - 1] !== '-') return true;
  return false;
}

function hasDigitAtEnd(t: string): boolean {
  const a = t.charCodeAt(0);
  const b = t.charCodeAt(t.length - 1);
  return (a >= 48 && a <= 57) || (b >= 48 && b <= 57);
}

function hasDigit(t: string): boolean {
  return /\d/.test(t);
}
