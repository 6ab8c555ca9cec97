/**
 * Incremental classification. When a rebuild adds (or changes) only a few papers of a list that was
 * classified before, at most MAX_NEW_SHARE of it, the papers whose input is unchanged keep what they
 * were given last time, and only the new ones are classified:
 * - topic: the nearest centroid of the previous topics (stable.ts);
 * - tags: voted by the paper's nearest classified neighbours, each vote weighed by similarity, a tag the
 *   paper itself writes counting double (k-nearest-neighbour multi-label tagging, as in ML-kNN, Zhang &
 *   Zhou 2007): the list's vocabulary stays the one its tags already use;
 * - related papers: the paper's own list, scored by the scorer findRelated uses (related-score.ts, without
 *   its cap on long posting lists, which only bounds the work of scoring every pair); an unchanged paper's
 *   list takes a new paper in only where it scores above an entry, so every other list stays as it was.
 *
 * Why: re-running the whole classifier after adding 10 papers to 10,000 cost ~8 CPU-s (term extraction
 * with the tagger, tag selection) and moved tags and related lists of hundreds of unchanged papers by tiny
 * shifts of the list's word statistics, so ~470 unchanged paper pages were rendered again (issue #18).
 * The result depends only on the sources and the last ingest's state, as topics already did, so a rebuild
 * and a build from scratch of the same content agree.
 */
import type { Classification, ClassifyInput } from './classification.ts';
import type { CountsWithLookup } from './corpus-state.ts';
import { preferKeywordTags } from './keywords.ts';
import { fillFromTopic, worse } from './related.ts';
import { RelatedScorer, StrongTermIndex, TagTopicBonus } from './related-score.ts';
import { keepTopics, MAX_NEW_SHARE } from './stable.ts';
import { MAX_TAGS, MIN_TAGS } from './tag-select.ts';
import { SPECIFICITY_WEIGHT, TITLE_EVIDENCE } from './tags.ts';
import { isFacet } from './tag-index.ts';
import type { Taxonomy } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';
import type { Vectors } from './vectors.ts';

/** What the last ingest gave a paper whose input has not changed since. */
export interface KnownLabels {
  topic: string;
  tags: readonly string[];
  related: readonly string[];
}

// --- Tuning of a new paper's tags (neighbourTags). -------------------------------------------------
// Measured by adding each half of the 80 gold papers (tests/fixtures/gold) to the rest of the seed list:
// tag concept F1 of the added papers 0.415 (mean over annotators A and B), against 0.462 for the same papers
// classified with the whole list; a written tag's score times (1 + w × its votes): w = 0 0.398, 0.5 0.410,
// 1 0.415, 2 0.400, 4 0.399; TAG_FLOOR 0.2 0.412, 0.3 0.415, 0.45 0.396.
/** Neighbours that vote: the 10 nearest (ML-kNN's usual k). */
const VOTERS = 10;
/** Tags it writes scoring under this share of its best one are left out once the paper has MIN_TAGS. */
const TAG_FLOOR = 0.3;
/**
 * A tag the paper does not write fills a place under MIN_TAGS only when this share of its neighbours'
 * similarity votes for it (a third: more than a stray neighbour's tag).
 */
const UNWRITTEN_MIN_VOTE = 0.3;

/**
 * Topics, tags and related lists (keyed by id) for `papers` given what `known[d]` (same order) says paper d
 * was given last time (undefined: new or changed). Null when the whole list must be classified afresh: no
 * paper known, more than MAX_NEW_SHARE new, or a new paper that fits no topic (keepTopics).
 * `analyse`: makes the phrase counts and vectors of these papers (analysePapers or analyseExtended), called
 * only when a paper is new.
 */
