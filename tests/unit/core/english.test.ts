import { describe, expect, test } from 'vitest';
import { counted, nounFor } from '../../../src/core/english/inflection.ts';
import { lowercaseTitleCase, writtenInTitleCase } from '../../../src/core/english/title-case.ts';

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

describe('a title written in Title Case, whose capitals are the style\'s and no spelling (session 18: one test for the tagger and for tag case)', () => {
  test('headline style is Title Case, lowercase function words and all', () => {
    expect(writtenInTitleCase('Attention Is All You Need')).toBe(true);
    expect(writtenInTitleCase('Piecewise Losses with Text Labels in Math')).toBe(true);
  });

  test('a compound whose later part is left lowercase ("Pre-training", "Fine-grained") is a Title Case word', () => {
    expect(writtenInTitleCase('Post-training Quantization for Neural Networks')).toBe(true);
    expect(writtenInTitleCase('Self-supervised Mapping of Coral Cover from Drone Imagery')).toBe(true);
  });

  test('sentence case is not, acronyms and names inside it notwithstanding', () => {
    expect(writtenInTitleCase('The periodic table before Mendeleev: classification of chemical elements')).toBe(false);
    expect(writtenInTitleCase('BERT and GPT-4 on MIMIC-III clinical notes')).toBe(false);
    expect(writtenInTitleCase('La recepción del darwinismo en España durante la segunda mitad del siglo XIX')).toBe(false);
  });

  test('acronyms count as capitals in a Title Case title, and a title in capitals is Title Case', () => {
    expect(writtenInTitleCase('GNNs for MRI Segmentation')).toBe(true);
    expect(writtenInTitleCase('DEEP LEARNING FOR PROTEIN FOLDING')).toBe(true);
  });

  test('a German title\'s capitalised nouns pass too: Title Case is an English convention, asked of English titles only', () => {
    expect(writtenInTitleCase('Die Verhältnismäßigkeitsprüfung in der Rechtsprechung des Bundesverfassungsgerichts')).toBe(true);
  });

  test.fails('a sentence-case title half of whose words are names is sentence case (known fault: read as Title Case)', () => {
    expect(writtenInTitleCase('Decline of the North American avifauna')).toBe(false);
  });
});

describe('a Title Case title lowered for the tagger, which reads every capitalised word as a proper noun', () => {
  test('its Title Case words are lowered; acronyms and words with a capital inside keep their case', () => {
    expect(lowercaseTitleCase('Unified Framework for Early Detection of GNNs in pHLIP Imaging')).toBe('unified framework for early detection of GNNs in pHLIP imaging');
    expect(lowercaseTitleCase('Self-supervised Mapping of Coral Cover')).toBe('self-supervised mapping of coral cover');
  });

  test('a sentence-case title and a title in capitals are left as written', () => {
    expect(lowercaseTitleCase('The periodic table before Mendeleev: classification of chemical elements')).toBe('The periodic table before Mendeleev: classification of chemical elements');
    expect(lowercaseTitleCase('DEEP LEARNING FOR PROTEIN FOLDING')).toBe('DEEP LEARNING FOR PROTEIN FOLDING');
  });
});
