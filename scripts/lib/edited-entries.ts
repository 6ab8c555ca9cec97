/**
 * Which hand-edited entries an ingest would delete. `npm run ingest -- <paths>` is for trying files out
 * (README), yet it writes `content/papers/` for those paths alone: every entry of the real list is removed,
 * and with it the owner's notes and edits, which nothing can generate again. The command asks for `--force`
 * before it does that (scripts/ingest.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { EDITABLE_FIELDS } from '../../src/ingest/keep-hand-edits.ts';
import type { ExistingEntry, IngestState } from '../../src/ingest/ingest-state.ts';

/**
 * The entries of `existing` whose paper is not among `keptIds` and that hold a hand edit: `notes`, or an
 * editable field (title, tags, topic, metadata) other than what the last ingest generated (`state`). Without
 * a record of the last ingest for the paper, the entry counts as edited: better asked about than lost.
 */
export function editedEntriesRemoved(existing: readonly ExistingEntry[], state: IngestState | null, keptIds: ReadonlySet<string>): ExistingEntry[] {
  return existing.filter((entry) => {
    if (keptIds.has(entry.data.id)) return false;
    if (entry.data.notes !== undefined) return true;
    const generated = state?.papers[entry.data.id];
    if (!generated) return true;
    return EDITABLE_FIELDS.some((key) => !isDeepStrictEqual(entry.data[key], generated[key]));
  });
}
