/**
 * Issue 18: a rebuild takes up the last build's offline index for the documents that are as they were
 * and cuts only the others, and the files it makes are those a build from scratch makes: after papers
 * are added at the end, after one in the middle changes, through the state file the build keeps, and
 * not across a change of key (the code that cuts words).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildOfflineSearchReusing } from '../../../src/publish/offline-search.ts';
import { ShardWords } from '../../../src/publish/pagefind-index.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import { loadOfflineIndexState, storeOfflineIndexState } from '../../../scripts/lib/offline-index-state.ts';
import { tempDir } from '../../support/temp-dir.ts';

const WORDS = ['graph-based', 'kernel', 'sparse', 'tensor', 'bandit', 'ranking', 'lattice', 'quantum', 'C++', 'self-attention'];
const docs: SearchDoc[] = WORDS.map((word, i) => ({
  url: `papers/p${i}.html`,
  title: `On ${word} methods`,
  body: `We study ${word} methods, their limits and GraphSAGE-style ${WORDS[(i + 3) % WORDS.length]} baselines.`,
  topic: i % 2 ? 'Even topic' : 'Odd topic',
  tags: [`${word} tag`],
}));

const dir = tempDir('papershelf-offline-reuse-');

describe('the offline index of a rebuild', () => {
  test('equals a build from scratch, cutting only what changed or came after', () => {
    const first = buildOfflineSearchReusing(docs.slice(0, 7), 4, [], undefined, undefined, 'code');
    const path = join(dir, 'state.bin');
    storeOfflineIndexState(path, first.state);
    const recent = docs.slice(7).map((d) => d.url);

    const cut: string[] = [];
    const added = buildOfflineSearchReusing(docs, 4, recent, (doc) => cut.push(doc.url), loadOfflineIndexState(path), 'code');
    expect(cut).toEqual(recent);
    expect(added.files).toEqual(buildOfflineSearchReusing(docs, 4, recent).files);

    // A paper in the middle gets another tag: it and those after it are cut again.
    const changed = docs.map((d, i) => (i === 4 ? { ...d, tags: [...d.tags, 'new tag'] } : d));
    cut.length = 0;
    const again = buildOfflineSearchReusing(changed, 4, recent, (doc) => cut.push(doc.url), added.state, 'code');
    expect(cut).toEqual(changed.slice(4).map((d) => d.url));
    expect(again.files).toEqual(buildOfflineSearchReusing(changed, 4, recent).files);

    cut.length = 0;
    buildOfflineSearchReusing(docs, 4, recent, (doc) => cut.push(doc.url), added.state, 'other code');
    expect(cut).toHaveLength(docs.length);
  });

  test('a shard whose documents were not all cut has no word list from the offline index', () => {
    const words = new ShardWords(docs, 100);
    const state = buildOfflineSearchReusing(docs.slice(0, 5), 100).state;
    buildOfflineSearchReusing(docs, 100, [], (doc, w) => words.add(doc, w), state);
    expect(words.sorted('')).toBeUndefined();
    const all = new ShardWords(docs, 100);
    buildOfflineSearchReusing(docs, 100, [], (doc, w) => all.add(doc, w));
    expect(all.sorted('')?.length).toBeGreaterThan(0);
  });

  test('a missing or broken state file is no state', () => {
    expect(loadOfflineIndexState(join(dir, 'none.bin'))).toBeUndefined();
    writeFileSync(join(dir, 'broken.bin'), 'not a state');
    expect(loadOfflineIndexState(join(dir, 'broken.bin'))).toBeUndefined();
  });
});
