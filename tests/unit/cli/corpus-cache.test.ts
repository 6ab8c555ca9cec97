/**
 * The last ingest's corpus pass kept on disk (scripts/lib/corpus-cache.ts): read back as written, and read as
 * none when it was written by other ingest code, is missing, or is damaged (the ingest then reads every
 * abstract again, tests/unit/ingest/incremental-classify.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { passWithState } from '../../../src/ingest/classify/corpus-state.ts';
import { corpusCache } from '../../../scripts/lib/corpus-cache.ts';
import { tempDir } from '../../support/temp-dir.ts';

const papers = [
  { id: 'a', title: 'Graph neural networks', abstract: 'We train a graph neural network (GNN) on molecules.' },
  { id: 'b', title: 'Depth', abstract: 'A deeper graph neural network (GNN) generalises better on citation graphs.' },
];
const { state } = passWithState(papers, ['ka', 'kb']);

describe('the corpus cache file', () => {
  test('gives back the state written, typed arrays and maps included', () => {
    const file = join(tempDir('corpus-cache-'), 'ingest-corpus.bin');
    const cache = corpusCache(file, 'v1');
    expect(cache.get()).toBeUndefined();
    cache.set(state);
    expect(corpusCache(file, 'v1').get()).toStrictEqual(state);
  });

  test('other ingest code, or a damaged file: none', () => {
    const file = join(tempDir('corpus-cache-'), 'ingest-corpus.bin');
    corpusCache(file, 'v1').set(state);
    expect(corpusCache(file, 'v2').get()).toBeUndefined();
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(corpusCache(file, 'v1').get()).toBeUndefined();
    writeFileSync(file, 'not a corpus pass');
    expect(corpusCache(file, 'v1').get()).toBeUndefined();
  });
});
