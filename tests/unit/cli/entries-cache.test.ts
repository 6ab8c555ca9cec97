/**
 * An ingest takes the entries nobody touched since the last one from .cache/ instead of reading and parsing
 * them again (issue #18: a rebuild after adding a dump does work proportional to what changed); an entry edited
 * by hand is read from its file, so the edit is kept.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest, ingestCodeVersion } from '../../../scripts/ingest.ts';
import { loadEntriesCache } from '../../../scripts/lib/entries-cache.ts';
import { readExistingEntries } from '../../../scripts/lib/entries-dir.ts';
import { tempDir } from '../../support/temp-dir.ts';

const DUMP = [
  'Sparse Attention for Long Documents',
  'We propose a sparse attention pattern that lets transformers read documents of many thousand tokens at linear cost, and evaluate it on summarisation.',
  '',
  'Graph Neural Networks for Molecules',
  'We train message-passing graph neural networks on molecular graphs and predict quantum-chemical properties more accurately than kernel methods.',
  '',
  'Robust Speech Recognition in Noise',
  'We study speech recognition under heavy background noise and show that data augmentation with recorded noise halves the word error rate.',
  '',
].join('\n');

describe('the entries cache', () => {
  test('untouched entries come from the cache as the files read; an entry edited by hand is read from its file', () => {
    const dir = tempDir('entries-cache-');
    mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
    writeFileSync(join(dir, 'content', 'sources', 'a.txt'), DUMP);
    ingest(dir, []);
    const papersDir = join(dir, 'content', 'papers');
    const cached = loadEntriesCache(join(dir, '.cache', 'ingest-entries.bin'), ingestCodeVersion(dir));
    expect(cached.size).toBe(3);
    const fromFiles = readExistingEntries(papersDir, 'content/papers');
    const fromCache = readExistingEntries(papersDir, 'content/papers', cached);
    expect(fromCache.entries).toEqual(fromFiles.entries);
    expect(fromCache.texts).toEqual(fromFiles.texts);

    // What the cache holds is what an untouched file gives …
    const [untouched, edited] = [...cached.keys()];
    cached.get(untouched!)!.data.title = 'From the cache';
    // … but a file edited since is read again.
    const path = join(papersDir, edited!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: Edited By Hand'));
    const after = readExistingEntries(papersDir, 'content/papers', cached);
    const title = (name: string) => after.entries.find((e) => `${e.slug}.md` === name)!.data.title;
    expect(title(untouched!)).toBe('From the cache');
    expect(title(edited!)).toBe('Edited By Hand');

    // The next ingest keeps the hand edit.
    ingest(dir, []);
    expect(readFileSync(path, 'utf8')).toMatch(/^title: Edited By Hand$/m);
  });
});
