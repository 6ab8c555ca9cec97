/** An Astro process told to build before the ingest has ended waits for the files the build writes later. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileWritten } from '../../../src/site/lib/file-written.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('fileWritten', () => {
  it('resolves only once the file is there, written aside and renamed as the build writes it', async () => {
    const dir = tempDir('file-written-');
    const file = join(dir, 'paper-entries.bin');
    let resolved = false;
    const waiting = fileWritten(file).then(() => (resolved = true));
    // Several polls go by with no file: still waiting.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    writeFileSync(`${file}.tmp`, 'entries');
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false); // the file aside is not the file
    renameSync(`${file}.tmp`, file);
    await waiting;
    expect(resolved).toBe(true);
  });

  it('resolves at once for a file that exists', async () => {
    const file = join(tempDir('file-written-'), 'plan.json');
    writeFileSync(file, '{}');
    await expect(fileWritten(file)).resolves.toBeUndefined();
  });
});
