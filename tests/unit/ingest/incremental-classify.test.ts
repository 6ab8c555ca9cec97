/**
 * A rebuild that adds a few papers leaves the others as they were: titles derived from their abstracts,
 * topics, tags, and related lists except where a new paper enters (issue #18: "related-paper lists change
 * only where they must"; the pages of unchanged papers are then kept). Ingesting the result again changes
 * nothing, so a rebuild and a build from scratch of the same content agree.
 */
import { describe, expect, test } from 'vitest';
import { parseEntry } from '../../../src/core/entry-file.ts';
import type { SourcePath } from '../../../src/core/issue.ts';
import type { CorpusState } from '../../../src/ingest/classify/index.ts';
import { runIngest, type ExistingEntry } from '../../../src/ingest/pipeline.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const txt = (name: string) => name.endsWith('.txt');
const dumps = sourcesIn('tests/fixtures/real-dumps', txt);
// The same dumps without the last ten papers of acl-bare.txt (one abstract a line: their titles are derived).
const bare = dumps.find((s) => s.path.endsWith('acl-bare.txt'))!;
const lines = new TextDecoder().decode(bare.bytes).trimEnd().split('\n');
const fewer = dumps.map((s) => (s === bare ? { path: s.path as SourcePath, bytes: new TextEncoder().encode(`${lines.slice(0, -10).join('\n')}\n`) } : s));

const existingOf = (out: ReturnType<typeof ingestSources>): ExistingEntry[] =>
  [...out.entries].map(([file, text]) => {
    const entry = parseEntry(text);
    if (!entry.ok) throw new Error(`${file}: ${entry.error}`);
    return { slug: file.replace(/\.md$/, ''), data: entry.data } as ExistingEntry;
  });

describe('incremental classification', () => {
  const first = ingestSources(fewer);
  const before = new Map(first.papers.map((p) => [p.id, p]));
  const second = ingestSources(dumps, existingOf(first), first.state);
  const added = second.papers.filter((p) => !before.has(p.id));

  test('ten new papers: the others keep title, topic and tags; a related list changes only by taking in new papers', () => {
    expect(added.length).toBe(10);
    let grown = 0;
    for (const p of second.papers) {
      const old = before.get(p.id);
      if (!old) continue;
      expect([p.title, p.topic, p.tags], p.slug).toEqual([old.title, old.topic, old.tags]);
      const newIds = new Set(added.map((a) => a.id));
      const kept = p.related.filter((id) => !newIds.has(id));
      expect(old.related.slice(0, kept.length), p.slug).toEqual(kept);
      if (kept.length < p.related.length) grown++;
    }
    // New papers are somebody's nearest neighbours, but not everybody's.
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(first.papers.length / 10);
    expect(second.state.recent).toEqual(added.map((p) => p.id));
  });

  test('new papers get tags of the list, a topic of the list and related papers', () => {
    const tags = new Set(first.papers.flatMap((p) => p.tags));
    const topics = new Set(first.papers.map((p) => p.topic));
    for (const p of added) {
      expect(p.tags.length, p.slug).toBeGreaterThan(0);
      for (const tag of p.tags) expect(tags.has(tag), `${p.slug}: ${tag}`).toBe(true);
      expect(topics.has(p.topic), p.slug).toBe(true);
      expect(p.related.length, p.slug).toBe(5);
    }
  });

  test('ingesting again changes nothing', () => {
    const third = ingestSources(dumps, existingOf(second), second.state);
    expect(third.entries).toEqual(second.entries);
    expect(third.state).toEqual(second.state);
  });

  test('once the papers added since the list was classified afresh pass a tenth of it, it is classified afresh', () => {
    const many = { ...first.state, recent: first.papers.slice(0, Math.ceil(first.papers.length / 10)).map((p) => p.id) };
    const again = ingestSources(dumps, existingOf(first), many);
    const fresh = ingestSources(dumps, [], first.state);
    expect(again.papers.map((p) => [p.id, p.tags, p.related])).toEqual(fresh.papers.map((p) => [p.id, p.tags, p.related]));
    expect(again.state.recent).toEqual([]);
  });
});

describe('the corpus cache (the corpus pass of the last ingest, classify/corpus-state.ts)', () => {
  /** A cache in memory holding `state`, counting what is read from it. */
  const memory = (state?: unknown) => {
    const cache = { state: state as CorpusState | undefined, reads: 0, get: () => (cache.reads++, cache.state), set: (s: CorpusState) => void (cache.state = s) };
    return cache;
  };
  const first = memory();
  const previous = runIngest({ sources: fewer, existing: [], state: null, corpusCache: first });
  const pass = first.state!;
  const rebuild = (corpusCache?: ReturnType<typeof memory>) => runIngest({ sources: dumps, existing: existingOf(previous), state: previous.state, ...(corpusCache ? { corpusCache } : {}) });
  const without = rebuild();

  test('a rebuild that adds ten papers extends the last pass and gives the entries a rebuild without it gives', () => {
    expect(pass.keys.length).toBe(previous.papers.length);
    const cache = memory(pass);
    expect(rebuild(cache).entries).toEqual(without.entries);
    expect(cache.reads).toBe(1);
    // Extended, not made again: the words of the last pass keep their numbers, the new ones come after them.
    expect(cache.state!.keys.length).toBe(previous.papers.length + 10);
    expect(cache.state!.wordKeys.slice(0, pass.wordKeys.length)).toEqual(pass.wordKeys);
  });

  test('a damaged, stale or foreign pass is passed over: the same entries, and a whole pass kept for next time', () => {
    const damaged = [{ ...pass, ids: pass.ids.slice(7) }, { version: pass.version }, 'garbage', { ...pass, keys: pass.keys.slice(1) }];
    for (const state of damaged) {
      const cache = memory(state);
      expect(rebuild(cache).entries).toEqual(without.entries);
      expect(cache.state!.keys.length).toBe(previous.papers.length + 10);
    }
  });
});
