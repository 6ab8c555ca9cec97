/**
 * The taxonomy's vocabulary indexed on a list: which corpus phrases and discovered terms name, imply
 * or stop a taxonomy tag, and which papers each tag's field reaches (tags.ts ranks them per paper).
 */
import type { Corpus } from './corpus.ts';
import { wordKey } from '../../core/english/everyday.ts';
import type { Taxonomy } from './taxonomy.ts';
import type { TermTable } from './terms.ts';
import { phraseKey } from './tokenize.ts';

export interface TagIndex {
  /** Vocabulary tag index by corpus phrase id (−1: not in the vocabulary). */
  readonly vocab: Int32Array;
  /** Corpus phrase ids that may never be tags. */
  readonly stopped: Uint8Array;
  /** Vocabulary tags implied by a corpus phrase (taxonomy `implied-by`), by phrase id. */
  readonly implied: ReadonlyMap<number, readonly number[]>;
  readonly vocabNames: readonly string[];
  /** The list's term candidates, and per term its vocabulary tag (−1: none) or −2 for a stop tag. */
  readonly terms: TermTable;
  readonly termVocab: Int32Array;
  /** Per vocabulary tag, its scope: 0 the taxonomy's own field, k ≥ 1 the k-th field of `field-tags`. */
  readonly scopeOf: Uint8Array;
  /** Per scope, the corpus phrases that mark its papers (tag-field.ts): its tags' phrases, and a field's topic keywords. */
  readonly scopePhrases: readonly Uint8Array[];
}

/** Key of a written phrase with the term extractor's word rules, to meet taxonomy entries. */
export function termKeyOf(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean)
    .map(wordKey)
    .join(' ');
}

export function indexVocabulary(corpus: Corpus, taxonomy: Taxonomy, terms: TermTable): TagIndex {
  const vocab = new Int32Array(corpus.count).fill(-1);
  const stopped = new Uint8Array(corpus.count);
  const vocabNames = taxonomy.tags.map((t) => t.name);
  const byTermKey = new Map<string, number>();
  const implied = new Map<number, number[]>();
  const fields = [...new Set(taxonomy.tags.flatMap((t) => (t.field ? [t.field] : [])))];
  const scopeOf = Uint8Array.from(taxonomy.tags, (t) => (t.field ? fields.indexOf(t.field) + 1 : 0));
  const scopePhrases = [undefined, ...fields].map(() => new Uint8Array(corpus.count));
  const mark = (scope: number, phrase: string) => {
    const id = corpus.idOf(phraseKey(phrase));
    if (id !== undefined) scopePhrases[scope]![id] = 1;
    return id;
  };
  // A field's papers are also known by its topic keywords ("clinical trial", "innate immunity").
  fields.forEach((name, k) => {
    const topic = taxonomy.topics.find((t) => t.name === name);
    for (const phrase of [...(topic?.keywords ?? []), ...(topic?.subtopics ?? []).flatMap((s) => s.keywords)]) mark(k + 1, phrase);
  });
  const tagsByKey = tagsByPhraseKey(taxonomy);
  taxonomy.tags.forEach((tag, i) => {
    const facet = isFacet(tag);
    for (const phrase of [tag.name, ...tag.aliases]) {
      // A facet's name written is no evidence of it (isFacet), nor a discovered term of its own.
      if (facet) {
        if (!byTermKey.has(termKeyOf(phrase))) byTermKey.set(termKeyOf(phrase), -2);
        continue;
      }
      const id = mark(scopeOf[i]!, phrase);
      if (id !== undefined && vocab[id] === -1) vocab[id] = i;
      if (!byTermKey.has(termKeyOf(phrase))) byTermKey.set(termKeyOf(phrase), i);
    }
    for (const phrase of impliedPhrases(taxonomy, tag, tagsByKey)) {
      const id = mark(scopeOf[i]!, phrase);
      if (id === undefined) continue;
      const list = implied.get(id) ?? [];
      if (!list.includes(i)) list.push(i);
      implied.set(id, list);
    }
  });
  for (const phrase of taxonomy.stopTags) {
    const id = corpus.idOf(phraseKey(phrase));
    if (id !== undefined) {
      stopped[id] = 1;
      vocab[id] = -1;
      for (const phrases of scopePhrases) phrases[id] = 0;
    }
    byTermKey.set(termKeyOf(phrase), -2);
  }
  // From the taxonomy's side: a list's candidates outnumber the taxonomy's phrases 100 to 1.
  const termVocab = new Int32Array(terms.count).fill(-1);
  for (const [key, v] of byTermKey) {
    const t = terms.idOf(key);
    if (t >= 0) termVocab[t] = v;
  }
  return { vocab, stopped, implied, vocabNames, terms, termVocab, scopeOf, scopePhrases };
}

