/**
 * Source files unchanged since the last ingest are not read again (issue #18: a rebuild after adding a dump
 * reuses per-file results keyed by content); what the cache gives is what reading the file gives. The same for
 * the taxonomy; a stale or damaged cache is read past.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { readSource, readSources, type SourceFile } from '../../../src/ingest/read-sources.ts';
import { sourceReadCache } from '../../../scripts/lib/parse-cache.ts';
import { readSlot, writeSlot } from '../../../scripts/lib/cache-slot.ts';
import { ConfigError, readTaxonomy, TAXONOMY_FILE } from '../../../scripts/ingest.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** Every file under the fixture folders: dumps of each shape, exports of each format, broken and odd input. */
function fixtureSources(): SourceFile[] {
  const out: SourceFile[] = [];
  for (const root of ['tests/fixtures/reference-exports', 'tests/fixtures/real-world', 'tests/fixtures/bad-input']) {
    for (const rel of readdirSync(root, { recursive: true }) as string[]) {
      const path = join(root, rel);
      if (statSync(path).isFile() && !rel.endsWith('README.md') && !rel.includes('output')) out.push({ path: path as SourcePath, bytes: readFileSync(path), fromFolder: true });
    }
  }
  return out;
}

describe('the source read cache', () => {
  test('a second ingest of the same files reads none of them, and gets what reading them gives', () => {
    const sources = fixtureSources();
    expect(sources.length).toBeGreaterThan(20);
    const dir = tempDir('parse-cache-');
    const first = sourceReadCache(dir, 'v1');
    const read = readSources(sources, undefined, first);
    expect(first.hits).toBe(0);
    const second = sourceReadCache(dir, 'v1');
    const again = readSources(sources, undefined, second);
    expect(second.hits).toBe(sources.length);
    // Strictly equal: no class instance came back as a plain object, no undefined field went missing.
    expect(again).toStrictEqual(read);
    for (const source of sources.slice(0, 5)) expect(second.get(source)).toStrictEqual(readSource(source));
  });

  test('a changed file, another code version or a file named differently is read again', () => {
    const dir = tempDir('parse-cache-');
    const source: SourceFile = { path: 'content/sources/a.txt' as SourcePath, bytes: Buffer.from('A Title\nAn abstract about graphs and their spectra.\n'), fromFolder: true };
    const cache = sourceReadCache(dir, 'v1');
    cache.set(source, readSource(source));
    expect(cache.get(source)).toStrictEqual(readSource(source));
    expect(cache.get({ ...source, bytes: Buffer.from('A Title\nAn abstract about graphs and their eigenvalues.\n') })).toBeUndefined();
    expect(sourceReadCache(dir, 'v2').get(source)).toBeUndefined();
    expect(cache.get({ ...source, fromFolder: false })).toBeUndefined();
    expect(cache.get({ ...source, path: 'content/sources/b.txt' as SourcePath })).toBeUndefined();
  });
});

describe('cache slots', () => {
  test('a slot gives back what was stored under its key, and nothing under another key', () => {
    const file = join(tempDir('cache-slot-'), 'slot.bin');
    const value = { papers: new Map([['a', [1, 2]]]), none: undefined };
    writeSlot(file, 'k1', value);
    expect(readSlot(file, 'k1')).toStrictEqual(value);
    expect(readSlot(file, 'k2')).toBeUndefined();
  });

  test('a missing, damaged or foreign file reads as missing', () => {
    const dir = tempDir('cache-slot-');
    expect(readSlot(join(dir, 'none.bin'), 'k')).toBeUndefined();
    writeFileSync(join(dir, 'garbage.bin'), 'not a serialized value');
    expect(readSlot(join(dir, 'garbage.bin'), 'k')).toBeUndefined();
    writeFileSync(join(dir, 'number.bin'), serialize(42));
    expect(readSlot(join(dir, 'number.bin'), 'k')).toBeUndefined();
    const slot = join(dir, 'cut.bin');
    writeSlot(slot, 'k', { text: 'x'.repeat(1000) });
    writeFileSync(slot, readFileSync(slot).subarray(0, 200)); // cut short, as by a full disk
    expect(readSlot(slot, 'k')).toBeUndefined();
  });
});

describe('the taxonomy cache', () => {
  const taxonomyText = readFileSync('content/taxonomy.yaml', 'utf8');
  const project = (text: string) => {
    const root = tempDir('taxonomy-cache-');
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, TAXONOMY_FILE), text);
    return root;
  };

  test('a taxonomy read again from the same text comes from the cache, equal to parsing it', () => {
    const root = project(taxonomyText);
    const cache = { file: join(root, '.cache', 'taxonomy.bin'), version: 'v1' };
    const parsed = readTaxonomy(root);
    expect(parsed!.topics.length).toBeGreaterThan(0);
    expect(readTaxonomy(root, cache)).toStrictEqual(parsed);
    // A hit does not write the slot again: it keeps the time set here.
    utimesSync(cache.file, 1_000_000, 1_000_000);
    expect(readTaxonomy(root, cache)).toStrictEqual(parsed);
    expect(statSync(cache.file).mtimeMs).toBe(1_000_000_000);
  });

  test('an edited taxonomy, other code, or a damaged cache file is read from the text', () => {
    const root = project(taxonomyText);
    const cache = { file: join(root, '.cache', 'taxonomy.bin'), version: 'v1' };
    readTaxonomy(root, cache);
    const edited = taxonomyText.replace(/^(\s*- name: )(.+)$/m, '$1Renamed Topic');
    expect(edited).not.toBe(taxonomyText);
    writeFileSync(join(root, TAXONOMY_FILE), edited);
    expect(readTaxonomy(root, cache)!.topics[0]!.name).toBe('Renamed Topic');
    expect(readTaxonomy(root, cache)).toStrictEqual(readTaxonomy(root));
    writeFileSync(join(root, TAXONOMY_FILE), taxonomyText);
    expect(readTaxonomy(root, { ...cache, version: 'v2' })).toStrictEqual(readTaxonomy(root));
    writeFileSync(cache.file, 'damaged');
    expect(readTaxonomy(root, cache)).toStrictEqual(readTaxonomy(root));
  });

  test('a broken taxonomy stops the ingest even when the cache holds the one before it', () => {
    const root = project(taxonomyText);
    const cache = { file: join(root, '.cache', 'taxonomy.bin'), version: 'v1' };
    readTaxonomy(root, cache);
    writeFileSync(join(root, TAXONOMY_FILE), 'topics:\n  - name: [unclosed\n');
    expect(() => readTaxonomy(root, cache)).toThrow(ConfigError);
  });
});
