/**
 * The last ingest's corpus pass (src/ingest/classify/corpus-state.ts), kept in `.cache/ingest-corpus.bin` so
 * that a rebuild that adds a dump reads only the new abstracts to classify them: the pass over every abstract
 * was 1.2-1.8 s of the 10k add-one rebuild's 1.4-2.3 s tagging stage.
 *
 * One slot (cache-slot.ts) under the ingest's code version: a change to the reader or the tokenizer makes the
 * next ingest pass over every abstract again.
 */
import type { CorpusState } from '../../src/ingest/classify/index.ts';
import { readSlot, writeSlot } from './cache-slot.ts';

/** The corpus cache in `file` for the ingest code `codeVersion`. A missing, unreadable or stale file reads as none. */
export function corpusCache(file: string, codeVersion: string): { get(): CorpusState | undefined; set(state: CorpusState): void } {
  return {
    get: () => readSlot<CorpusState>(file, codeVersion),
    set: (state) => writeSlot(file, codeVersion, state),
  };
}
