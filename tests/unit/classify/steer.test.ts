import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../../../src/ingest/classify/corpus.ts';
import { flatTopics, nameFromOtherField, taxonomyLabels } from '../../../src/ingest/classify/steer.ts';
import { parseTaxonomy } from '../../../src/ingest/classify/taxonomy.ts';
import { paperVectors } from '../../../src/ingest/classify/vectors.ts';

// A language topic that gives way to its subtopics (as NLP does in a list of NLP papers), and a
// method topic beside them.
const parsed = parseTaxonomy(
  [
    'topics:',
    '  - name: Language',
    '    keywords: [language]',
    '    subtopics:',
    '      - name: Translation',
    '        keywords: [machine translation]',
    '      - name: Dialogue',
    '        keywords: [dialogue systems]',
    '  - name: Transfer',
    '    keywords: [transfer learning]',
    '',
  ].join('\n'),
  'test.yaml',
);
if (!parsed.ok) throw new Error(parsed.error);
const taxonomy = parsed.taxonomy;

// Filler papers, each on a subject of its own, make the keywords specific (a keyword of a few papers in 100).
const filler = Array.from({ length: 100 }, (_, i) => ({ id: `f${i}`, title: `Study ${i}`, abstract: `We examine subject${i} and measure quantity${i} across sample${i}.` }));
const method = Array.from({ length: 4 }, (_, i) => ({
  id: `t${i}`,
  title: `Transfer learning with adapters ${i}`,
  abstract: `Transfer learning adapts frozen encoders with small adapters across domains; transfer learning keeps adapters cheap while encoders stay frozen (variant ${i}).`,
}));
const translation = Array.from({ length: 4 }, (_, i) => ({
  id: `m${i}`,
  title: `Machine translation of rare words ${i}`,
  abstract: `Machine translation systems mistranslate rare words; machine translation quality improves with subword vocabularies (variant ${i}).`,
}));
const dialogue = Array.from({ length: 4 }, (_, i) => ({
  id: `d${i}`,
  title: `Dialogue systems that ask back ${i}`,
  abstract: `Dialogue systems answer users turn by turn; dialogue systems that ask clarifying questions satisfy users (variant ${i}).`,
}));
// Written with the method papers' words, but none of its keywords; and with the dialogue papers' words, none of theirs.
const unwritten = { id: 'u', title: 'Adapters for frozen encoders', abstract: 'Small adapters adapt frozen encoders across domains while the encoders stay frozen and adapters stay cheap.' };
const unwrittenSub = { id: 'v', title: 'Asking users back', abstract: 'Systems answer users turn by turn; systems that ask clarifying questions satisfy users.' };

describe('where a topic gives way to its subtopics (steer.ts)', () => {
  test('a paper takes only a topic or subtopic whose keywords it writes, not one whose papers it merely resembles', () => {
    const papers = [...filler, ...method, ...translation, ...dialogue, unwritten, unwrittenSub];
    const corpus = buildCorpus(papers);
    const flat = flatTopics(taxonomy);
    const index = (name: string) => flat.findIndex((t) => t.name === name);
    const candidates = ['Translation', 'Dialogue', 'Transfer'].map(index);
    const { label } = taxonomyLabels(corpus, taxonomy, paperVectors(corpus), () => ({ inside: new Uint8Array(papers.length).fill(1), candidates: () => candidates }));
    // The method papers themselves keep their topic.
    expect(label[papers.findIndex((p) => p.id === 't0')]).toBe(index('Transfer'));
    expect(label[papers.findIndex((p) => p.id === 'd0')]).toBe(index('Dialogue'));
    expect(label[papers.findIndex((p) => p.id === 'u')]).not.toBe(index('Transfer'));
    expect(label[papers.findIndex((p) => p.id === 'v')]).not.toBe(index('Dialogue'));
  });
});

