/** A rebuild after adding a few papers does not move the topics of the others (issue 19). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const txt = (name: string) => name.endsWith('.txt');
const dumps = sourcesIn('tests/fixtures/real-dumps', txt);
// The same dumps with the last ten ACL papers (title line and abstract line each) left out.
const acl = dumps.find((s) => s.path.endsWith('acl-listing.txt'))!;
const lines = new TextDecoder().decode(acl.bytes).trimEnd().split('\n');
const fewer = dumps.map((s) => (s === acl ? { path: s.path as SourcePath, bytes: new TextEncoder().encode(`${lines.slice(0, -20).join('\n')}\n`) } : s));

// Each test ingests and classifies the 700 real-dump papers once or twice (seconds of CPU, more while other files share the cores).
describe('incremental topics', { timeout: 120_000 }, () => {
  const first = ingestSources(fewer);
  const before = new Map(first.papers.map((p) => [p.id, p.topic]));

  test('adding ten papers of the same fields keeps every earlier paper in its topic; the new ones join existing topics', () => {
    const second = ingestSources(dumps, [], first.state);
    expect(second.papers.length).toBe(first.papers.length + 10);
    const topics = new Set(before.values());
    for (const p of second.papers) {
      if (before.has(p.id)) expect(p.topic, p.title).toBe(before.get(p.id));
      else expect(topics.has(p.topic), p.title).toBe(true);
    }
  });

  test('papers of a field the list did not have are not pushed into its topics: the list is clustered afresh', () => {
    const mixed = sourcesIn('tests/fixtures/mixed-list', txt);
    const added = ingestSources([...fewer, ...mixed], [], first.state);
    const fresh = ingestSources([...fewer, ...mixed]);
    expect(added.papers.map((p) => p.topic)).toEqual(fresh.papers.map((p) => p.topic));
    // The astrophysics papers (see the fixture's README) share no field with the dumps: topics of their own.
    const astro = new Set([...readFileSync('tests/fixtures/mixed-list/README.md', 'utf8').matchAll(/^\| \d+ \| astrophysics \| (.+) \|$/gm)].map((m) => m[1]!.trim()));
    expect(astro.size).toBe(10);
    const astroTopics = new Set(added.papers.filter((p) => astro.has(p.title)).map((p) => p.topic));
    for (const p of added.papers) if (before.has(p.id)) expect(astroTopics.has(p.topic), p.title).toBe(false);
  });

  test('topics from another method or taxonomy are not kept: the list is clustered afresh', () => {
    const stale = { ...first.state, topicMethod: 'another method', papers: Object.fromEntries(Object.entries(first.state.papers).map(([id, f]) => [id, { ...f, topic: 'Stale Topic' }])) };
    const again = ingestSources(fewer, [], stale);
    expect(again.papers.map((p) => p.topic)).toEqual(first.papers.map((p) => p.topic));
  });
});
