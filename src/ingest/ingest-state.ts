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
  /**
   * A hash of what each paper's title, topic, tags and related papers were made from (its source title,
   * abstract and keywords: `inputHash`), so the next ingest knows which papers it may leave as they are.
   */
  inputs?: Record<string, string>;
  /**
   * Ids of the papers added (or changed) since the list was last classified afresh, in the order they came:
   * they were classified incrementally (classify/incremental.ts), and the search index keeps them in shards of
   * their own so that adding papers re-indexes only those (src/publish/search-shards.ts).
   */
  recent?: string[];
  /** The version of the ingest's code that generated this (`IngestInput.codeVersion`). */
  codeVersion?: string;
}

/** What the last ingest made of a paper whose input is unchanged since (see `knownPapers`). */
export interface KnownPaper {
  /** The title the last ingest generated: derived from the abstract when the sources give none (the input hash says whether). */
  title: string;
  topic: string;
  tags: string[];
  related: string[];
}

/**
 * Per paper (`ids`, `hashes` in the same order): what the last ingest generated for it, when its input hash
 * is the one recorded then, its entry still exists, and topics came from the same `method` and the rest from
 * the same `codeVersion`; else undefined.
 */
export function knownPapers(
  state: IngestState | null,
  existing: readonly ExistingEntry[],
  ids: readonly string[],
  hashes: readonly string[],
  method: string,
  codeVersion: string | undefined,
): (KnownPaper | undefined)[] {
  if (!state?.inputs || state.topicMethod !== method || state.codeVersion !== codeVersion) return ids.map(() => undefined);
  const entries = new Map(existing.map((e) => [e.data.id, e.data]));
  return ids.map((id, i) => {
    const last = state.papers[id];
    const entry = entries.get(id);
    if (!last || !entry || state.inputs![id] !== hashes[i]) return undefined;
    return { title: last.title, topic: last.topic, tags: last.tags, related: entry.related };
  });
}

/** Id → topic generated last time, when it came from the same topic method (else none: topics are made afresh). */
export function previousTopics(state: IngestState | null, method: string): Map<string, string> | undefined {
  return state?.topicMethod === method ? new Map(Object.entries(state.papers).map(([id, fields]) => [id, fields.topic])) : undefined;
}
