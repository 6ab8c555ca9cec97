import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyPapers, parseTaxonomy, relatedPapers, type ClassifyInput, type Taxonomy } from '../../../src/ingest/classify/index.ts';
import { ingestSources, seedSources, sourcesIn } from '../../support/ingest-fixtures.ts';
import { labelHygiene, type LabelHygiene } from '../../../scripts/lib/label-hygiene.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const taxonomy: Taxonomy = parsed.taxonomy;
const asInput = (p: ClassifyInput): ClassifyInput => ({ id: p.id, title: p.title, abstract: p.abstract });

const seeds = ingestSources(seedSources()).papers.map(asInput);
const seedLabels = classifyPapers(seeds, taxonomy);
const realPapers = ingestSources(sourcesIn('tests/fixtures/real-dumps', (name) => name.endsWith('.txt'))).papers;
const real = realPapers.map(asInput);
const realLabels = classifyPapers(real, taxonomy);

/**
 * Issue 19 asks to "reuse a tag across papers", with no share. This floor was 90 % from the first
 * tagging engine, chosen by no one, and it kept the terms of one paper out: the gold annotators
 * reuse 25-35 % of their distinct tags (on samples of 80 and 100 papers of longer lists), and
 * letting a paper's own title terms be tags (term-filters.ts ownTerm) raised gold-cross tag F1
 * 0.373/0.365 → 0.400/0.377 while the seeds' shared tags fell to 83 % and the real dumps' to 72 %.
 * A tag of one paper is a dead end on the site, so most tags stay shared: more than half, above the
 * annotators' share. It was two in three until session 10, when a paper's title subject became a
 * tag beside the chosen ones (title-subjects.ts: "road traffic accidents", "bladder cancer", "fake
 * news detection" are tags of one paper each): tag F1 rose on every half of both gold sets while
 * the shared share fell to 65.7 % on the seeds and 58.5 % on the real dumps.
 */
const SHARED_TAG_FLOOR = 1 / 2;
const tagNames = (h: LabelHygiene): string[] => [...h.tagUse.keys()];

describe('topics and tags of the seed reading list', () => {
  const f = labelHygiene(seeds, seedLabels);

  test('every paper gets one topic among 10 to 20 human-named topics, none over a quarter of the papers', () => {
    expect(seedLabels.size).toBe(seeds.length);
    expect(f.topics.size).toBeGreaterThanOrEqual(10);
    expect(f.topics.size).toBeLessThanOrEqual(20);
    expect(f.largestTopicShare).toBeLessThanOrEqual(0.25);
    expect(f.catchAllShare).toBeLessThanOrEqual(0.05);
    for (const topic of f.topics.keys()) expect(topic).toMatch(/^[A-Z0-9]/);
  });

  test('every paper gets 3 to 6 tags, most of them shared by two papers, lowercase but for words the abstracts write capitalized', () => {
    expect(f.tagsPerPaper[0]).toBeGreaterThanOrEqual(3);
    expect(f.tagsPerPaper.at(-1)).toBeLessThanOrEqual(6);
    expect(f.sharedTagShare).toBeGreaterThanOrEqual(SHARED_TAG_FLOOR);
    const written = new Set(seeds.flatMap((p) => p.abstract.match(/[\p{L}\p{N}]+/gu) ?? []));
    for (const tag of tagNames(f)) for (const word of tag.match(/[\p{L}\p{N}]+/gu) ?? []) if (word !== word.toLowerCase()) expect(written, tag).toContain(word);
    // One spelling per tag across the list: no two tags differ by case only.
    expect(new Set(tagNames(f).map((t) => t.toLowerCase())).size).toBe(tagNames(f).length);
  });

  test('stop-tags and generic phrases never become tags', () => {
    for (const generic of [...taxonomy.stopTags, 'deep learning', 'neural networks', 'method', 'performance']) {
      expect(tagNames(f)).not.toContain(generic);
    }
  });

  test('synonyms, acronyms and plural forms meet in one tag', () => {
    // "GNNs", "graph neural network" and "Graph Neural Networks" are one tag.
    expect(tagNames(f)).toContain('graph neural networks');
    expect(tagNames(f).filter((t) => /^(gnns?|graph neural network)$/.test(t))).toEqual([]);
    const singulars = new Set(tagNames(f).map((t) => t.replace(/(ies|es|s)$/, '')));
    expect(singulars.size).toBeGreaterThan(tagNames(f).length * 0.97);
  });

  test('papers about graphs, speech and pruning land in the topics made for them', () => {
    const topicOf = (title: string) => seedLabels.get(seeds.find((p) => p.title === title)!.id)!.topic;
    expect(topicOf('Graph Neural Networks with Learnable and Optimal Polynomial Bases')).toBe('Graph Neural Networks');
    expect(topicOf('QuartzNet: Deep Automatic Speech Recognition with 1D Time-Channel Separable Convolutions')).toBe('Speech & Audio');
    expect(topicOf('Conditional Automated Channel Pruning for Deep Neural Networks')).toBe('Model Compression & Efficient Inference');
  });

  test('the NLP papers of an ML list share one topic: the subtopics of "Natural Language Processing" stay unused', () => {
    const nlp = taxonomy.topics.find((t) => t.name === 'Natural Language Processing')!;
    expect(nlp.subtopics?.length).toBeGreaterThan(5);
    expect(f.topics.has('Natural Language Processing')).toBe(true);
    for (const sub of nlp.subtopics!) expect(f.topics.has(sub.name), sub.name).toBe(false);
  });

  test('a list of ML papers gets no biomedical class: the taxonomy\'s fields of their own apply only where most papers are theirs', () => {
    const classes = taxonomy.topics.filter((t) => t.field).flatMap((t) => [t.name, ...t.subtopics!.map((s) => s.name)]);
    expect(classes.length).toBeGreaterThan(20);
    for (const name of classes) expect(f.topics.has(name), name).toBe(false);
  });
});