export function classifyIncrementally(
  papers: readonly ClassifyInput[],
  analyse: () => { corpus: CountsWithLookup; vectors: Vectors },
  known: readonly (KnownLabels | undefined)[],
  taxonomy: Taxonomy,
  count: number,
): { labels: Map<string, Classification>; related: Map<string, string[]> } | null {
  const n = papers.length;
  const fresh = known.flatMap((k, d) => (k ? [] : [d]));
  if (fresh.length === n || fresh.length > MAX_NEW_SHARE * n) return null;
  const index = new Map(papers.map((p, d) => [p.id, d]));
  const lists: number[][] = known.map((k) => (k ? k.related.map((id) => index.get(id) ?? -1) : []));
  // A list that lost a paper (deleted from the sources) is made again, as a new paper's is.
  const requery = known.flatMap((k, d) => (k && (lists[d]!.includes(-1) || lists[d]!.length < Math.min(count, n - 1)) ? [d] : []));
  if (fresh.length === 0 && requery.length === 0) {
    // Nothing new: the list's analysis (a pass over every abstract) is not needed.
    const same = (f: (k: KnownLabels) => unknown) => new Map(papers.map((p, d) => [p.id, f(known[d]!)]));
    return { labels: same((k) => ({ topic: k.topic, tags: [...k.tags] })) as Map<string, Classification>, related: same((k) => [...k.related]) as Map<string, string[]> };
  }
  const { corpus, vectors } = analyse();
  const topics = keepTopics(vectors, known.map((k) => k?.topic));
  if (!topics) return null;

  const terms = new StrongTermIndex(vectors, Infinity);
  const tags: (readonly string[])[] = known.map((k) => k?.tags ?? []);
  const near = new Map<number, Map<number, number>>(fresh.map((d) => [d, terms.neighbours(d)]));
  const vocabulary = listVocabulary(known, corpus, taxonomy);
  for (const d of fresh) tags[d] = neighbourTags(d, near.get(d)!, known, corpus, vocabulary);
  const labels = new Map<string, Classification>();
  papers.forEach((p, d) => labels.set(p.id, { topic: topics[d]!, tags: [...tags[d]!] }));
  preferKeywordTags(fresh.map((d) => papers[d]!), labels, taxonomy);
  fresh.forEach((d) => (tags[d] = labels.get(papers[d]!.id)!.tags));

  const scorer = new RelatedScorer(terms, new TagTopicBonus(tags, topics), n);
  updateRelatedLists(lists, scorer, { fresh, requery, known, topics }, count);
  const related = new Map<string, string[]>();
  papers.forEach((p, d) => related.set(p.id, lists[d]!.map((o) => papers[o]!.id)));
  return { labels, related };
}

/**
 * Makes the lists of new papers and of `requery` papers afresh, and offers each new paper to the lists
 * of the unchanged papers it scores with, where it takes a place only if it beats an entry. `lists[d]`:
 * paper d's related papers (indexes), updated in place.
 */
function updateRelatedLists(
  lists: number[][],
  scorer: RelatedScorer,
  { fresh, requery, known, topics }: { fresh: readonly number[]; requery: readonly number[]; known: readonly (KnownLabels | undefined)[]; topics: readonly string[] },
  count: number,
): void {
  for (const d of [...fresh, ...requery]) {
    const offers: Array<{ i: number; s: number }> = [];
    scorer.scores(d, (i, s) => offers.push({ i, s }));
    lists[d] = best(offers, count);
    fillFromTopic(lists[d]!, d, topics, count);
  }
  const pending = new Map<number, Array<{ i: number; s: number }>>();
  for (const d of fresh) {
    scorer.scores(d, (o) => {
      if (!known[o] || requery.includes(o)) return;
      (pending.get(o) ?? pending.set(o, []).get(o)!).push({ i: d, s: scorer.pair(o, d) });
    });
  }
  for (const [o, offers] of pending) {
    const list = lists[o]!.map((e) => ({ i: e, s: scorer.pair(o, e) }));
    for (const offer of offers.sort((a, b) => (worse(a, b) ? 1 : -1))) {
      const at = list.findIndex((e) => e.s < offer.s);
      if (at >= 0) list.splice(at, 0, offer);
      else list.push(offer);
    }
    lists[o] = list.slice(0, count).map((e) => e.i);
  }
}

