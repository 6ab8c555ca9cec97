/**
 * The ingest's last stage: each paper's front matter and entry file, with the hand edits of its
 * existing entry kept (keep-hand-edits.ts), its former slugs kept as aliases, and the state the
 * next ingest compares against.
 */
import { formatEntry } from '../core/entry-file.ts';
import { issue, type IngestIssue } from '../core/issue.ts';
import type { Paper, PaperFrontMatter } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import type { ExistingEntry, IngestState } from './ingest-state.ts';
import { keepHandEdits, type EditableFields } from './keep-hand-edits.ts';
import { mergeMetadata } from './merge-metadata.ts';
import type { CleanOccurrence } from './read-sources.ts';

/** A paper with everything the stages before made of it. */
export interface PaperDraft {
  id: string;
  /** Its records, in the order merge-duplicates found them. */
  occurrences: readonly CleanOccurrence[];
  /** The record whose abstract it shows. */
  home: CleanOccurrence;
  /** No source gave it a title: `title` was derived from the abstract. */
  derived: boolean;
  title: string;
  /** The entry's Markdown body: `home`'s abstract (to-markdown.ts). */
  body: string;
  slug: Slug;
  topic: string;
  tags: string[];
  related: string[];
  /** What its title, topic, tags and related papers were made from (pipeline.ts's inputHash), for the next ingest. */
  inputHash: string;
}

export interface WrittenEntries {
  papers: Paper[];
  /** Entry file name (`<slug>.md`) → file text. */
  entries: Map<string, string>;
  state: IngestState;
  issues: IngestIssue[];
}

/** The entries of `drafts`, given the entries already written and the last ingest's state; `topicMethod` goes into the new state. */
export function writeEntries(drafts: readonly PaperDraft[], existing: readonly ExistingEntry[], last: IngestState | null, topicMethod: string): WrittenEntries {
  const existingById = new Map(existing.map((e) => [e.data.id, e]));
  const out: WrittenEntries = { papers: [], entries: new Map(), state: { version: 1, papers: {}, slugs: {}, topicMethod, inputs: {} }, issues: [] };
  for (const draft of drafts) {
    const { id, slug } = draft;
    const first = draft.occurrences[0]!;
    const generated: EditableFields = { title: draft.title, tags: draft.tags, topic: draft.topic, ...mergeMetadata(draft.occurrences) };
    const entry = existingById.get(id);
    const { fields, edited } = keepHandEdits(generated, entry?.data, last?.papers[id]);
    out.state.papers[id] = generated;
    out.state.slugs![id] = slug;
    out.state.inputs![id] = draft.inputHash;
    const aliases = [...(entry?.data.aliases ?? [])];
    for (const former of [entry?.slug, last?.slugs?.[id]]) {
      if (former && former !== slug && !aliases.includes(former)) aliases.push(former);
    }
    const { title, tags, topic, ...metadata } = fields;
    const data: PaperFrontMatter = {
      id,
      title,
      derivedTitle: draft.derived && !edited.includes('title'),
      ...metadata,
      topic,
      tags,
      sources: draft.occurrences.map((o) => ({ file: o.file, line: o.line })),
      aliases,
      related: draft.related,
      ...(entry?.data.notes !== undefined ? { notes: entry.data.notes } : {}),
    };
    const body = draft.body;
    out.papers.push({ ...data, slug, abstract: draft.home.abstract, body });
    out.entries.set(`${slug}.md`, formatEntry(data, body));
    if (draft.derived) {
      out.issues.push(issue('warning', first.file, first.line, 'title-derived', `no title line; derived "${data.title}"`, 'Add a title line above the abstract to choose it yourself.'));
    }
    if (!draft.home.abstract) {
      out.issues.push(issue('warning', first.file, first.line, 'no-abstract', `no abstract for "${data.title}" in any source; its page has the title, authors and links, and tags from the title and keywords`, 'Add the abstract in your reference manager and export again, or paste it into a dump.'));
    }
  }
  return out;
}