describe('the same input gives the same output', () => {
  test('classifying and relating the seeds twice is byte-identical', () => {
    const again = classifyPapers(seeds.map((p) => ({ ...p })), taxonomy);
    expect(JSON.stringify([...again])).toBe(JSON.stringify([...seedLabels]));
    const related1 = relatedPapers(seeds, seedLabels);
    const related2 = relatedPapers(seeds.map((p) => ({ ...p })), again);
    expect(JSON.stringify([...related2])).toBe(JSON.stringify([...related1]));
  });
});

describe('a reading list from other fields (ACL 2023, EMNLP 2023, MEDLINE)', () => {
  const f = labelHygiene(real, realLabels);

  test('keeps the hygiene figures: sizes of topics, tags per paper, shared tags', () => {
    expect(f.topics.size).toBeGreaterThanOrEqual(8);
    expect(f.topics.size).toBeLessThanOrEqual(20);
    expect(f.largestTopicShare).toBeLessThanOrEqual(0.25);
    expect(f.catchAllShare).toBeLessThanOrEqual(0.05);
    expect(f.tagsPerPaper[0]).toBeGreaterThanOrEqual(3);
    expect(f.tagsPerPaper.at(-1)).toBeLessThanOrEqual(6);
    expect(f.sharedTagShare).toBeGreaterThanOrEqual(SHARED_TAG_FLOOR);
  });

  test('no paper shows one concept in two spellings ("pretrained language models" and "pre-trained language models")', () => {
    // Spellings of a concept: the same letters once hyphens and spaces go, a plural made singular.
    const spelling = (tag: string) => tag.replace(/[^\p{L}\p{N}]+/gu, '').replace(/(?:es|s)$/, '');
    for (const p of real) {
      const tags = realLabels.get(p.id)!.tags;
      expect(new Set(tags.map(spelling)).size, `${tags.join('; ')} on "${p.title}"`).toBe(tags.length);
    }
  });

  test('biomedical papers never take an ML topic: they get the biomedical classes of the taxonomy, or discovered topics named after their tags', () => {
    const medline = realPapers.filter((p) => p.sources.some((s) => s.file.endsWith('other-field-listing.txt')));
    expect(medline.length).toBeGreaterThan(100);
    const ml = taxonomy.topics.filter((t) => !t.field);
    const mlTopics = new Set(ml.flatMap((t) => [t.name, ...(t.subtopics ?? []).map((s) => s.name)]));
    const classes = new Set(taxonomy.topics.filter((t) => t.field).flatMap((t) => t.subtopics!.map((s) => s.name)));
    // One MEDLINE paper shares the ACL papers' vocabulary and is in their part of the list (before
    // the biomedical classes too): a paper on language may well be an NLP paper.
    expect(medline.filter((p) => mlTopics.has(realLabels.get(p.id)!.topic)).length / medline.length).toBeLessThanOrEqual(0.02);
    // 150 papers of every kind of biomedicine: sorted into several of the scheme's classes.
    expect(new Set(medline.map((p) => realLabels.get(p.id)!.topic).filter((t) => classes.has(t))).size).toBeGreaterThanOrEqual(4);
    for (const p of medline.filter((p) => !classes.has(realLabels.get(p.id)!.topic))) {
      expect(realLabels.get(p.id)!.topic).toMatch(/^[\p{Lu}0-9][^&]*( & [\p{Lu}0-9].*)?$/u);
    }
  });

  test('NLP papers never take a biomedical class, and no topic of the real dumps exceeds a quarter of them', () => {
    const acl = realPapers.filter((p) => !p.sources.some((s) => s.file.endsWith('other-field-listing.txt')));
    const classes = new Set(taxonomy.topics.filter((t) => t.field).flatMap((t) => [t.name, ...t.subtopics!.map((s) => s.name)]));
    expect(classes.size).toBeGreaterThan(20);
    for (const p of acl) expect(classes.has(realLabels.get(p.id)!.topic), realLabels.get(p.id)!.topic).toBe(false);
    expect(f.largestTopicShare).toBeLessThanOrEqual(0.25);
  });

  test('the ACL and EMNLP papers, too many for one NLP topic, are divided by its subtopics (issue 19)', () => {
    const acl = realPapers.filter((p) => !p.sources.some((s) => s.file.endsWith('other-field-listing.txt')));
    const subtopics = new Set(taxonomy.topics.flatMap((t) => (t.subtopics ?? []).map((s) => s.name)));
    const used = new Set(acl.map((p) => realLabels.get(p.id)!.topic).filter((t) => subtopics.has(t)));
    expect(used.size).toBeGreaterThanOrEqual(8);
    for (const p of acl) expect(realLabels.get(p.id)!.topic).not.toBe('Natural Language Processing');
  });

  test('an NLP list too big for one topic is split into several named parts', () => {
    const nlp = real.filter((p) => /\blanguage models?\b/i.test(p.abstract));
    const topics = new Set(nlp.map((p) => realLabels.get(p.id)!.topic));
    expect(topics.size).toBeGreaterThan(3);
  });

  test('with no taxonomy topics at all, topics are still discovered rather than one "Other"', () => {
    const labels = classifyPapers(real, { ...taxonomy, topics: [] });
    const g = labelHygiene(real, labels);
    expect(g.topics.size).toBeGreaterThanOrEqual(5);
    expect(g.largestTopicShare).toBeLessThanOrEqual(0.25);
  });
});

