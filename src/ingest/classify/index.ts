/**
 * Topics, tags and related papers for a reading list, computed offline from the papers' own text
 * and the editable taxonomy (content/taxonomy.yaml). Same input, same output: every ordering below
 * is explicit and the only randomness is a fixed-seed generator.
 */
import type { Classification, ClassifyInput } from './classification.ts';
import { buildCorpus, corpusOf, paperLanguage, type Corpus } from './corpus.ts';
import { extendCorpus, passWithState, type CorpusState, type CountsWithLookup } from './corpus-state.ts';
import { fnv1a } from '../../core/fnv.ts';
import { preferKeywordTags } from './keywords.ts';
import { casedText, writtenCase } from './tag-case.ts';
import { findRelated } from './related.ts';
import { assignTags } from './tags.ts';
import { indexVocabulary, termKeyOf } from './tag-index.ts';
import { phraseTerm } from './term-filters.ts';
import { introducedTags } from './contribution.ts';
import { extractTerms } from './terms.ts';
import type { SentenceTags } from '../english-tagger.ts';
import { parseTaxonomy as parse, type Taxonomy } from './taxonomy.ts';
import { keepTopics } from './stable.ts';
import { assignTopics } from './topics.ts';
import { paperVectors, type Vectors } from './vectors.ts';
import { withWordNet } from './wordnet-features.ts';

export type { Classification, ClassifyInput } from './classification.ts';
export { classifyIncrementally, type KnownLabels } from './incremental.ts';
export { MAX_NEW_SHARE } from './stable.ts';
export type { Taxonomy, TopicDef, TagDef } from './taxonomy.ts';
export type { CorpusState } from './corpus-state.ts';

/** Parses content/taxonomy.yaml's text; errors name the line. `file` is only used in messages. */
export function parseTaxonomy(text: string, file: string): { ok: true; taxonomy: Taxonomy } | { ok: false; error: string; line: number | null } {
  return parse(text, file);
}

/** What the classifier reads of a list of papers: its corpus (words, phrases, counts) and the papers' vectors. */
export interface PaperAnalysis {
  corpus: Corpus;
  vectors: Vectors;
}

/**
 * Where the corpus pass of the last ingest is kept between ingests (corpus-state.ts), with the key of each
 * paper's text: `keys[d]` changes whenever paper d's title or abstract does. `get` gives undefined when there
 * is none (or it cannot be read).
 */
export interface CorpusStore {
  keys: readonly string[];
  get(): CorpusState | undefined;
  set(state: CorpusState): void;
}

/**
 * The analysis of `papers`, the costly part of classifying them (it reads every abstract). Make it
 * once and hand it to `classifyPapers` and `relatedPapers` for the same papers, in the same order.
 * `store`: where its corpus pass is kept for the next ingest's `analyseExtending`.
 */
export function analysePapers(papers: readonly ClassifyInput[], store?: CorpusStore): PaperAnalysis {
  let corpus: Corpus;
  if (store) {
    const { pass, state } = passWithState(papers, store.keys);
    store.set(state);
    corpus = corpusOf(pass);
  } else corpus = buildCorpus(papers);
  return { corpus, vectors: paperVectors(corpus) };
}

/**
 * What incremental classification reads of `papers` (classifyIncrementally's `analyse`): the phrase counts
 * and vectors `analysePapers` gives, made from the last ingest's corpus pass in `store` and a pass over the
 * new papers only, and kept for the next ingest. Undefined when that pass is not of the same papers less some
 * new ones (corpus-state.ts): the caller then makes the whole pass, once, with `analysePapers`, which it may
 * need anyway when incremental classification declines.
 */
export function analyseExtended(papers: readonly ClassifyInput[], store: CorpusStore): { corpus: CountsWithLookup; vectors: Vectors } | undefined {
  const previous = store.get();
  const extended = previous && extendCorpus(previous, papers, store.keys);
  if (!extended) return undefined;
  store.set(extended.state);
  return { corpus: extended.counts, vectors: paperVectors(extended.counts) };
}