/** The `count` best offers, best first; ties to the lower index (as related.ts's TopK). */
function best(offers: Array<{ i: number; s: number }>, count: number): number[] {
  return offers.sort((a, b) => (worse(a, b) ? 1 : -1)).slice(0, count).map((x) => x.i);
}

/**
 * Tags for paper d: the list's tags (those its classified papers carry) that d writes, ranked by where and
 * how often it writes them (as tags.ts weighs evidence) and by its nearest neighbours' votes; then tags its
 * neighbours carry that it does not write, by votes alone. `near`: paper → similarity.
 */
function neighbourTags(d: number, near: ReadonlyMap<number, number>, known: readonly (KnownLabels | undefined)[], corpus: CountsWithLookup, vocabulary: ListVocabulary): string[] {
  const voters = [...near].filter(([o]) => known[o]).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, VOTERS);
  const total = voters.reduce((sum, [, similarity]) => sum + similarity, 0) || 1;
  const votes = new Map<string, number>();
  for (const [o, similarity] of voters) for (const tag of known[o]!.tags) votes.set(tag, (votes.get(tag) ?? 0) + similarity / total);
  const scores = new Map<string, number>();
  for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
    const tag = vocabulary.byPhrase.get(corpus.ids[i]!);
    if (tag === undefined) continue;
    const evidence = (corpus.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + corpus.body[i]!);
    const specificity = Math.min(1, Math.log(known.length / (vocabulary.df.get(tag) ?? 1)) / Math.log(Math.max(4, known.length)));
    const length = Math.log2(Math.min(3, corpus.words[corpus.ids[i]!]!) + 1) / Math.log2(3);
    scores.set(tag, Math.max(scores.get(tag) ?? 0, evidence * (1 - SPECIFICITY_WEIGHT + SPECIFICITY_WEIGHT * specificity) * length * (1 + (votes.get(tag) ?? 0))));
  }
  const written = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = written[0]?.[1] ?? 0;
  const chosen = written.filter(([, score], k) => k < MIN_TAGS || score >= TAG_FLOOR * top).map(([tag]) => tag);
  const voted = [...votes].filter(([tag, vote]) => !scores.has(tag) && vote >= UNWRITTEN_MIN_VOTE).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [tag] of voted) if (chosen.length < MIN_TAGS) chosen.push(tag);
  return chosen.slice(0, MAX_TAGS);
}

/** The tags the list's classified papers carry: how many carry each, and each by its corpus phrase id. */
interface ListVocabulary {
  df: Map<string, number>;
  byPhrase: Map<number, string>;
}

function listVocabulary(known: readonly (KnownLabels | undefined)[], corpus: CountsWithLookup, taxonomy: Taxonomy): ListVocabulary {
  const df = new Map<string, number>();
  for (const k of known) for (const tag of k?.tags ?? []) df.set(tag, (df.get(tag) ?? 0) + 1);
  const byPhrase = new Map<number, string>();
  const add = (phrase: string, tag: string) => {
    const id = corpus.idOf(phraseKey(phrase));
    if (id !== undefined && !byPhrase.has(id)) byPhrase.set(id, tag);
  };
  // The taxonomy's tags by their aliases too ("mamba" names "state space models"), when the list uses them.
  // Tags are shown in the case the list writes them ("BERT" for the taxonomy's "bert", tag-case.ts).
  const shown = new Map([...df.keys()].map((t) => [t.toLowerCase(), t]));
  // A facet is not given by its name written (tags.ts isFacet).
  const facets = new Set(taxonomy.tags.filter(isFacet).map((t) => t.name));
  for (const tag of taxonomy.tags) {
    const name = shown.get(tag.name.toLowerCase());
    if (name && !facets.has(tag.name)) for (const phrase of [tag.name, ...tag.aliases]) add(phrase, name);
  }
  for (const tag of [...df.keys()].sort()) if (!facets.has(tag.toLowerCase())) add(tag, tag);
  return { df, byPhrase };
}