describe('related papers', () => {
  const papers: ClassifyInput[] = [
    { id: 'g1', title: 'Message passing graph neural networks for node classification', abstract: 'We study graph neural networks that use message passing over the edges of a graph to classify nodes. Node features are aggregated from neighbours, and we analyse oversmoothing in deep graph networks.' },
    { id: 's1', title: 'Conformer models for automatic speech recognition', abstract: 'We train conformer acoustic models for automatic speech recognition on spoken audio. The speech recognizer reduces word error rate on noisy speech and transcribes audio in real time.' },
    { id: 'g2', title: 'Graph neural networks and oversmoothing', abstract: 'Deep graph neural networks suffer from oversmoothing: node representations become similar after many message passing layers. We propose a residual propagation rule for graph neural networks on citation graphs.' },
    { id: 's2', title: 'Streaming speech recognition with transducers', abstract: 'A streaming transducer for automatic speech recognition transcribes spoken audio with low latency. We compare the speech recognition word error rate with a conformer baseline on audio benchmarks.' },
    { id: 'g3', title: 'Expressive power of graph neural networks', abstract: 'We relate the expressive power of message passing graph neural networks to the Weisfeiler-Lehman test and show which graph properties node embeddings can distinguish for graph classification.' },
    { id: 's3', title: 'Self-supervised speech representations for speaker recognition', abstract: 'Self-supervised speech representations learned from raw audio improve speaker recognition and automatic speech recognition. The speech encoder is pretrained on spoken audio without transcripts.' },
  ];
  const labels = classifyPapers(papers, taxonomy);
  const related = relatedPapers(papers, labels);

  test('a graph paper is most related to the other graph papers, a speech paper to the speech papers', () => {
    for (const p of papers) {
      const list = related.get(p.id)!;
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list).not.toContain(p.id);
      const kind = p.id[0];
      expect(list.slice(0, 2).every((id) => id[0] === kind)).toBe(true);
    }
  });

  test('the small list still gets topics and three tags per paper', () => {
    expect(labels.get('g1')!.topic).toBe('Graph Neural Networks');
    expect(labels.get('s2')!.topic).toBe('Speech & Audio');
    for (const l of labels.values()) expect(l.tags.length).toBeGreaterThanOrEqual(3);
  });

  test('every seed paper gets 3 to 5 related papers, never itself, most related first', () => {
    const seedRelated = relatedPapers(seeds, seedLabels);
    for (const p of seeds) {
      const list = seedRelated.get(p.id)!;
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(new Set(list).size).toBe(list.length);
      expect(list).not.toContain(p.id);
    }
  });
});

describe('names of discovered topics', () => {
  test('are title-cased concept phrases, never a lone adjective or participle', () => {
    // With no taxonomy every topic of the real dumps is discovered and named from its papers' words.
    const labels = classifyPapers(real, { ...taxonomy, topics: [] });
    const discovered = [...new Set(real.map((p) => labels.get(p.id)!.topic))];
    expect(discovered.length).toBeGreaterThanOrEqual(8);
    for (const name of discovered) {
      for (const part of name.replace(/ \(\d+\)$/, '').split(' & ')) {
        expect(part).toMatch(/^[\p{Lu}0-9]/u);
        if (!part.includes(' ') && !part.includes('-')) expect(part).not.toMatch(/(ful|ous|ive|ic|al|ary|ent|ant|ing|ed|ly)$/i);
      }
    }
  });
});
