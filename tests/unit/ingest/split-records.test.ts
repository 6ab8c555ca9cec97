import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { normalizeLines } from '../../../src/ingest/normalize-lines.ts';
import { splitRecords } from '../../../src/ingest/split-records.ts';

function split(text: string) {
  const file = 'x.txt' as SourcePath;
  return splitRecords(normalizeLines(text, file).lines, file);
}

describe('splitRecords on real dumps from elsewhere', () => {
  const manifest = JSON.parse(readFileSync('tests/fixtures/real-dumps/manifest.json', 'utf8'));
  test.each(Object.keys(manifest.files))('%s gives exactly the manifest’s titles and abstracts, in order', (name) => {
    const path = `tests/fixtures/real-dumps/${name}` as SourcePath;
    const decoded = decodeSource(readFileSync(path), path);
    if (!decoded.ok) throw new Error('not decoded');
    const result = splitRecords(normalizeLines(decoded.text, path).lines, path);
    const expected = manifest.files[name];
    expect(result.format).toBe(expected.format);
    expect(result.records.map((r) => [r.title?.text ?? null, r.abstract])).toEqual(expected.papers.map((p: { title: string | null; abstract: string }) => [p.title, p.abstract]));
  });
});

describe('splitRecords', () => {
  test('drops page chrome and unglues a title from "Subscribe"', () => {
    const result = split('Get trending papers in your email inbox!\nSubscribeA Title Here\nWe study things. We find more things.\nMar 12\nnew\n');
    expect(result.format).toBe('listing');
    expect(result.records).toEqual([{ file: 'x.txt', line: 3, title: { text: 'A Title Here', line: 2 }, abstract: 'We study things. We find more things.' }]);
  });

  test('reads a bare dump as one untitled abstract per line', () => {
    const abstract = 'We propose a method for learning. It works well on benchmarks and we release code for it.';
    const result = split(`${abstract}\n\n${abstract.replace('learning', 'seeing')}\n`);
    expect(result.format).toBe('bare');
    expect(result.records.map((r) => [r.line, r.title])).toEqual([[1, null], [3, null]]);
  });

  test('takes a sentence-case title ending in a period as a title when an abstract follows it', () => {
    const result = split('Subscribe\nPrediction of bladder cancer using urinary proteomics.\nPURPOSE: We test a method. RESULTS: It works in most patients we studied here.\n');
    expect(result.records[0]!.title?.text).toBe('Prediction of bladder cancer using urinary proteomics.');
  });

  test('reports a title with no abstract at the end of the file, with its line', () => {
    const result = split('A Title\nWe study a question about neural networks and report experiments on several benchmarks, in depth and at scale.\nA dangling title with nothing after it\n');
    expect(result.records).toHaveLength(1);
    expect(result.issues.map((i) => [i.kind, i.line, i.rule])).toEqual([['skipped', 3, 'title-without-abstract']]);
  });

  test('keeps a suspiciously short abstract, with a warning', () => {
    const result = split('A Long Enough Title For A Paper\nWe study a question about neural networks and report experiments on several benchmarks, in depth and at scale.\nShort\nToo short to be an abstract.\n');
    expect(result.records.map((r) => r.abstract)).toContain('Too short to be an abstract.');
    expect(result.issues.map((i) => [i.kind, i.line, i.rule])).toEqual([['warning', 4, 'short-abstract']]);
  });
});
