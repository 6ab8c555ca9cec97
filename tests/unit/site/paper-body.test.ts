/**
 * A paper page's body: the build hands it over with the entry (the entry files are written while Astro renders,
 * scripts/lib/ingest-child.ts), while `astro dev` and a bare `astro build` read it from the entry file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperBody } from '../../../src/site/content/paper-loader.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('paperBody', () => {
  it('is the handed-over body, with no entry file written yet', () => {
    const file = join(tempDir('paper-body-'), 'not-written-yet.md');
    expect(paperBody({ id: 'not-written-yet', filePath: file, body: 'The abstract.\n' })).toBe('The abstract.\n');
  });

  it('is read from the entry file when none was handed over', () => {
    const file = join(tempDir('paper-body-'), 'a-paper.md');
    writeFileSync(file, '---\ntitle: "A Paper"\n---\nThe abstract, from the file.\n');
    expect(paperBody({ id: 'a-paper', filePath: file })).toBe('The abstract, from the file.\n');
  });

  it('fails, naming the entry, when there is neither', () => {
    expect(() => paperBody({ id: 'lost' })).toThrow(/lost/);
  });
});
