import { describe, expect, test } from 'vitest';
import { buildCorpus, titleRepeatsAbstract } from '../../../src/ingest/classify/corpus.ts';
import { TERM_INNER_WORDS } from '../../../src/core/english/function-words.ts';
import { definedAcronyms, tokenize } from '../../../src/ingest/classify/tokenize.ts';
import { paperVectors } from '../../../src/ingest/classify/vectors.ts';
import { ingestSources, seedSources } from '../../support/ingest-fixtures.ts';

const seeds = ingestSources(seedSources()).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));

/** The phrases (1–3 words, as counted by the corpus) of a text, the slow way: through tokenize(). */
function referencePhrases(text: string, acronyms: Map<string, string[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const chunk of tokenize(text, acronyms)) {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i]!.stop) continue;
      const words: string[] = [];
      for (let n = 1; n <= 3 && i + n <= chunk.length; n++) {
        const t = chunk[i + n - 1]!;
        if (/^\d+$/.test(t.key)) break;
        words.push(t.key);
        if (t.stop) {
          if (!TERM_INNER_WORDS.has(t.key)) break;
          continue;
        }
        const key = words.join(' ');
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
  }
  return out;
}

describe('the corpus pass', () => {
  test('counts exactly the phrases that tokenize() finds in each abstract, hyphens, prefixes and acronyms included', () => {
    const papers = [
      { id: 'a', title: 'x', abstract: 'Graph neural networks (GNNs) use message passing. Pre training and pre-training of GNNs, self-supervised learning; multi task, $\\ell_1$ norms.' },
      { id: 'b', title: 'y', abstract: 'We study Mixture of Experts layers, state-of-the-art results - and learning to rank with 3 losses.' },
      ...seeds.slice(0, 60).map((p) => ({ ...p, title: 'z' })),
    ];
    // One paper at a time: acronyms defined by several papers of a list would apply to all of them.
    papers.forEach((p) => {
      const corpus = buildCorpus([p]);
      const d = 0;
      const counted = new Map<string, number>();
      for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) if (corpus.body[i]) counted.set(corpus.key(corpus.ids[i]!), corpus.body[i]!);
      const expected = referencePhrases(p.abstract, definedAcronyms(p.abstract));
      for (const [key, count] of expected) expect([key, counted.get(key)]).toEqual([key, count]);
      expect(counted.size).toBe(expected.size);
    });
  });

  test('finds a phrase again by its key, and shows it as most papers write it', () => {
    const corpus = buildCorpus([
      { id: 'a', title: 'Self-Supervised Learning of Graphs', abstract: 'Graph neural networks learn from graphs.' },
      { id: 'b', title: 'Pretraining', abstract: 'Graph neural networks are pre-trained with self-supervised learning.' },
    ]);
    const id = corpus.idOf('graph neural network')!;
    expect(id).toBeGreaterThanOrEqual(0);
    expect(corpus.key(id)).toBe('graph neural network');
    expect(corpus.df[id]).toBe(2);
    expect(corpus.surface(id)).toBe('graph neural networks');
    expect(corpus.surface(corpus.idOf('self supervised learning')!)).toBe('self-supervised learning');
    expect(corpus.titleDf[corpus.idOf('graph')!]).toBe(1);
    expect(corpus.idOf('graph neural banana')).toBeUndefined();
  });

  test('a title that only repeats the abstract\'s first words is recognised, a real title is not', () => {
    const abstract = 'Graph neural networks, or GNNs, are widely used. We study their depth.';
    expect(titleRepeatsAbstract('Graph Neural Networks, or GNNs, are widely used', abstract)).toBe(true);
    expect(titleRepeatsAbstract('Deeper graph networks', abstract)).toBe(false);
    expect(titleRepeatsAbstract('', abstract)).toBe(false);
  });

  test('paper vectors are unit length and only use phrases that several papers share', () => {
    const corpus = buildCorpus(seeds);
    const v = paperVectors(corpus);
    for (let d = 0; d < v.size; d += 37) {
      let norm = 0;
      for (let i = v.start[d]!; i < v.start[d + 1]!; i++) {
        norm += v.weights[i]! ** 2;
        expect(corpus.df[v.phraseOf[v.ids[i]!]!]).toBeGreaterThanOrEqual(2);
      }
      if (v.start[d + 1]! > v.start[d]!) expect(norm).toBeCloseTo(1, 5);
    }
  });
});
