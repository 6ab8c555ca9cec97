/**
 * The last ingest's corpus pass (src/ingest/classify/corpus-state.ts), kept in `.cache/ingest-corpus.bin` so
 * that a rebuild that adds a dump reads only the new abstracts to classify them: the pass over every abstract
 * was 1.2-1.8 s of the 10k add-one rebuild's 1.4-2.3 s tagging stage.
 *
 * One file, holding the key of the code that made it (the ingest's code version): a change to the reader or
 * the tokenizer makes the next ingest pass over every abstract again. v8.serialize, as the source-read cache
 * (parse-cache.ts): the state is typed arrays, strings and maps.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CorpusState } from '../../src/ingest/classify/index.ts';

interface Stored {
  key: string;
  state: CorpusState;
}

/**
 * The corpus cache in `file` for the ingest code `codeVersion`. A missing, unreadable or stale file reads as
 * none; the file is written aside and renamed, so another ingest never reads half of one.
 */
export function corpusCache(file: string, codeVersion: string): { get(): CorpusState | undefined; set(state: CorpusState): void } {
  return {
    get() {
      try {
        const stored = deserialize(readFileSync(file)) as Stored;
        return stored?.key === codeVersion ? stored.state : undefined;
      } catch {
        return undefined; // none yet, or damaged: every abstract is read again
      }
    },
    set(state) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.${process.pid}`, serialize({ key: codeVersion, state } satisfies Stored));
      renameSync(`${file}.${process.pid}`, file);
    },
  };
}
