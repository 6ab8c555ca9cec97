import { expect, test } from 'vitest';
import { counted, nounFor } from '../../../src/core/english/inflection.ts';

test('counts take the number English gives their noun', () => {
  expect(counted(1, 'warning')).toBe('1 warning');
  expect(counted(0, 'warning')).toBe('0 warnings');
  expect(counted(2, 'paper')).toBe('2 papers');
  expect(counted(1, 'duplicate')).toBe('1 duplicate');
  expect(counted(3, 'abstract')).toBe('3 abstracts');
});

test('the noun alone takes the same number, for pages that print the figure apart ("<strong>1</strong> paper")', () => {
  expect(nounFor(1, 'paper')).toBe('paper');
  expect(nounFor(0, 'topic')).toBe('topics');
  expect(nounFor(40, 'tag')).toBe('tags');
});

test('a term key folds Latin, Greek and wrongly cut plurals onto the singular English writes (issue 19: "bias" and "biases" were two tags of one list)', async () => {
  const { wordKey } = await import('../../../src/core/english/everyday.ts');
  for (const [plural, single] of [
    ['biases', 'bias'],
    ['matrices', 'matrix'],
    ['vertices', 'vertex'],
    ['criteria', 'criterion'],
    ['phenomena', 'phenomenon'],
    ['corpora', 'corpus'],
    ['stimuli', 'stimulus'],
    ['larvae', 'larva'],
    ['analyses', 'analysis'],
    ['hypotheses', 'hypothesis'],
  ]) expect(wordKey(plural!), plural).toBe(wordKey(single!));
  // Words of their own that only end like such plurals, and regular plurals, keep the suffix rule.
  for (const [word, key] of [['camera', 'camera'], ['data', 'data'], ['devices', 'device'], ['bases', 'base'], ['cases', 'case']]) expect(wordKey(word!), word).toBe(key);
});

test('title case leaves a Greek letter as written: it is a symbol, and "Β-Amyloid" reads as a Latin B', async () => {
  const { titleCase, titleCaseTag } = await import('../../../src/core/english/title-case.ts');
  expect(titleCase('comparing clearance of cerebral β-amyloid in patients')).toBe('Comparing Clearance of Cerebral β-Amyloid in Patients');
  expect(titleCase('α-synuclein aggregation in dopaminergic neurons')).toBe('α-Synuclein Aggregation in Dopaminergic Neurons');
  expect(titleCaseTag('α-synuclein')).toBe('α-Synuclein');
  expect(titleCaseTag('tgf-β signaling')).toMatch(/-β Signaling$/);
});
