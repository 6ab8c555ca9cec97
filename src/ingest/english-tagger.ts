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

/** The tokens of `text` as the tagger reads them, runs it cannot safely read cut out first (tagging-guard.ts). */
export function taggedTokens(text: string): ReturnType<ReturnType<EnglishTagger['readDoc']>['tokens']> {
  return englishTagger().readDoc(forTagging(text)).tokens();
}
