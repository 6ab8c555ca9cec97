/**
 * What an ingest knows of the last one: the entries in `content/papers/` as read back, and the
 * state file beside them (`.ingest-state.json`), which records what was generated so that a later
 * ingest can tell a hand edit from a generated value.
 */
import type { PaperFrontMatter } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import type { EditableFields } from './keep-hand-edits.ts';

/** An entry already in `content/papers/`, as read back. */
export interface ExistingEntry {
  slug: Slug;
  data: PaperFrontMatter;
}

/** What the last ingest generated for each paper, to tell hand edits from generated values. */
export interface IngestState {
  version: 1;
  papers: Record<string, EditableFields>;
  /** Each paper's slug at the last ingest: a slug that changed since (a renamed entry) becomes an alias. */
  slugs?: Record<string, string>;
  /** The topic method and taxonomy the generated topics came from (classify's `topicMethod`). */
  topicMethod?: string;
}

/** Id → topic generated last time, when it came from the same topic method (else none: topics are made afresh). */
export function previousTopics(state: IngestState | null, method: string): Map<string, string> | undefined {
  return state?.topicMethod === method ? new Map(Object.entries(state.papers).map(([id, fields]) => [id, fields.topic])) : undefined;
}
