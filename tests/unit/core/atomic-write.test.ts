/**
 * writeFileAtomic (src/core/atomic-write.ts): the file is replaced whole, by a rename, never written in place,
 * and a failed write leaves no temporary file behind.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../../src/core/atomic-write.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('writeFileAtomic', () => {
  test('writes a string as UTF-8, bytes as they are, and a list of byte arrays one after another', () => {
    const dir = tempDir('atomic-write-');
    writeFileAtomic(join(dir, 'text'), 'Weisfeiler–Lehman ∑');
    writeFileAtomic(join(dir, 'bytes'), new Uint8Array([0, 255, 7]));
    // Parts larger than one write, and a view into the middle of a larger buffer.
    const big = new Uint8Array(3 << 20).map((_, i) => i % 251);
    const middle = new Uint8Array(new Uint8Array([9, 1, 2, 3, 9]).buffer, 1, 3);
    writeFileAtomic(join(dir, 'parts'), [big, middle, new Uint8Array(0), big.subarray(5, 10)]);
    expect(readFileSync(join(dir, 'text'), 'utf8')).toBe('Weisfeiler–Lehman ∑');
    expect([...readFileSync(join(dir, 'bytes'))]).toEqual([0, 255, 7]);
    const parts = readFileSync(join(dir, 'parts'));
    expect(parts.length).toBe((3 << 20) + 3 + 5);
    expect(parts.subarray(0, 3 << 20).equals(big)).toBe(true);
    expect([...parts.subarray(3 << 20)]).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    expect(readdirSync(dir).sort()).toEqual(['bytes', 'parts', 'text']);
  });

  test('replaces the file with a new one instead of writing into it: a reader of the old file keeps reading it whole', () => {
    const dir = tempDir('atomic-write-');
    const file = join(dir, 'slot.bin');
    writeFileSync(file, 'old content');
    // A second name for the old file stands for a reader that opened it before the write.
    linkSync(file, join(dir, 'reader'));
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'reader'), 'utf8')).toBe('old content');
    expect(readdirSync(dir).sort()).toEqual(['reader', 'slot.bin']);
  });

  test('a write that fails throws and leaves no temporary file behind', () => {
    const dir = tempDir('atomic-write-');
    // A folder that is not empty cannot be replaced by a file: the rename fails.
    mkdirSync(join(dir, 'taken', 'inside'), { recursive: true });
    expect(() => writeFileAtomic(join(dir, 'taken'), 'text')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(() => writeFileAtomic(join(dir, 'taken'), [new Uint8Array([1])])).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['taken']);
    // A missing folder: nothing is written anywhere.
    expect(() => writeFileAtomic(join(dir, 'missing', 'file'), 'text')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
