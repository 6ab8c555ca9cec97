/** A rebuild after adding a few papers does not move the topics of the others (issue 19). */
import { describe, expect, test } from 'vitest';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const txt = (name: string) => name.endsWith('.txt');
const dumps = sourcesIn('tests/fixtures/real-dumps', txt);
const added = sourcesIn('tests/fixtures/mixed-list', txt);

describe('incremental topics', () => {
  const first = ingestSources(dumps);
  const before = new Map(first.papers.map((p) => [p.id, p.topic]));

  test('adding 20 papers to 700 keeps every earlier paper in its topic, and the new ones join existing topics', () => {
    const second = ingestSources([...dumps, ...added], [], first.state);
    expect(second.papers.length).toBe(first.papers.length + 20);
    const topics = new Set(before.values());
    for (const p of second.papers) {
      if (before.has(p.id)) expect(p.topic, p.title).toBe(before.get(p.id));
      else expect(topics.has(p.topic), p.title).toBe(true);
    }
  });

  test('topics from another method or taxonomy are not kept: the list is clustered afresh', () => {
    const stale = { ...first.state, topicMethod: 'another method', papers: Object.fromEntries(Object.entries(first.state.papers).map(([id, f]) => [id, { ...f, topic: 'Stale Topic' }])) };
    const again = ingestSources(dumps, [], stale);
    expect(again.papers.map((p) => p.topic)).toEqual(first.papers.map((p) => p.topic));
  });
});
