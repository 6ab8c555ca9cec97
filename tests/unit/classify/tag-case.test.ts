import { describe, expect, test } from 'vitest';
import { writtenCase } from '../../../src/ingest/classify/tag-case.ts';

describe('tag names in the case the abstracts write them (issue 19 review: "bert", "chatgpt")', () => {
  const texts = [
    'We fine-tune BERT and compare it with ChatGPT on three tasks. Our BERT model is small.',
    'Large Language Models (LLMs) such as ChatGPT are evaluated with Gaussian processes on text.',
    'Transformers are strong. We train transformers and large language models with a Gaussian prior.',
    'RESULTS: Wnt signaling in Saccharomyces cerevisiae was measured. The Wnt signaling pathway is conserved.',
    'Cases rose in the southeastern United States, where hidden states of the model and states of matter differ.',
  ];
  const names = ['bert', 'chatgpt', 'gaussian processes', 'large language models', 'transformers', 'wnt signaling', 'saccharomyces cerevisiae', 'results', 'southeastern united states'];
  const cased = writtenCase(texts, texts.map(() => names));

  test('an acronym or brand written with inner capitals keeps them', () => {
    expect(cased.get('bert')).toBe('BERT');
    expect(cased.get('chatgpt')).toBe('ChatGPT');
  });

  test('a proper adjective or name capitalized wherever it is written keeps its capital', () => {
    expect(cased.get('gaussian processes')).toBe('Gaussian processes');
    expect(cased.get('wnt signaling')).toBe('Wnt signaling');
    expect(cased.get('saccharomyces cerevisiae')).toBe('Saccharomyces cerevisiae');
    // A common word is capitalized where the name writes it after a capitalized one.
    expect(cased.get('southeastern united states')).toBe('southeastern United States');
  });

  test('capitals of a sentence start, a section label or a defined name say nothing', () => {
    expect(cased.get('transformers')).toBe('transformers');
    expect(cased.get('large language models')).toBe('large language models');
    expect(cased.get('results')).toBe('results');
  });
});
