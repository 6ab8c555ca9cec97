/**
 * Part-of-speech tags for the few sentences a title is read from, by wink-nlp's English model
 * (Universal Dependencies tag set: NOUN, PROPN, ADJ, VERB, AUX, ADP, DET, CCONJ, SCONJ, PRON, PART, …).
 * The tagger is the ingest's shared one (english-tagger.ts). Only sentences are tagged, never whole abstracts: on the 150
 * abstracts of acl-bare.txt, tagging whole abstracts costs 0.48 ms each and the first 500 characters
 * 0.10 ms, and 10k papers must title in a few seconds.
 */
import type { ItsFunction } from 'wink-nlp';
import { englishTagger, JOINT, SEPARATOR, splitJoined, tagText, type SentenceTags, type TaggedText, type TaggerTokens } from '../english-tagger.ts';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, for word lists. */
  lower: string;
  /** Universal POS tag; a hyphenated compound ending in a participle ("belief-centered") is ADJ. */
  pos: string;
  /** Dictionary form, lower case ("induces" → "induce"). */
  readonly lemma: string;
  /** Whitespace before the token in the source ('' when glued, as in "Retrieval-Augmented"). */
  pre: string;
}

/**
 * Tokens of `text` with their tags; `text` should be a sentence or two. The parts of a hyphenated
 * compound ("Induction-Augmented", "state-of-the-art") come back as one token, tagged by its last
 * part, so that a phrase is never cut inside a compound.
 */
export function tag(text: string): Token[] {
  return tokensOf(tagText(text));
}

/** The title reader's tokens of a tagged text (see tag). */
function tokensOf({ tokens, texts: words, pos, spaces: pre }: TaggedText & { tokens: TaggerTokens }): Token[] {
  // Lemmas only on demand: all of them cost 3× the tagging itself (0.5 ms for 200 characters).
  // wink's typings give its.lemma an extra `addons` parameter that out() does not declare.
  const lemma = englishTagger().its.lemma as unknown as ItsFunction<string>;
  const lemmaAt = (i: number) => () => tokens.itemAt(i).out(lemma);
  const out: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const glued = words[i] === '-' && pre[i] === '' && out.length > 0 && i + 1 < words.length && pre[i + 1] === '';
    if (glued) {
      const head = out.at(-1)!;
      const next = words[i + 1]!;
      const p = pos[i + 1]!;
      head.text += `-${next}`;
      head.lower = head.text.toLowerCase();
      head.pos = p === 'VERB' || p === 'AUX' ? 'ADJ' : p === 'PROPN' && head.pos === 'NOUN' ? 'NOUN' : p;
      i++;
      continue;
    }
    out.push(new Tagged(words[i]!, pos[i]!, pre[i]!, lemmaAt(i)));
  }
  return out;
}

/** A token whose lemma is computed when first read (a class getter: defineProperty per token cost 0.2 ms an abstract). */
class Tagged implements Token {
  text: string;
  lower: string;
  pos: string;
  pre: string;
  #lemma: string | undefined;
  readonly #compute: () => string;
  constructor(text: string, pos: string, pre: string, compute: () => string) {
    this.text = text;
    this.lower = text.toLowerCase();
    this.pos = pos;
    this.pre = pre;
    this.#compute = compute;
  }
  get lemma(): string {
    return (this.#lemma ??= this.#compute());
  }
}


/** The dash that joins two names into one: "German–Italian children", "the Hertzsprung–Russell diagram". */
const NAME_DASH = new Set(['–']);
/** Marks a name may end on, written glued to it: "Sagittarius A*", "HER2+ tumours", "C++". */
const NAME_MARK = /^[*+]+$/;

/**
 * `tokens` with proper-noun runs made whole, so that a phrase is never cut inside a name: two words
 * glued by an en dash ("German–Italian") become one token, tagged as its last part, as a hyphen's
 * parts already are (tag); a capital letter after a proper noun is part of it, not an article
 * ("Sagittarius A", which the tagger reads as A/DET); a glued "*" or "+" ends the name. Only the
 * title reader does this (tagEach): the classifier's phrases keep the tagger's own tokens.
 */
export function joinNames(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const head = out.at(-1);
    const next = tokens[i + 1];
    if (head && next && NAME_DASH.has(t.text) && t.pre === '' && next.pre === '' && /^[\p{L}\p{N}]/u.test(next.text) && /[\p{L}\p{N}]$/u.test(head.text)) {
      head.text += t.text + next.text;
      head.lower = head.text.toLowerCase();
      head.pos = next.pos === 'PROPN' || head.pos === 'PROPN' ? 'PROPN' : next.pos === 'VERB' ? 'ADJ' : next.pos;
      i++;
      continue;
    }
    if (head?.pos === 'PROPN' && /^\p{Lu}$/u.test(t.text) && t.pre !== '') t.pos = 'PROPN';
    if (head?.pos === 'PROPN' && t.pre === '' && NAME_MARK.test(t.text)) {
      head.text += t.text;
      head.lower = head.text.toLowerCase();
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * Tokens of each text, tagged in one call (each call to the tagger has a fixed cost), names whole (joinNames).
 * `read`, when given, receives each text's tags, for term extraction to take instead of tagging it again.
 */
export function tagEach(texts: readonly string[], read?: SentenceTags): Token[][] {
  const clean = texts.map((t) => t.replaceAll(SEPARATOR, ' '));
  const tagged = tagText(clean.join(JOINT));
  if (read) splitJoined(tagged, texts.length).forEach((t, k) => t && clean[k] === texts[k] && read.set(texts[k]!, t));
  const all = joinNames(tokensOf(tagged));
  const out: Token[][] = [[]];
  for (const t of all) {
    if (t.text === SEPARATOR) out.push([]);
    else if (t.pos === 'SPACE') continue;
    else out.at(-1)!.push(t);
  }
  return out;
}

/** The tokens joined back as they were written. */
export function join(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (i === 0 ? '' : t.pre ? ' ' : '') + t.text).join('');
}