/**
 * A facet: a taxonomy tag with `introduced-by` nouns names a kind of contribution ("benchmark
 * datasets"), which a paper has when it says it makes one (contribution.ts) or writes one of the
 * tag's implied-by phrases ("new dataset", "annotated corpus"). Its name and aliases written are no
 * evidence: "experiments on two benchmark datasets" is what a method is run on. Session 11, tag F1 vs
 * A/B, tune then held-out halves: gold-80 0.465/0.480, 0.569/0.510 -> 0.465/0.480, 0.567/0.509;
 * gold-cross 0.461/0.443, 0.452/0.426 -> 0.466/0.452, 0.452/0.430. The tag went from 40 to 28 of the
 * 357 papers of a new user's mixed NLP/biomedical list (27 of them by the contribution sentence) and
 * from 79 to 64 papers of the real dumps; reuse and fragment tags unchanged within 0.3 %.
 */
export function isFacet(tag: Taxonomy['tags'][number]): boolean {
  return (tag.introducedBy?.length ?? 0) > 0;
}

/**
 * The phrases that imply a tag: its `implied-by` list, where an entry that is another tag's name or
 * alias stands for that whole tag, every way of writing it ("rnn transducer" implying "speech
 * recognition" is also "neural transducer", its alias). Aliases are one concept by the taxonomy's own
 * definition, so evidence written with any of them is the same evidence. Tag F1 vs A/B, tune then
 * held-out halves: gold-80 0.434/0.456, 0.548/0.482 -> 0.446/0.462, 0.548/0.482; gold-cross
 * 0.431/0.412, 0.432/0.394 -> 0.432/0.409, 0.430/0.392; tags used by 2+ papers seeds 79.1 % ->
 * 79.5 %, real dumps 73.8 % unchanged, gold-cross 44.8 % -> 45.6 %.
 *
 * The implication is transitive: a tag named as evidence brings its own implied-by phrases too, and
 * theirs, so what implies a narrower concept implies every broader heading above it ("binarized" ->
 * quantization -> model compression; "event detection" -> event extraction -> information
 * extraction), as a subject heading's narrower terms do in a thesaurus. Session 14, tag F1 vs A/B,
 * tune then held-out halves (with that session's implied-by entries): gold-80 0.495/0.506,
 * 0.574/0.517 -> 0.499/0.510, 0.574/0.517; gold-cross 0.468/0.478, 0.444/0.429 -> 0.473/0.477,
 * 0.446/0.430; tags used by 2+ papers seeds 64.3 % unchanged, real dumps 57.6 % -> 57.7 %,
 * gold-cross 44.8 % -> 44.1 %; fragment tags unchanged.
 */
export function impliedPhrases(taxonomy: Taxonomy, tag: Taxonomy['tags'][number], byKey = tagsByPhraseKey(taxonomy)): string[] {
  const out = new Set(tag.impliedBy);
  const seen = new Set([tag]);
  let frontier = [tag];
  while (frontier.length) {
    const next: Taxonomy['tags'][number][] = [];
    for (const from of frontier) {
      for (const phrase of from.impliedBy) {
        for (const other of byKey.get(phraseKey(phrase)) ?? []) {
          if (seen.has(other) || (other.field ?? '') !== (tag.field ?? '')) continue;
          for (const p of [other.name, ...other.aliases, ...other.impliedBy]) out.add(p);
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/**
 * The taxonomy's tags under the key (`phraseKey`) of each of their names and aliases, in taxonomy order: what
 * impliedPhrases looks an implied-by phrase up in, made once for all tags instead of a scan of every tag's names per
 * phrase (421 tags of the shipped taxonomy: ~20-30 ms per classification with the scan once implication became
 * transitive, ~1 ms with this map; session 14).
 */
export function tagsByPhraseKey(taxonomy: Taxonomy): Map<string, Taxonomy['tags'][number][]> {
  const byKey = new Map<string, Taxonomy['tags'][number][]>();
  for (const tag of taxonomy.tags) {
    for (const key of new Set([tag.name, ...tag.aliases].map(phraseKey))) {
      const list = byKey.get(key);
      if (list) list.push(tag);
      else byKey.set(key, [tag]);
    }
  }
  return byKey;
}
