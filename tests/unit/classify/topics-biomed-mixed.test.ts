/**
 * Topics of one subject each on a list that mixes biomedical subfields with each other and with another
 * field (issue 19, session 17): tests/fixtures/biomed-mixed-list, ten cataract-surgery, ten sleep-medicine,
 * ten terpene-enzyme and ten economics papers, whose README gives each paper's subject and the expected
 * grouping. On the cross-field gold list a plant enzyme and a cataract trial had shared a topic. The README's
 * second expectation (a subject's papers mostly in one topic) does not hold at this list's granularity: see there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyPapers, parseTaxonomy, type ClassifyInput, type Taxonomy } from '../../../src/ingest/classify/index.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const shipped: Taxonomy = parsed.taxonomy;
const empty: Taxonomy = { ...shipped, topics: [] };

const dir = 'tests/fixtures/biomed-mixed-list';
const subjectOfTitle = new Map([...readFileSync(`${dir}/README.md`, 'utf8').matchAll(/^\| \d+ \| (\w+) \| (.+) \|$/gm)].map((m) => [m[2]!.trim(), m[1]!]));
const papers: ClassifyInput[] = ingestSources(sourcesIn(dir, (name) => name.endsWith('.txt'))).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));

/** Topic name → the subjects of its papers, one entry a paper. */
function subjectsByTopic(taxonomy: Taxonomy): Map<string, string[]> {
  const labels = classifyPapers(papers, taxonomy);
  const out = new Map<string, string[]>();
  for (const p of papers) {
    const topic = labels.get(p.id)!.topic;
    out.set(topic, [...(out.get(topic) ?? []), subjectOfTitle.get(p.title)!]);
  }
  return out;
}

describe('a list of three biomedical subjects and economics, ten papers each', () => {
  test('reads as the README says', () => {
    expect(papers).toHaveLength(40);
    expect(new Set(papers.map((p) => subjectOfTitle.get(p.title)))).toEqual(new Set(['cataract', 'sleep', 'enzyme', 'economics']));
  });

  for (const [name, taxonomy] of [['the shipped taxonomy', shipped], ['an empty taxonomy', empty]] as const) {
    test(`with ${name}, no topic holds papers of two subjects`, () => {
      for (const [topic, subjects] of subjectsByTopic(taxonomy)) expect(new Set(subjects), topic).toHaveLength(1);
    });
  }
});
