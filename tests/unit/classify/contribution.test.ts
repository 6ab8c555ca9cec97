/**
 * What a paper says it contributes (issue 19, implied concepts): a taxonomy tag's `introduced-by`
 * nouns give the tag to a paper that says it makes or presents one ("We present X, a dataset of …"),
 * not to one that merely runs its method on one. Sentences written here, not taken from a list.
 */
import { describe, expect, test } from 'vitest';
import { parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import { introducedTags } from '../../../src/ingest/classify/contribution.ts';
import { buildCorpus } from '../../../src/ingest/classify/corpus.ts';
import { indexVocabulary } from '../../../src/ingest/classify/tag-index.ts';
import { extractTerms } from '../../../src/ingest/classify/terms.ts';
import { phraseKey } from '../../../src/ingest/classify/tokenize.ts';

const FILE = 'content/taxonomy.yaml';
const parsed = parseTaxonomy('tags:\n  benchmark datasets:\n    aliases: [benchmark dataset]\n    introduced-by: [dataset, benchmark, corpus]\n  software tools:\n    introduced-by: [toolkit]\n', FILE);
if (!parsed.ok) throw new Error(parsed.error);
const taxonomy = parsed.taxonomy;
const of = (abstract: string) => introducedTags([abstract], taxonomy)[0]!.map((v) => taxonomy.tags[v]!.name);

describe('contributions as tags', () => {
  test('a paper that says it presents a dataset, a benchmark or a corpus gets the tag', () => {
    expect(of('Glosses are scarce. We present GLOSS-7, a corpus of 40,000 interlinear glosses in seven languages.')).toEqual(['benchmark datasets']);
    expect(of('We first construct a parallel benchmark for dialect identification. Models fail on it.')).toEqual(['benchmark datasets']);
    expect(of('To study this, we release a new annotated dataset of 3,000 court rulings.')).toEqual(['benchmark datasets']);
    expect(of('We also introduce Lemmy, an open toolkit for lemmatization.')).toEqual(['software tools']);
  });

  test('a paper that runs its method on a dataset does not', () => {
    expect(of('We propose a parser and evaluate it on a benchmark of Czech sentences.')).toEqual([]);
    expect(of('We develop a method that outperforms baselines in the dataset of the shared task.')).toEqual([]);
    expect(of('We propose a new loss; experiments on three benchmark datasets show gains.')).toEqual([]);
    expect(of('Existing datasets are small. The dataset we use was collected by others.')).toEqual([]);
  });

  test('the taxonomy names the nouns: a tag without introduced-by is never given so, and an entry is one word', () => {
    const none = parseTaxonomy('tags:\n  benchmark datasets: [benchmark dataset]\n', FILE);
    if (!none.ok) throw new Error(none.error);
    expect(introducedTags(['We present a dataset of tweets.'], none.taxonomy)).toEqual([[]]);
    const bad = parseTaxonomy('tags:\n  benchmark datasets:\n    introduced-by: [new dataset]\n', FILE);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/content\/taxonomy\.yaml:3: introduced-by entry "new dataset" of tag "benchmark datasets" must be one word/);
  });

  test('such a tag is a facet: its name written ("experiments on two benchmark datasets") is no evidence of it (new-user review: on 40 of 357 papers)', () => {
    const papers = [
      { id: 'a', title: 'A loss for parsing', abstract: 'We propose a new loss. Experiments on two benchmark datasets show gains over strong baselines.' },
      { id: 'b', title: 'Glosses', abstract: 'We present a benchmark dataset of interlinear glosses for seven languages.' },
    ];
    const corpus = buildCorpus(papers);
    const index = indexVocabulary(corpus, taxonomy, extractTerms(papers));
    const id = corpus.idOf(phraseKey('benchmark datasets'));
    expect(id).toBeDefined();
    expect(index.vocab[id!]).toBe(-1);
    // Nor does it come back as a discovered term of the list.
    const t = index.terms.idOf('benchmark dataset');
    if (t >= 0) expect(index.termVocab[t]).toBe(-2);
  });
});
