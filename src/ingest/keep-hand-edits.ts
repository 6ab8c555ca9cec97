/**
 * Hand edits survive re-ingest: a three-way merge per field between what the ingest generated
 * last time, what the entry holds now, and what the ingest generates now. A field the owner
 * changed (it differs from the last generated value) is kept; an untouched field takes the new
 * value, so better tagging still reaches papers nobody edited.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PaperMetadata } from '../core/paper.ts';

/** The generated fields an owner may edit; the metadata ones are absent when the sources have none. */
export interface EditableFields extends PaperMetadata {
  title: string;
  tags: string[];
  topic: string;
}
export const EDITABLE_FIELDS: ReadonlyArray<keyof EditableFields> = ['title', 'tags', 'topic', 'authors', 'year', 'venue', 'ids', 'links'];

export function keepHandEdits(
  generated: EditableFields,
  onDisk: EditableFields | undefined,
  lastGenerated: EditableFields | undefined,
): { fields: EditableFields; edited: Array<keyof EditableFields> } {
  if (!onDisk) return { fields: generated, edited: [] };
  const fields = { ...generated };
  const edited: Array<keyof EditableFields> = [];
  for (const key of EDITABLE_FIELDS) {
    // Without a record of the last run, any difference may be an edit: keep it rather than lose it.
    const untouched = lastGenerated ? isDeepStrictEqual(onDisk[key], lastGenerated[key]) : isDeepStrictEqual(onDisk[key], generated[key]);
    if (!untouched) {
      // A metadata field the owner deleted stays deleted.
      if (onDisk[key] === undefined) delete (fields as Partial<EditableFields>)[key];
      else (fields as Record<string, unknown>)[key] = onDisk[key];
      edited.push(key);
    }
  }
  return { fields, edited };
}
