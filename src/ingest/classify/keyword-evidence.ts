/**
 * Keyword evidence of papers for taxonomy topics (steer.ts): how clearly each paper writes each
 * topic's keywords, from its title and abstract, weighted by how specific each keyword is in the list.
 */
import type { Corpus } from './corpus.ts';
import type { TopicDef } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';

/** Keyword evidence of a title mention, against log2(1 + mentions) in the abstract (as tags.ts's TITLE_EVIDENCE; no measurement of its own recorded). */
const KEYWORD_TITLE_EVIDENCE = 2.5;
/** Multi-word keywords are specific: they weigh this much more than single words (no measurement recorded). */
const MULTIWORD_KEYWORD_WEIGHT = 2;
/**
 * A keyword that one of the paper's own key terms (its tags, chosen before the topics for their
 * termhood in the paper) contains weighs this many times more for a taxonomy field's classes: a
 * cataloguer classes a work by its key subjects, not by every organ or exposure it mentions. On
 * gold-cross a paper on axon growth in neurons (tag "axon") had taken Ophthalmology for its model
 * cells ("retinal ganglion cells"), and one on a hearing-and-vision protein complex Otolaryngology
 * for one "hearing". Measured (biomedicine ARI vs A / vs B; held-out, tune halves in brackets), from
 * 0.544/0.547 (0.453/0.466, 0.832/0.797): weight 1.5 and 2 0.554/0.581 (0.496/0.509,
 * 0.764/0.733); 3, 4, 5 and 1001 0.587/0.589 (0.476/0.490, 0.926/0.892), 8 biomedical topics for
 * 10; gold-80 and NLP unchanged. For every subtopic (NLP subfields too) at 1.5/2/3: NLP 0.616/0.567
 * -> 0.554/0.499 (held-out 0.614/0.463 -> 0.342/0.274), 0.565/0.494, 0.517/0.439. With
 * CLASS_EVIDENCE 0.5 (from 0.634/0.611, held-out 0.498/0.512): only the best 2/3/4 tags as key
 * terms unchanged; the title's keywords counted as key terms too 0.537/0.516 (held-out 0.439/0.451).
 * Session 12, not kept: the key terms weighing 2 / 4 times for the ML topics too (top level, not the
 * fields; the NLP subtopics' trial above): gold-80 0.754/0.683 -> 0.664/0.617 (held-out 0.692/0.548),
 * 0.594/0.530; NLP 0.558/0.532 (held-out 0.653/0.493, tune 0.531/0.551), 0.235/0.219.
 * Session 13, again with CLASS_EVIDENCE 0.5 (the weight that was chosen on the tune half): 1.5 and 2
 * both biomedicine 0.601/0.604 (held-out 0.511/0.525, tune 0.832/0.797), 10 biomedical topics;
 * gold-80 and NLP unchanged. The held-out gain is a third of one paper's swing (±0.040): kept at 4.
 */
const SALIENT_KEYWORD_WEIGHT = 4;
/**
 * A keyword used by at most this share of the papers is fully specific (see keywordScores).
 * Measured in session 8 (ARI vs A / vs B): 0.003 / 0.03 / 0.1 against 0.01: gold-80 0.716/0.645,
 * 0.648/0.605, 0.657/0.614 (0.754/0.683); gold-cross biomedicine 0.515/0.543, 0.564/0.567 (held-out
 * 0.457/0.470), 0.471/0.473 (0.544/0.547, held-out 0.453/0.466); NLP 0.541/0.471, 0.579/0.527
 * (held-out 0.437/0.302), 0.498/0.421 (0.567/0.517, held-out 0.614/0.463).
 * Session 12, not kept: the share counted within each field of the list (topics.ts) instead of the
 * whole list (a keyword's share of the NLP papers of a mixed list): for the subtopics, NLP
 * 0.601/0.559 (held-out 0.633/0.478, tune 0.687/0.648 -> 0.631/0.610), gold-80 and biomedicine
 * unchanged; for the topics and fields too, NLP 0.512/0.456 (held-out 0.579/0.353).
 */
const FULL_WEIGHT_SHARE = 0.01;

/**
 * Keyword evidence of each paper for each of `topics` (index as given). With `salient`, a keyword
 * that one of paper d's key terms (`keys[d]`, phrase keys padded with spaces) contains counts
 * SALIENT_KEYWORD_WEIGHT times for the topics `weighs` picks.
 */
export function keywordScores(corpus: Corpus, topics: readonly TopicDef[], salient?: { keys: readonly string[][]; weighs: (t: number) => boolean }): Float64Array[] {
  const byPhrase = new Map<number, number[]>();
  topics.forEach((topic, t) => {
    for (const keyword of topic.keywords) {
      const id = corpus.idOf(phraseKey(keyword));
      if (id === undefined) continue;
      const list = byPhrase.get(id) ?? [];
      if (!list.includes(t)) list.push(t);
      byPhrase.set(id, list);
    }
  });
  // A flat marker array: most phrases are no keyword, and a Map lookup for each would dominate.
  const isKeyword = new Uint8Array(corpus.count);
  for (const id of byPhrase.keys()) isKeyword[id] = 1;
  // Multi-word keywords are specific; a keyword several topics share says little about each; and a
  // keyword that many papers of the list use is their common ground rather than a topic ("image",
  // "convolutional neural network" in a list where most papers test on images): weighted by IDF,
  // full weight up to FULL_WEIGHT_SHARE of the papers. A share rather than a count, so a list ten
  // times larger (with ten times the papers per keyword) gets the same weights.
  const weight = new Map<number, number>();
  for (const [p, topics] of byPhrase) {
    const specificity = Math.min(1, Math.log(corpus.size / Math.max(1, corpus.df[p]!)) / -Math.log(FULL_WEIGHT_SHARE));
    weight.set(p, ((corpus.words[p]! > 1 ? MULTIWORD_KEYWORD_WEIGHT : 1) / Math.sqrt(topics.length)) * specificity);
  }
  return Array.from({ length: corpus.size }, (_, d) => {
    const scores = new Float64Array(topics.length);
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      if (!isKeyword[p]) continue;
      const topics = byPhrase.get(p)!;
      const w = weight.get(p)!;
      const evidence = (corpus.title[i]! > 0 ? KEYWORD_TITLE_EVIDENCE : 0) + Math.log2(1 + corpus.body[i]!);
      const key = salient && ` ${corpus.key(p)} `;
      const boost = key && salient.keys[d]!.some((k) => k.includes(key)) ? SALIENT_KEYWORD_WEIGHT : 1;
      for (const t of topics) scores[t]! += w * evidence * (boost > 1 && salient!.weighs(t) ? boost : 1);
    }
    return scores;
  });
}
