/**
 * Session 18's brief: a query for an irregular plural finds the papers that write its singular. Porter2
 * stems `mice` to `mice` and `mouse` to `mous`, so the query `mice` (matched as a prefix of indexed words)
 * missed a paper writing only `mouse`; likewise `criteria`/`criterion`, `phenomena`/`phenomenon`. Where
 * Porter2 already stems the plural to a prefix of the singular's stem (`analyses` → `analys`, `analysis` →
 * `analysi`; `vertebrae`, `vertebra` → `vertebra`), the query finds it with no help. The mapping is made
 * in the index: a paper's singular is indexed with its irregular plural beside it.
 */
import { describe, expect, test } from 'vitest';
import { irregularNounCounterparts } from '../../../src/core/english/irregular-nouns.ts';
import { queryTerms, stem } from '../../../src/core/search-terms.ts';

/** Whether the query finds a paper whose text is `text`: each query term begins a stem of its words or their counterparts. */
const finds = (query: string, text: string) => {
  const words = [...text.toLowerCase().split(/\W+/), ...irregularNounCounterparts(text)].filter(Boolean).map(stem);
  return queryTerms(query).every((t) => words.some((w) => w.startsWith(t.stem)));
};

describe('a query for an irregular plural finds the paper writing its singular', () => {
  test.each([
    ['mice', 'A mouse model of sleep.'],
    ['criteria', 'One criterion decides.'],
    ['phenomena', 'A phenomenon of the cortex.'],
    ['children', 'Each child slept.'],
    ['feet', 'One foot was bound.'],
  ])('“%s” finds “%s”', (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  test('and the singular still finds the plural', () => {
    expect(finds('mouse', 'Knockout mice sleep less.')).toBe(true);
  });

  test.each([
    ['analyses', 'analysis'],
    ['hypotheses', 'hypothesis'],
    ['vertebrae', 'vertebra'],
    ['larvae', 'larva'],
  ])('“%s” needs no plural indexed beside “%s”: Porter2 finds it', (plural, singular) => {
    expect(irregularNounCounterparts(singular)).toEqual([]);
    expect(finds(plural, singular)).toBe(true);
  });
});

describe('a plural whose stem another English word has is not indexed beside the singular', () => {
  // Beside `life`, `lives` (stem `live`) would make "living" find it; beside `index`, `indices` (stem `indic`) "indicate".
  test.each([
    ['living', 'The origin of life.'],
    ['indicate', 'A citation index.'],
    ['leave', 'The leaf of a tree.'],
  ])('“%s” does not find “%s”', (query, text) => {
    expect(finds(query, text)).toBe(false);
  });
});

test('one counterpart per occurrence, in order: lemma of a form, forms of a lemma (or its regular plural)', () => {
  expect(irregularNounCounterparts('Mice, a mouse, two criterions')).toEqual(['mouse', 'mice', 'criteria']);
});
