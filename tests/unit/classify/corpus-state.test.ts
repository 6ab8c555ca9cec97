/**
 * The corpus pass extended with new papers (corpus-state.ts) gives what a pass over the whole list gives, phrase
 * ids included, wherever the new papers fall in the list (issue #18: a rebuild equals a build from scratch);
 * and it declines, so the caller passes over every paper, whenever its state is not that of the same papers.
 */
import { describe, expect, test } from 'vitest';
import { buildCorpus, type Corpus, type PaperText } from '../../../src/ingest/classify/corpus.ts';
import { extendCorpus, passWithState, type CorpusState } from '../../../src/ingest/classify/corpus-state.ts';
import { paperVectors } from '../../../src/ingest/classify/vectors.ts';
import { ingestSources, seedSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const textsOf = (papers: readonly { id: string; title: string; abstract: string }[]): PaperText[] => papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
const seeds = textsOf(ingestSources(seedSources()).papers);
// Papers of another kind of dump (ACL listings), to add to the seeds.
const others = textsOf(ingestSources(sourcesIn('tests/fixtures/real-dumps', (name) => name === 'acl-listing.txt')).papers);
const keyOf = (p: PaperText) => `${p.id}\u0000${p.title}\u0000${p.abstract}`;

/** The state a pass over `papers` leaves. */
const stateOf = (papers: readonly PaperText[]) => passWithState(papers, papers.map(keyOf)).state;

/** What a corpus is made of (its lookups aside). */
function countsOf(c: Corpus) {
  return { size: c.size, start: c.start, ids: c.ids, title: c.title, body: c.body, count: c.count, words: c.words, df: c.df, titleDf: c.titleDf };
}

/** A state's phrases with their words spelled out (word numbers may differ from a whole pass's). */
const phrases = (s: CorpusState) => ({ parent: s.parent, words: s.words, last: Array.from(s.lastWord, (w) => s.wordKeys[w]) });

describe('extending the corpus pass with new papers', () => {
  test.each([
    ['before every old paper', 0],
    ['among the old papers', Math.floor(seeds.length / 2)],
    ['after every old paper', seeds.length],
  ])('new papers %s: the counts, phrase ids, vectors and next state of a whole pass', (_, at) => {
    expect(others.length).toBeGreaterThanOrEqual(10);
    const added = others.slice(0, 10);
    const papers = [...seeds.slice(0, at), ...added.slice(0, 6), ...seeds.slice(at, at + 3), ...added.slice(6), ...seeds.slice(at + 3)];
    const extended = extendCorpus(stateOf(seeds), papers, papers.map(keyOf));
    expect(extended).not.toBeNull();
    const { idOf, ...counts } = extended!.counts;
    const whole = buildCorpus(papers);
    expect(counts).toEqual(countsOf(whole));
    expect(paperVectors(extended!.counts)).toEqual(paperVectors(whole));
    for (const key of ['graph neural network', 'language model', 'transformer', 'no such phrase here']) expect(idOf(key), key).toBe(whole.idOf(key));
    // Extending again starts from the extended state as from a whole pass's.
    const next = stateOf(papers);
    const { wordKeys: _w, lastWord: _l, parent: _p, words: _n, ...rest } = extended!.state;
    const { wordKeys: _w2, lastWord: _l2, parent: _p2, words: _n2, ...restWhole } = next;
    expect(rest).toEqual(restWhole);
    expect(phrases(extended!.state)).toEqual(phrases(next));
  });

  test('an acronym a new paper defines that an old paper writes undefined: declined (the old paper reads otherwise)', () => {
    const old: PaperText[] = [
      { id: 'a', title: 'Graph neural networks', abstract: 'We train a graph neural network (GNN) on molecules.' },
      { id: 'b', title: 'Depth', abstract: 'A deeper GNN generalises better on citation graphs.' },
    ];
    const added: PaperText = { id: 'c', title: 'Pooling', abstract: 'We pool the nodes of a graph neural network (GNN) hierarchically.' };
    const papers = [...old, added];
    expect(extendCorpus(stateOf(old), papers, papers.map(keyOf))).toBeNull();
    // The same paper without the definition changes no acronym: extended as a whole pass.
    const plain = { ...added, abstract: 'We pool the nodes of a graph hierarchically.' };
    const extended = extendCorpus(stateOf(old), [...old, plain], [...old, plain].map(keyOf));
    expect(extended).not.toBeNull();
    expect(extended!.counts.ids).toEqual(buildCorpus([...old, plain]).ids);
  });

  test('a state not of these papers less new ones (one removed, one changed, reordered, damaged): declined', () => {
    const state = stateOf(seeds);
    const keys = seeds.map(keyOf);
    const declined = (papers: PaperText[], s: CorpusState = state) => extendCorpus(s, papers, papers.map(keyOf)) === null;
    expect(declined(seeds.slice(1))).toBe(true);
    expect(declined([{ ...seeds[0]!, abstract: `${seeds[0]!.abstract} Revised.` }, ...seeds.slice(1)])).toBe(true);
    expect(declined([seeds[1]!, seeds[0]!, ...seeds.slice(2)])).toBe(true);
    expect(declined(seeds, { ...state, ids: state.ids.slice(1) })).toBe(true);
    expect(declined(seeds, { ...state, version: state.version + 1 })).toBe(true);
    expect(declined(seeds, { ...state, blockStart: state.blockStart.slice(0, -1) })).toBe(true);
    // The same papers, nothing new: the whole pass's counts.
    const same = extendCorpus(state, seeds, keys);
    expect(same && same.counts.ids).toEqual(buildCorpus(seeds).ids);
  });
});
