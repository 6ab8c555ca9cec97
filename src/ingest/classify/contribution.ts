/**
 * What a paper says it contributes, as a facet of its tags: "We introduce VIP, an inference-time
 * challenge dataset", "we develop the MuDA benchmark", "We present BIG-C, a large multimodal dataset"
 * are papers that contribute a dataset, which annotators tag "benchmark dataset" although the paper
 * writes no such phrase (issue 19, implied concepts). The taxonomy names the nouns (a tag's
 * `introduced-by`); the sentence that says so is English grammar, written here: "we" and a verb of
 * making or presenting, then the noun as its object (no preposition or relative clause between, so
 * "we propose a method and evaluate it on a benchmark" is not one). Other languages give none.
 *
 * Hand-written rather than parsed: wink-nlp's English model tags parts of speech but gives no
 * dependency parse, and the pattern below is what a parse would be asked for.
 *
 * Measured with `introduced-by: [dataset, benchmark, corpus, treebank]` on "benchmark datasets"
 * (tag F1 vs A/B, tune then held-out halves, session 10, after title-subjects.ts): gold-80
 * 0.462/0.477, 0.565/0.507 -> 0.465/0.480, 0.569/0.510; gold-cross 0.444/0.425, 0.445/0.414 ->
 * 0.459/0.443, 0.453/0.422. On the tune halves the tag was added to 1 + 7 papers and matched an
 * annotator's tag in 0.71 of them; on the real dumps to 62 of the 550 ACL and EMNLP papers (70 say so; the
 * others had six tags or the tag already) and to none of the 150 MEDLINE papers. A "review
 * article" facet by self-reference ("this review", "we review") was tried beside it: it fired on
 * no gold-cross tune paper and on gold-80's survey, which already had "surveys": not kept.
 * Plural nouns ("datasets") are left out: after a verb they are nearly always what a method is run on.
 */
import type { Candidate } from './tag-select.ts';
import { addBeside } from './tag-select.ts';
import type { Taxonomy } from './taxonomy.ts';

/** Verbs with which authors say they made or present something (first person). */
const CONTRIBUTE = 'introduce|present|develop|create|construct|build|release|collect|curate|contribute|propose|compile';
/** Words between the verb and the noun that make the noun something else than the verb's object. */
const NOT_OBJECT = /\b(?:on|in|across|over|using|with|from|that|which|to)\b/i;
/** Most words between the verb and its object noun ("a large multimodal multi-purpose dataset"). */
const MAX_GAP_WORDS = 10;

/**
 * Per paper, the indices of the taxonomy tags (into `taxonomy.tags`) whose `introduced-by` noun the
 * paper's abstract says it contributes, in taxonomy order. Pure.
 */
export function introducedTags(abstracts: readonly string[], taxonomy: Taxonomy): number[][] {
  const nouns = new Map<string, number[]>();
  taxonomy.tags.forEach((tag, v) => {
    for (const noun of tag.introducedBy ?? []) nouns.set(noun, [...(nouns.get(noun) ?? []), v]);
  });
  if (!nouns.size) return abstracts.map(() => []);
  const alternatives = [...nouns.keys()].map(RegExp.escape).join('|');
  // The noun singular: "datasets" after the verb is nearly always what the method is run on.
  const sentence = new RegExp(`\\bwe\\s+(?:(?:first|also|further|then|additionally)\\s+)?(?:${CONTRIBUTE})\\b([^.;:!?]*?)\\b(${alternatives})\\b(?![\\p{L}\\p{N}-])`, 'iu');
  return abstracts.map((text) => {
    const out = new Set<number>();
    for (const part of text.split(/(?<=[.!?])\s+/)) {
      const m = sentence.exec(part);
      if (!m || NOT_OBJECT.test(m[1]!) || m[1]!.split(/\s+/).filter(Boolean).length > MAX_GAP_WORDS) continue;
      for (const v of nouns.get(m[2]!.toLowerCase()) ?? []) out.add(v);
    }
    return [...out].sort((a, b) => a - b);
  });
}

/**
 * `chosen` with each paper's introduced tags appended (a candidate per tag, from `slotOf`) where the
 * paper has room, the tag is of its field (`inField`) and repeats none of its tags. Pure.
 */
export function addIntroducedTags(
  chosen: readonly (readonly Candidate[])[],
  introduced: readonly (readonly number[])[],
  ctx: { slotOf: (v: number) => number; inField: (v: number, d: number) => boolean; overlapping: (a: Candidate, b: Candidate) => boolean },
): Candidate[][] {
  return chosen.map((tags, d) => {
    const out = [...tags];
    for (const v of introduced[d] ?? []) {
      if (ctx.inField(v, d)) addBeside(out, { slot: ctx.slotOf(v), score: 0, backup: false, implied: true }, ctx.overlapping);
    }
    return out;
  });
}
