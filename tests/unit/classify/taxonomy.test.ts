import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseTaxonomy, topicMethod } from '../../../src/ingest/classify/index.ts';

const FILE = 'content/taxonomy.yaml';

function error(text: string) {
  const result = parseTaxonomy(text, FILE);
  if (result.ok) throw new Error('expected a parse error');
  return result;
}

describe('the taxonomy file', () => {
  test('the shipped content/taxonomy.yaml parses into topics, tags and stop-tags', () => {
    const result = parseTaxonomy(readFileSync(FILE, 'utf8'), FILE);
    if (!result.ok) throw new Error(result.error);
    const { topics, tags, stopTags } = result.taxonomy;
    expect(topics.length).toBeGreaterThanOrEqual(10);
    expect(topics.length).toBeLessThanOrEqual(20);
    for (const topic of topics) {
      expect(topic.name).toMatch(/[A-Z]/);
      expect(topic.description.length).toBeGreaterThan(10);
      expect(topic.keywords.length).toBeGreaterThan(3);
    }
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) expect(tag.name).toBe(tag.name.toLowerCase());
    expect(stopTags).toContain('deep learning');
  });

  test('a shipped tag is written out, its initialism an alias ("speech recognition" <- "asr"), never the other way round', () => {
    const result = parseTaxonomy(readFileSync(FILE, 'utf8'), FILE);
    if (!result.ok) throw new Error(result.error);
    const initials = (phrase: string) => phrase.split(/[\s-]+/).map((w) => w[0]).join('');
    for (const tag of result.taxonomy.tags) {
      const spelledOut = tag.aliases.filter((a) => a.includes(' ') && !tag.name.includes(' ') && initials(a) === tag.name.replace(/s$/, ''));
      expect(spelledOut, tag.name).toEqual([]);
    }
  });

  test('a YAML syntax error names the file and its line', () => {
    const e = error('topics:\n  - name: Graphs\n    keywords: [graph\n  - name: Speech\n');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.error).toMatch(new RegExp(`^${FILE}:${e.line}: `));
  });

  test('an unknown top-level key is reported at its line', () => {
    const e = error('topics: []\ntags: {}\ncategories: []\n');
    expect(e.line).toBe(3);
    expect(e.error).toContain('unknown key "categories"');
  });

  test('a tag with capitals is rejected at its line', () => {
    const e = error('tags:\n  point clouds: []\n  Knowledge Distillation: [distillation]\n');
    expect(e.line).toBe(3);
    expect(e.error).toContain('must be lowercase');
  });

  test('a phrase claimed by two tags is reported with both lines', () => {
    const e = error('tags:\n  knowledge distillation: [distillation]\n  model compression: [distillation]\n');
    expect(e.line).toBe(3);
    expect(e.error).toContain('"knowledge distillation" (line 2)');
  });

  test('a topic without keywords, or defined twice, is reported at its line', () => {
    const missing = error('topics:\n  - name: Graph Neural Networks\n    description: Graphs.\n    keywords: []\n');
    expect(missing.line).toBe(4);
    expect(missing.error).toContain('needs at least one keyword');
    const twice = error('topics:\n  - name: Speech\n    keywords: [speech]\n  - name: Speech\n    keywords: [audio]\n');
    expect(twice.line).toBe(4);
    expect(twice.error).toContain('first at line 2');
  });

  test('a topic entry with an unknown key is reported at that key', () => {
    const e = error('topics:\n  - name: Speech\n    keywords: [speech]\n    colour: blue\n');
    expect(e.line).toBe(4);
    expect(e.error).toContain('unknown topic key "colour"');
  });

  test('a topic may have subtopics, one level deep and at least two', () => {
    const ok = parseTaxonomy(
      'topics:\n  - name: Language\n    keywords: [language]\n    subtopics:\n      - name: Translation\n        keywords: [translation]\n      - name: Dialogue\n        keywords: [dialogue]\n',
      FILE,
    );
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.taxonomy.topics[0]!.subtopics!.map((t) => t.name)).toEqual(['Translation', 'Dialogue']);
    const nested = error(
      'topics:\n  - name: Language\n    keywords: [language]\n    subtopics:\n      - name: Translation\n        keywords: [translation]\n        subtopics: []\n      - name: Dialogue\n        keywords: [dialogue]\n',
    );
    expect(nested.line).toBe(7);
    expect(nested.error).toContain('unknown subtopic key "subtopics"');
    const single = error('topics:\n  - name: Language\n    keywords: [language]\n    subtopics:\n      - name: Translation\n        keywords: [translation]\n');
    expect(single.error).toContain('at least two subtopics');
    const twice = error('topics:\n  - name: Language\n    keywords: [language]\n    subtopics:\n      - name: Language\n        keywords: [x]\n      - name: Dialogue\n        keywords: [dialogue]\n');
    expect(twice.error).toContain('defined twice');
  });

  test('a topic may be a field of its own (`field: true`), which needs subtopics', () => {
    const ok = parseTaxonomy(
      'topics:\n  - name: Medicine\n    field: true\n    keywords: [patients]\n    subtopics:\n      - name: Oncology\n        keywords: [cancer]\n      - name: Cardiology\n        keywords: [heart]\n',
      FILE,
    );
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.taxonomy.topics[0]!.field).toBe(true);
    const bare = error('topics:\n  - name: Medicine\n    field: true\n    keywords: [patients]\n');
    expect(bare.error).toContain('is a field and needs subtopics');
    const word = error('topics:\n  - name: Medicine\n    field: yes please\n    keywords: [patients]\n');
    expect(word.line).toBe(3);
    expect(word.error).toContain('must be true or false');
  });

  test('field-tags are tags of a field topic, named by it; an unknown field or a tag named twice is reported at its line', () => {
    const field = 'topics:\n  - name: Medicine\n    field: true\n    keywords: [patients]\n    subtopics:\n      - name: Oncology\n        keywords: [cancer]\n      - name: Cardiology\n        keywords: [heart]\n';
    const ok = parseTaxonomy(`${field}tags:\n  quantization: []\nfield-tags:\n  Medicine:\n    cohort studies:\n      aliases: [cohort study]\n      implied-by: [followed up]\n`, FILE);
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.taxonomy.tags).toEqual([
      { name: 'quantization', aliases: [], impliedBy: [] },
      { name: 'cohort studies', aliases: ['cohort study'], impliedBy: ['followed up'], field: 'Medicine' },
    ]);
    const unknown = error(`${field}field-tags:\n  Astronomy:\n    galaxies: []\n`);
    expect(unknown.line).toBe(11);
    expect(unknown.error).toContain('"Astronomy" under field-tags is not a topic with field: true');
    const twice = error(`${field}tags:\n  cohort studies: []\nfield-tags:\n  Medicine:\n    cohort studies: []\n`);
    expect(twice.error).toContain('field tag "cohort studies" of "Medicine" is also a tag');
  });

  test('an empty file is a valid, empty taxonomy', () => {
    const result = parseTaxonomy('topics:\ntags:\nstop-tags:\n', FILE);
    expect(result.ok && result.taxonomy).toEqual({ topics: [], tags: [], stopTags: [] });
  });

  test('an edit to any part of the taxonomy (a tag alias, a stop tag) changes the topic method, so stored labels are recomputed', () => {
    const method = (text: string) => {
      const result = parseTaxonomy(text, FILE);
      if (!result.ok) throw new Error(result.error);
      return topicMethod(result.taxonomy);
    };
    const base = 'topics:\ntags:\n  object tracking: [visual tracking]\nstop-tags: [deep learning]\n';
    expect(method(base)).toBe(method(base));
    expect(method(base.replace('[visual tracking]', '[visual tracking, siamese tracking]'))).not.toBe(method(base));
    expect(method(base.replace('[deep learning]', '[deep learning, neural networks]'))).not.toBe(method(base));
  });
});