describe("a taxonomy field's classes (keyword-evidence.ts SALIENT_KEYWORD_WEIGHT)", () => {
  const field = parseTaxonomy(
    ['topics:', '  - name: Medicine', '    field: true', '    keywords: [clinical]', '    subtopics:', '      - name: Eye', '        keywords: [retina]', '      - name: Nerves', '        keywords: [axon]', ''].join('\n'),
    'field.yaml',
  );
  if (!field.ok) throw new Error(field.error);
  // Axon growth studied in retinal cells: the retina is mentioned twice as the model, the axon once.
  const paper = { id: 'p', title: 'Growing cells on magnetic particles', abstract: 'Cells of the retina were cultured; in the retina model, axon growth doubled.' };
  const papers = [...filler, paper];
  const corpus = buildCorpus(papers);
  const flat = flatTopics(field.taxonomy);
  const classes = ['Eye', 'Nerves'].map((name) => flat.findIndex((t) => t.name === name));
  const plan = () => ({ inside: new Uint8Array(papers.length).fill(1), candidates: () => classes });
  const labelOf = (tags?: string[][]) => taxonomyLabels(corpus, field.taxonomy, paperVectors(corpus), plan, tags).label[papers.length - 1];

  test('by the keywords the paper writes most, without its key terms', () => {
    expect(labelOf()).toBe(classes[0]);
  });

  test('by the keyword its key terms (tags) contain, as a cataloguer classes a work by its key subjects', () => {
    expect(labelOf([...filler.map(() => []), ['axon growth', 'magnetic particles']])).toBe(classes[1]);
  });
});

describe('a discovered group of a taxonomy field (steer.ts nameFromOtherField)', () => {
  const two = parseTaxonomy(
    ['topics:', '  - name: Medicine', '    field: true', '    keywords: [clinical]', '    subtopics:', '      - name: Eye', '        keywords: [retina]', '      - name: Skin', '        keywords: [skin]',
      '  - name: Biology', '    field: true', '    keywords: [cell]', '    subtopics:', '      - name: Biochemistry', '        keywords: [enzyme]', '      - name: Genetics', '        keywords: [gene]', ''].join('\n'),
    'two.yaml',
  );
  if (!two.ok) throw new Error(two.error);
  const flat = flatTopics(two.taxonomy);
  const at = (name: string) => flat.findIndex((t) => t.name === name);
  const medicine = at('Medicine');
  // Papers 0-1 are an Eye topic; 2-4 a discovered group, two of whose three papers are best described by Biochemistry.
  const groupOf = Int32Array.from([0, 0, 1, 1, 1]);
  const best = [at('Eye'), at('Eye'), at('Biochemistry'), at('Biochemistry'), at('Genetics')];
  const evidence = (d: number, t: number) => (t === best[d] ? 3 : 0);

  test('is named by the class of the other field most of its papers are best described by', () => {
    const names = ['Eye', ''];
    nameFromOtherField(groupOf, 2, names, Int32Array.from([medicine, medicine, medicine, medicine, medicine]), flat, evidence);
    expect(names).toEqual(['Eye', 'Biochemistry']);
  });

  test('is named by the other field itself when most papers are its but split over its classes', () => {
    // Papers 2-4: one Biochemistry, one Genetics, one with no class: no class has most, the field Biology has two of three.
    const names = ['Eye', ''];
    const split = [at('Eye'), at('Eye'), at('Biochemistry'), at('Genetics'), -1];
    nameFromOtherField(groupOf, 2, names, Int32Array.from([medicine, medicine, medicine, medicine, medicine]), flat, (d, t) => (t === split[d] ? 3 : 0));
    expect(names).toEqual(['Eye', 'Biology']);
  });

  test('keeps its words-made name outside a taxonomy field, or without a majority', () => {
    const names = ['Eye', ''];
    nameFromOtherField(groupOf, 2, names, new Int32Array(5).fill(-1), flat, evidence);
    expect(names).toEqual(['Eye', '']);
    nameFromOtherField(groupOf, 2, names, Int32Array.from([medicine, medicine, medicine, medicine, medicine]), flat, (d, t) => (d === 2 && t === best[d] ? 3 : 0));
    expect(names).toEqual(['Eye', '']);
  });
});
