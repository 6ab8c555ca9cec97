import { describe, expect, test } from 'vitest';
import type { Slug } from '../../../src/core/slug.ts';
import { formatEntry, parseEntry } from '../../../src/core/entry-file.ts';
import type { ExistingEntry } from '../../../src/ingest/pipeline.ts';
import { duplicateIndices, titleDefects } from '../../../src/ingest/title/defects.ts';
import { ingestSources, seedSources } from '../../support/ingest-fixtures.ts';

describe('ingest of the seed dumps', () => {
  const out = ingestSources(seedSources());

  test('finds the 527 unique papers among 579 abstracts', () => {
    expect(out.report.papers).toBe(527);
    expect(out.report.merged).toHaveLength(52);
    expect(out.report.files.reduce((n, f) => n + f.abstracts, 0)).toBe(579);
    expect(new Set(out.report.merged.map((m) => m.into)).size).toBe(45);
  });

  test('detects the format of each file from its content', () => {
    expect(out.report.files.map((f) => f.format)).toEqual(['bare', 'listing', 'listing', 'bare', 'listing']);
  });

  test('derives titles for the 20 untitled papers, and marks them', () => {
    const derived = out.papers.filter((p) => p.derivedTitle);
    expect(derived).toHaveLength(20);
    for (const p of derived) expect(titleDefects(p.title)).toEqual([]);
    expect(duplicateIndices(out.papers.map((p) => p.title)).size).toBe(0);
  });

  test('leaves no LaTeX leftovers outside math', () => {
    const outsideMath = out.papers.map((p) => p.abstract.replace(/\$\$[^$]*\$\$|\$[^$]*\$/g, '')).join('\n');
    expect(outsideMath.match(/\\[A-Za-z]+|\\[%&{}'"`^~]|\{\\|``/g) ?? []).toEqual([]);
  });

  test('links all 86 URLs of the 85 abstracts that have them', () => {
    const counts = out.papers.map((p) => (p.body.match(/\]\(https?:\/\/|<https?:\/\//g) ?? []).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(86);
    expect(counts.filter((n) => n > 0)).toHaveLength(85);
  });

  test('gives every paper a unique slug', () => {
    expect(new Set(out.papers.map((p) => p.slug)).size).toBe(527);
  });
});

describe('re-ingest', () => {
  const first = ingestSources(seedSources());
  const asExisting = (entries: Map<string, string>): ExistingEntry[] =>
    [...entries].map(([name, text]) => {
      const parsed = parseEntry(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return { slug: name.replace(/\.md$/, '') as Slug, data: parsed.data };
    });

  test('is idempotent: the same sources and entries give byte-identical files', () => {
    const second = ingestSources(seedSources(), asExisting(first.entries), first.state);
    expect([...second.entries]).toEqual([...first.entries]);
  });

  test('keeps a hand-edited title, tags, topic and notes, and the slug', () => {
    const [name, text] = [...first.entries][10]!;
    const parsed = parseEntry(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const edited = formatEntry({ ...parsed.data, title: 'My Corrected Title', tags: ['my tag'], topic: 'My Topic', notes: 'Read this twice.' }, parsed.body);
    const second = ingestSources(seedSources(), asExisting(new Map(first.entries).set(name, edited)), first.state);
    const after = parseEntry(second.entries.get(name)!);
    expect(after.ok && after.data).toMatchObject({ title: 'My Corrected Title', tags: ['my tag'], topic: 'My Topic', notes: 'Read this twice.', derivedTitle: false });
  });

  test('updates fields nobody edited when the generated values change', () => {
    const [name, text] = [...first.entries][10]!;
    const parsed = parseEntry(text);
    if (!parsed.ok) throw new Error(parsed.error);
    // As if an earlier ingest, with other code, had generated other tags, left as they were.
    const state = structuredClone(first.state);
    state.papers[parsed.data.id]!.tags = ['old tag'];
    state.codeVersion = 'an earlier version';
    const stale = formatEntry({ ...parsed.data, tags: ['old tag'] }, parsed.body);
    const second = ingestSources(seedSources(), asExisting(new Map(first.entries).set(name, stale)), state);
    const after = parseEntry(second.entries.get(name)!);
    expect(after.ok && after.data.tags).toEqual(parsed.data.tags);
  });
});
