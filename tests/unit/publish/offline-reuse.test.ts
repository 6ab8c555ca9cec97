/**
 * Issue 18: a rebuild takes up the last build's offline index for the documents that are as they were
 * and cuts only the others ("the offline index likewise rewrites only what changed"), and its files, those
 * it keeps with those it makes, are those a build from scratch makes: after papers are added at the end,
 * after one in the middle changes, through the state file the build keeps, and not across a change of key
 * (the code that cuts words). A state whose files are not all in dist/ is no state.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildOfflineSearchReusing, type OfflineIndexUpdate } from '../../../src/publish/offline-search.ts';
import { ShardWords } from '../../../src/publish/pagefind-index.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import { loadOfflineIndexState, storeOfflineIndexState, takeOfflineIndexState } from '../../../scripts/lib/offline-index-state.ts';
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

/** The files of an index made from `last` (the files its state describes): those kept from `last`, then those made. */
function filesAfter(update: OfflineIndexUpdate, last: ReadonlyMap<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of update.kept) files.set(path, last.get(path)!);
  for (const [path, text] of update.files) files.set(path, text);
  return files;
}

describe('the offline index of a rebuild', () => {
  test('equals a build from scratch, cutting only what changed or came after', () => {
    const first = buildOfflineSearchReusing(docs.slice(0, 7), 4, [], undefined, undefined, 'code');
    const path = join(dir, 'state.bin');
    storeOfflineIndexState(path, first.state);
    const recent = docs.slice(7).map((d) => d.url);

    const cut: string[] = [];
    const added = buildOfflineSearchReusing(docs, 4, recent, (doc) => cut.push(doc.url), loadOfflineIndexState(path), 'code', (p) => first.files.get(p));
    expect(cut).toEqual(recent);
    const addedFiles = filesAfter(added, first.files);
    expect(addedFiles).toEqual(buildOfflineSearchReusing(docs, 4, recent).files);
    expect(added.state.files.sort()).toEqual([...addedFiles.keys()].sort());

    // A paper in the middle gets another tag: it and those after it are cut again.
    const changed = docs.map((d, i) => (i === 4 ? { ...d, tags: [...d.tags, 'new tag'] } : d));
    cut.length = 0;
    const again = buildOfflineSearchReusing(changed, 4, recent, (doc) => cut.push(doc.url), added.state, 'code', (p) => addedFiles.get(p));
    expect(cut).toEqual(changed.slice(4).map((d) => d.url));
    expect(filesAfter(again, addedFiles)).toEqual(buildOfflineSearchReusing(changed, 4, recent).files);

    // Papers removed from the end: the words only they had are gone from their shards.
    const fewer = buildOfflineSearchReusing(docs.slice(0, 3), 4, [], undefined, added.state, 'code', (p) => addedFiles.get(p));
    expect(filesAfter(fewer, addedFiles)).toEqual(buildOfflineSearchReusing(docs.slice(0, 3), 4, []).files);

    cut.length = 0;
    const other = buildOfflineSearchReusing(docs, 4, recent, (doc) => cut.push(doc.url), added.state, 'other code');
    expect(cut).toHaveLength(docs.length);
    expect(other.kept).toEqual([]);
  });

  test('makes again only the word shards and document chunks that papers added at the end change', () => {
    // 60 papers, then 2 more: the first two chunks of 25 and the shard of words only the first papers have
    // (kappa0 … kappa59) are as they were; the third chunk, the new word's shard, the tags and the manifest are made.
    const many: SearchDoc[] = Array.from({ length: 62 }, (_, i) => ({
      url: `papers/q${i}.html`,
      title: `Paper ${i}`,
      body: `Zeta methods with ${i < 60 ? `kappa${i}` : 'omega'}.`,
      topic: 'Only topic',
      tags: ['shared tag'],
    }));
    const before = buildOfflineSearchReusing(many.slice(0, 60), 100, [], undefined, undefined, 'code');
    const after = buildOfflineSearchReusing(many, 100, [], undefined, before.state, 'code', (p) => before.files.get(p));
    expect(after.kept).toEqual(expect.arrayContaining(['offline-search/docs-0.js', 'offline-search/docs-1.js', 'offline-search/terms-ka.js']));
    expect([...after.files.keys()]).toEqual(expect.arrayContaining(['offline-search/docs-2.js', 'offline-search/terms-om.js', 'offline-search/tags.js', 'offline-search/index.js']));
    expect(after.files.has('offline-search/terms-ka.js')).toBe(false);
    expect(filesAfter(after, before.files)).toEqual(buildOfflineSearchReusing(many, 100, []).files);

    // A word the new papers have too (zeta) keeps its postings as the last file encoded them, the new ones appended.
    const doctored = (p: string) => before.files.get(p)?.replace(/"zeta":"[^"]*"/, '"zeta":"OLD"');
    expect(buildOfflineSearchReusing(many, 100, [], undefined, before.state, 'code', doctored).files.get('offline-search/terms-ze.js')).toMatch(/"zeta":"OLD,[0-9a-z]/);

    // A new tag renumbers the tags every chunk's rows point to: every chunk is made again.
    const tagged = many.map((d, i) => (i >= 60 ? { ...d, tags: ['another tag'] } : d));
    const retagged = buildOfflineSearchReusing(tagged, 100, [], undefined, before.state, 'code', (p) => before.files.get(p));
    expect(retagged.kept.filter((p) => p.includes('docs-'))).toEqual([]);
    expect(filesAfter(retagged, before.files)).toEqual(buildOfflineSearchReusing(tagged, 100, []).files);
  });

  test('the build takes the state, and one whose files are not all in dist/ is no state', () => {
    const outDir = join(dir, 'dist');
    const made = buildOfflineSearchReusing(docs, 4, [], undefined, undefined, 'code');
    for (const [path, text] of made.files) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), text);
    }
    const path = join(dir, 'taken.bin');
    storeOfflineIndexState(path, made.state);
    expect(takeOfflineIndexState(path, outDir)?.docHashes).toEqual(made.state.docHashes);
    expect(existsSync(path)).toBe(false); // a build stopped before it stores the next leaves none

    storeOfflineIndexState(path, made.state);
    rmSync(join(outDir, made.state.files[0]!));
    expect(takeOfflineIndexState(path, outDir)).toBeUndefined();
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
