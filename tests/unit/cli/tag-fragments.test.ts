/**
 * The eval's fragment detector (scripts/lib/tag-fragments.ts) on sentences written for each kind: it
 * must flag a piece of a longer term and leave a whole noun phrase alone, whatever follows it.
 */
import { describe, expect, test } from 'vitest';
import { fragmentKinds } from '../../../scripts/lib/tag-fragments.ts';

describe('fragment detector', () => {
  test('a tag that starts inside a hyphenated word is a piece of it ("art baselines")', () => {
    expect(fragmentKinds('art baselines', 'beats state-of-the-art baselines. two state-of-the-art baselines.')).toContain('hyphenPiece');
  });

  test('a word after a locant or a count is whole ("α1-2-fucosylation", "2-jaw")', () => {
    expect(fragmentKinds('fucosylation', 'daily α1-2-fucosylation of the molecule. rhythmic α1-2-fucosylation in neurons.')).not.toContain('hyphenPiece');
  });

  test('a phrase continued over "of" by one same noun is a piece ("sparse mixture" of "sparse mixture of experts")', () => {
    expect(fragmentKinds('sparse mixture', 'a sparse mixture of experts. sparse mixture of experts layers. the sparse mixture of experts.')).toContain('continued');
    expect(fragmentKinds('extractive question', 'extractive question answering. extractive question answering models. on extractive question answering.')).toContain('continued');
  });

  test('a phrase followed by a function word, or by "of" and different nouns, is whole', () => {
    expect(fragmentKinds('partial order', 'a partial order over the string. the partial order over the set. partial order over tokens.')).not.toContain('continued');
    expect(fragmentKinds('model complexity', 'model complexity and depth. model complexity and width. the model complexity and cost.')).not.toContain('continued');
    expect(fragmentKinds('mouse model', 'a mouse model of lung cancer. a mouse model of meningitis. a mouse model of metastasis.')).not.toContain('continued');
    expect(fragmentKinds('correctness', 'the correctness of the nucleotide. the correctness of the answer. the correctness of a proof.')).not.toContain('continued');
  });
});
