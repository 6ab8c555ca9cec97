/**
 * Papers in another language than the list's, whose words the list does not reach (issue 19: no
 * topic mixes fields, every topic name describes its papers). The list: the hand-written mixed list
 * of tests/fixtures/mixed-list (ten astrophysics, ten linguistics papers in English) plus three
 * papers written here in Russian, Greek and Chinese, one on stars, two on language, whose words are
 * none of the list's. Before unreached.ts, such papers sat wherever their orthogonal vectors fell
 * (on a 358-paper ACL + MEDLINE list: a French reinforcement-learning paper in "Amino Acid Residues").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyPapers, parseTaxonomy, type ClassifyInput } from '../../../src/ingest/classify/index.ts';
import { languageTopicName } from '../../../src/ingest/classify/unreached.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const english = ingestSources(sourcesIn('tests/fixtures/mixed-list', (name) => name.endsWith('.txt'))).papers.map((p): ClassifyInput => ({ id: p.id, title: p.title, abstract: p.abstract }));
const other: ClassifyInput[] = [
  {
    id: 'ru-stars',
    title: 'Спектроскопия холодных звёзд в шаровых скоплениях',
    abstract: 'Мы измеряем содержание химических элементов в атмосферах холодных гигантов двух шаровых скоплений по спектрам высокого разрешения. Обнаружено, что разброс содержания натрия и кислорода связан с возрастом скопления и его массой.',
  },
  {
    id: 'el-morphology',
    title: 'Η μορφολογία των ρημάτων στις νεοελληνικές διαλέκτους',
    abstract: 'Εξετάζουμε τη μορφολογία των ρημάτων σε τρεις νεοελληνικές διαλέκτους με βάση προφορικά κείμενα από ηλικιωμένους ομιλητές. Τα αποτελέσματα δείχνουν ότι οι διάλεκτοι διατηρούν παλαιότερους τύπους του αορίστου που έχουν χαθεί από την κοινή γλώσσα.',
  },
  {
    id: 'zh-tone',
    title: '汉语方言声调的实验语音学研究',
    abstract: '本文通过声学实验考察了三种汉语方言的声调系统。我们记录了二十位发音人的单字调和连读变调，并分析了基频曲线的变化规律。结果表明，连读变调受到韵律结构的制约。',
  },
];
const papers = [...english, ...other];
const foreign = new Set(other.map((p) => p.id));

describe('papers in other languages that the list does not reach', () => {
  const labels = classifyPapers(papers, parsed.taxonomy);
  const topicOf = (id: string) => labels.get(id)!.topic;

  test('share no topic with a paper of either field', () => {
    for (const p of other) {
      const mates = papers.filter((q) => !foreign.has(q.id) && topicOf(q.id) === topicOf(p.id));
      expect(mates.map((q) => q.title), `${p.id} in "${topicOf(p.id)}"`).toEqual([]);
    }
  });

  test('are one topic named by what they share, their languages', () => {
    expect(new Set(other.map((p) => topicOf(p.id)))).toEqual(new Set(['Papers in Other Languages']));
  });

  test('the list keeps 8 to 20 topics', () => {
    const topics = new Set(papers.map((p) => topicOf(p.id)));
    expect(topics.size).toBeGreaterThanOrEqual(8);
    expect(topics.size).toBeLessThanOrEqual(20);
  });
});

describe('languageTopicName', () => {
  test('names one or two languages, else says "other languages"', () => {
    expect(languageTopicName(['de', 'de'])).toBe('Papers in German');
    expect(languageTopicName(['fr', 'de'])).toBe('Papers in French & German');
    expect(languageTopicName(['fr', 'de', 'ru'])).toBe('Papers in Other Languages');
    expect(languageTopicName(['und', 'de'])).toBe('Papers in Other Languages');
  });
});
