import { describe, expect, test } from 'vitest';
import { casedText, writtenCase } from '../../../src/ingest/classify/tag-case.ts';

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

describe('hyphenated names keep each part\'s capital as written (review: "Weisfeiler-lehman test")', () => {
  // The later part is capitalized only in a definition or a heading, the first part also elsewhere: as in the seeds.
  const texts = [
    'Recent works introduced the Weisfeiler-Lehman (WL) hierarchy as a measure of expressive power of graph networks.',
    'We study subgraph networks through the lens of Subgraph Weisfeiler-Lehman Tests (SWL) and their hierarchy.',
    'Message-passing networks are compared with the test of Weisfeiler and Leman on regular graphs.',
    'We solve the Navier-Stokes (NS) equations on irregular meshes; the Navier slip condition holds at the wall.',
    'Self-Supervised Learning (SSL) learns from unlabelled data. We compare self-supervised learning with Self-Supervised Pretraining (SSP).',
    'A Gaussian-based prior is used. Gaussian processes and Gaussian-based kernels are compared with the Gaussian-Based Estimator (GBE).',
  ];
  const names = ['weisfeiler-lehman test', 'navier-stokes equations', 'self-supervised learning', 'gaussian-based prior'];
  const cased = writtenCase(texts, texts.map(() => names));

  test('a part after a capitalized part keeps the capital every use of the hyphenated word gives it', () => {
    expect(cased.get('weisfeiler-lehman test')).toBe('Weisfeiler-Lehman test');
    expect(cased.get('navier-stokes equations')).toBe('Navier-Stokes equations');
  });

  test('the capitals of a longer name around it say nothing of a word of the name', () => {
    // "Subgraph Weisfeiler-Lehman Tests (SWL)" names something else; a name's own capitals still count.
    expect(cased.get('weisfeiler-lehman test')).not.toContain('Test');
    const own = ['We trained models near the CERN Large Hadron Collider and the Large Hadron Collider beauty experiment.'];
    expect(writtenCase(own, [['cern large hadron collider']]).get('cern large hadron collider')).toBe('CERN Large Hadron Collider');
  });

  test('an ordinary hyphenated term stays lowercase, however often a definition capitalizes it', () => {
    expect(cased.get('self-supervised learning')).toBe('self-supervised learning');
  });

  test('a part written lowercase in some uses stays lowercase after a capitalized part', () => {
    expect(cased.get('gaussian-based prior')).toBe('Gaussian-based prior');
  });
});

describe('the case a paper writes a word in its title or at a sentence start (issue 19: "siglo xix", "mendeleev")', () => {
  test('a title in sentence case gives its capitals: a roman numeral, an acronym, a name written there only', () => {
    const spanish = casedText('La recepción del darwinismo en España durante la segunda mitad del siglo XIX', 'Este artículo estudia la recepción del darwinismo en la prensa científica del siglo.', false);
    expect(writtenCase([spanish], [['siglo xix']]).get('siglo xix')).toBe('siglo XIX');
    const english = casedText('The periodic table before Mendeleev: classification of chemical elements', 'Mendeleev is credited with the periodic table of 1869.', true);
    expect(writtenCase([english], [['mendeleev']]).get('mendeleev')).toBe('Mendeleev');
  });

  test('an English title in Title Case gives none: it capitalizes every word', () => {
    // "with" and "in" are lowercase in Title Case too: five words of seven capitalised make it Title Case.
    const text = casedText('Piecewise Losses with Text Labels in Math', 'We define the loss and show that its minimiser is unique.', true);
    expect(writtenCase([text], [['piecewise losses']]).get('piecewise losses')).toBe('piecewise losses');
  });

  test('an English Title Case title whose compound leaves its later part lowercase gives none either (session 18: "Self-supervised" had made it sentence case)', () => {
    const text = casedText('Self-supervised Mapping of Coral Cover from Drone Imagery', 'We estimate the health of reefs.', true);
    expect(writtenCase([text], [['coral cover']]).get('coral cover')).toBe('coral cover');
  });

  test('an English title in capitals gives none: its capitals are the style\'s', () => {
    const text = casedText('DEEP LEARNING FOR PROTEIN FOLDING', 'We predict structures from sequences.', true);
    expect(writtenCase([text], [['protein folding']]).get('protein folding')).toBe('protein folding');
  });

  test('a German title gives its nouns\' capitals, which every German title writes', () => {
    const text = casedText('Die Verhältnismäßigkeitsprüfung in der Rechtsprechung', 'Der Beitrag untersucht die Rechtsprechung.', false);
    expect(writtenCase([text], [['verhältnismäßigkeitsprüfung']]).get('verhältnismäßigkeitsprüfung')).toBe('Verhältnismäßigkeitsprüfung');
  });

  test('a full name whose first word the paper writes only opening a sentence takes its capital', () => {
    const texts = ["Justus von Liebig's laboratory at Giessen trained chemists. Its apparatus spread across Europe."];
    expect(writtenCase(texts, [['justus von liebig']]).get('justus von liebig')).toBe('Justus von Liebig');
    // An acronym is no surname: a term opening a sentence keeps its lowercase first word.
    const acronym = ['Subgraph GNNs are expressive. We compare them with message passing.'];
    expect(writtenCase(acronym, [['subgraph gnns']]).get('subgraph gnns')).toBe('subgraph GNNs');
    // A common word opening a sentence before a name, written lowercase elsewhere, stays lowercase.
    const common = ['Southeastern United States counties grew. Cases in the southeastern United States rose.'];
    expect(writtenCase(common, [['southeastern united states']]).get('southeastern united states')).toBe('southeastern United States');
  });
});
