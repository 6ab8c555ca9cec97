/**
 * The ingest's one English part-of-speech tagger: wink-nlp with wink-eng-lite-web-model (Universal
 * Dependencies tags), shared by the title reader (title/pos.ts) and term extraction (classify/terms.ts).
 *
 * One instance, because each `winkNLP(model)` unpacks the model anew (~0.1 CPU-s, 0.3-0.9 s of wall at load
 * 12-24, measured 2026-12-01) and the two callers made one each. Its pipe is `pos` alone: wink-nlp 2.4's
 * `readDoc` tags the whole token stream in one pass that never reads the sentence boundaries `sbd` sets
 * (`sbd` only fills the document's sentence list, which neither caller reads): 4,000 abstracts of the 10k
 * corpus get the same tags with and without it, and term extraction, which asked for it, ran it on every abstract.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { forTagging } from './tagging-guard.ts';

export type EnglishTagger = ReturnType<typeof winkNLP>;

let nlp: EnglishTagger | undefined;

/** The tagger, its model loaded on first use: a list that never reaches tagging does not pay for it. */
export function englishTagger(): EnglishTagger {
  return (nlp ??= winkNLP(model, ['pos']));
}

export type TaggerTokens = ReturnType<ReturnType<EnglishTagger['readDoc']>['tokens']>;

/** The tokens of `text` as the tagger reads them, runs it cannot safely read cut out first (tagging-guard.ts). */
export function taggedTokens(text: string): TaggerTokens {
  return englishTagger().readDoc(forTagging(text)).tokens();
}

/** A text's tokens as parallel arrays: token i's text, Universal POS tag, white space before it, and wink-nlp type ("word", "number", "punctuation", "unk", "tabCRLF", …). */
export interface TaggedText {
  readonly texts: readonly string[];
  readonly pos: readonly string[];
  readonly spaces: readonly string[];
  readonly types: readonly string[];
}

/** `taggedTokens(text)` with its arrays read out once; `tokens` for what only the document gives (lemmas). */
export function tagText(text: string): TaggedText & { tokens: TaggerTokens } {
  const its = englishTagger().its;
  const tokens = taggedTokens(text);
  return { tokens, texts: tokens.out(), pos: tokens.out(its.pos) as string[], spaces: tokens.out(its.precedingSpaces) as string[], types: tokens.out(its.type) as string[] };
}

/** A character no abstract holds, set between texts tagged together and split at afterwards. */
export const SEPARATOR = '\u2063';
/** What goes between texts tagged in one call: the tagger reads it as a line break, the separator (type "unk") and a line break. */
export const JOINT = `\n\n${SEPARATOR}\n\n`;

/**
 * The tags of sentences one ingest has read already, by their text: the title reader tags most sentences of
 * each abstract without a title (title/english.ts), and term extraction reads them again with the whole
 * abstract (classify/terms.ts). wink-nlp's tags do not reach across a sentence's end: on 2,000 abstracts of
 * the 10k corpus (310k tokens), tagging the sentences apart and tagging the whole abstract gave the same tags
 * for every token, and the 10k corpus ingests to the same entries either way (measured 2026-12-01). Term
 * extraction takes (and deletes) each sentence it finds. On the 150 EMNLP abstracts of acl-bare.txt (no
 * titles) it finds 81 % of the sentences the titles read, and its CPU time falls from 0.135 to 0.09 s (medians
 * of 12 interleaved runs, load 26-32); the 10k corpus repeats 78 % of its sentences, which term extraction
 * drops as boilerplate, so it finds few there.
 */
export type SentenceTags = Map<string, TaggedText>;

/** `tagged`, the tagging of `texts.join(JOINT)`, cut back into each text's tokens with no white space before the first. */
export function splitJoined(tagged: TaggedText, count: number): Array<TaggedText | undefined> {
  const at: number[] = [];
  for (let i = 0; i < tagged.texts.length; i++) if (tagged.texts[i] === SEPARATOR) at.push(i);
  // A text holding the separator, or white space merged into the joint's line breaks: the cut is not sure.
  if (at.length !== count - 1) return new Array<undefined>(count).fill(undefined);
  const out: Array<TaggedText | undefined> = [];
  for (let k = 0; k < count; k++) {
    const from = k === 0 ? 0 : at[k - 1]! + 2;
    const to = k === count - 1 ? tagged.texts.length : at[k]! - 1;
    const joint = (i: number) => tagged.texts[i] === '\n\n' && tagged.types[i] === 'tabCRLF';
    if ((k > 0 && !joint(from - 1)) || (k < count - 1 && !joint(to))) {
      out.push(undefined);
      continue;
    }
    const spaces = tagged.spaces.slice(from, to);
    if (spaces.length) spaces[0] = '';
    out.push({ texts: tagged.texts.slice(from, to), pos: tagged.pos.slice(from, to), spaces, types: tagged.types.slice(from, to) });
  }
  return out;
}

/**
 * The tagging of `sentences.join(' ')`: sentences in `known` are taken from it (and deleted: each is read
 * once), the others tagged together in one call (a call has a fixed cost), and the parts put end to end.
 * Falls back to tagging the joined text when the others cannot be cut apart again (splitJoined).
 */
export function tagSentences(sentences: readonly string[], known: SentenceTags): TaggedText {
  const parts: Array<TaggedText | undefined> = sentences.map((s) => {
    const hit = known.get(s);
    if (hit) known.delete(s);
    return hit;
  });
  const missing = sentences.filter((_, k) => !parts[k]);
  if (missing.length === sentences.length || missing.some((s) => s.includes(SEPARATOR))) return tagText(sentences.join(' '));
  if (missing.length) {
    const tagged = splitJoined(tagText(missing.join(JOINT)), missing.length);
    if (tagged.some((t) => !t)) return tagText(sentences.join(' '));
    let next = 0;
    for (let k = 0; k < parts.length; k++) parts[k] ??= tagged[next++];
  }
  const out = { texts: [] as string[], pos: [] as string[], spaces: [] as string[], types: [] as string[] };
  for (const part of parts) {
    const from = out.texts.length;
    out.texts.push(...part!.texts);
    out.pos.push(...part!.pos);
    out.spaces.push(...part!.spaces);
    out.types.push(...part!.types);
    // Joined by a space: every sentence but the first has white space before its first token.
    if (from > 0 && out.texts.length > from) out.spaces[from] = ' ';
  }
  return out;
}
