/**
 * Source files unchanged since the last ingest are not read again (issue #18: a rebuild after adding a dump
 * reuses per-file results keyed by content); what the cache gives is what reading the file gives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { readSource, readSources, type SourceFile } from '../../../src/ingest/read-sources.ts';
import { sourceReadCache } from '../../../scripts/lib/parse-cache.ts';
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