export interface ClassifyOptions {
  /** Id → the topic generated last time: makes topics incremental (see stable.ts). */
  previousTopics?: ReadonlyMap<string, string>;
  /** `analysePapers(papers)`, when the caller has it already. */
  analysis?: PaperAnalysis;
  /** Sentences of the abstracts tagged already (by the title reader): term extraction takes them instead of tagging them again. */
  tagged?: SentenceTags;
}

/**
 * One topic and 3–6 tags per paper, keyed by id. Papers arrive in a deterministic order.
 * `previousTopics` makes topics incremental: when only a few papers are new, the others keep
 * their topics (see stable.ts).
 */
export function classifyPapers(
  papers: readonly ClassifyInput[],
  taxonomy: Taxonomy,
  { previousTopics, analysis = analysePapers(papers), tagged }: ClassifyOptions = {},
): Map<string, Classification> {
  const { corpus, vectors } = analysis;
  const vocabulary = indexVocabulary(corpus, taxonomy, extractTerms(papers, tagged));
  const tags = assignTags(corpus, vocabulary, vectors, introducedTags(papers.map((p) => p.abstract), taxonomy));
  const kept = previousTopics ? keepTopics(vectors, papers.map((p) => previousTopics.get(p.id))) : null;
  // A topic may be named after a phrase its papers share that the term extractor reads as a term
  // (naming.ts sharedPhrases, term-filters.ts phraseTerm).
  const { terms } = vocabulary;
  const isTerm = (phrase: string) => {
    const t = terms.idOf(termKeyOf(phrase));
    return t >= 0 && phraseTerm(terms, t);
  };
  const topics = kept ?? assignTopics(corpus, papers, taxonomy, vectors, tags, () => withWordNet(corpus, vectors), isTerm);
  const out = new Map<string, Classification>();
  papers.forEach((p, d) => out.set(p.id, { topic: topics[d]!, tags: tags[d]!.names }));
  preferKeywordTags(papers, out, taxonomy);
  return withWrittenCase(papers, out);
}

/** `labels` with every tag name in the case the papers' abstracts, and titles in sentence case, write it (tag-case.ts). */
function withWrittenCase(papers: readonly ClassifyInput[], labels: Map<string, Classification>): Map<string, Classification> {
  const cased = writtenCase(papers.map((p) => casedText(p.title, p.abstract, ['en', 'und'].includes(paperLanguage(p)))), papers.map((p) => labels.get(p.id)?.tags ?? []));
  for (const label of labels.values()) label.tags = label.tags.map((t) => cased.get(t) ?? t);
  return labels;
}

/**
 * What previous topics and tags were computed with: the topic method and the whole taxonomy (topics,
 * tags with their aliases and implied-by phrases, stop tags). Labels kept from a run with another
 * method or taxonomy would hide the change (an edited alias would reach no paper until its text
 * changed), so they are kept only when this is unchanged. Bump the version when assignTopics
 * changes its results.
 */
export function topicMethod(taxonomy: Taxonomy): string {
  const hash = fnv1a(JSON.stringify([taxonomy.topics, taxonomy.tags, taxonomy.stopTags]));
  return `ward-ctfidf-wordnet-subtopics-13:${hash.toString(16)}`;
}

/** Up to `count` (1–50) related paper ids per paper, most related first, keyed by id. `analysis`: `analysePapers(papers)`, when the caller has it. */
export function relatedPapers(
  papers: readonly ClassifyInput[],
  labels: ReadonlyMap<string, Classification>,
  { count = 5, analysis = analysePapers(papers) }: { count?: number; analysis?: PaperAnalysis } = {},
): Map<string, string[]> {
  const { vectors } = analysis;
  const wanted = Math.max(1, Math.min(count, 50));
  const lists = findRelated(
    {
      vectors,
      tagKeys: papers.map((p) => labels.get(p.id)?.tags ?? []),
      topics: papers.map((p) => labels.get(p.id)?.topic ?? ''),
    },
    wanted,
  );
  const out = new Map<string, string[]>();
  papers.forEach((p, d) => out.set(p.id, lists[d]!.map((o) => papers[o]!.id)));
  return out;
}
