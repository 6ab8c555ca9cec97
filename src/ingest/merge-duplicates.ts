/**
 * Stage 5: occurrences of the same paper → one paper, keeping every place it was found and the
 * best title any of them had.
 *
 * The same abstract is the same paper. A record without an abstract (a reference-manager export
 * often has none), or whose abstract differs slightly (another version, another copy), is matched
 * by what else names a paper: the same DOI, arXiv id or PMID, or the same title with an abstract
 * that agrees (or none to compare).
 */
import type { SourcePath } from '../core/issue.ts';
import type { PaperIds } from '../core/paper.ts';
import { identityKey } from './identity.ts';
import { groupTitle, type MetadataSource } from './merge-metadata.ts';

export interface Occurrence extends MetadataSource {
  file: SourcePath;
  line: number;
  /** Identity key of the abstract (identity.ts); '' when the record has no abstract. */
  key: string;
  /** The plain abstract, compared when two records share a title but not an abstract; '' when none. */
  abstract: string;
  /** The record's identifiers, if its source gives any. */
  ids?: PaperIds | undefined;
}

export interface MergedGroup<T extends Occurrence> {
  /** Occurrences in source order; the first is the paper's home. */
  occurrences: T[];
  /** The best title among them (merge-metadata.ts `groupTitle`), or null when none had one. */
  title: string | null;
}

/** What two occurrences had in common. */
export type MergeEvidence = 'abstract' | 'doi' | 'arxiv' | 'pmid' | 'title';

export interface Merge {
  file: SourcePath;
  line: number;
  /** Index of the group it was merged into. */
  into: number;
  by: MergeEvidence;
}

/**
 * Two abstracts under one title are one paper when this share of their distinct words is common
 * (Jaccard). Versions of one abstract (arXiv v1 and the journal's, a copy missing a sentence)
 * share most of their words; two papers that happen to share a short title share few beyond
 * function words, well under half.
 */
const SAME_ABSTRACT_JACCARD = 0.5;
/** A title key shorter than this (letters and digits) is too generic to identify a paper ("Introduction"). */
const MIN_TITLE_KEY = 16;
const ID_KINDS = ['doi', 'arxiv', 'pmid'] as const;

export function mergeDuplicates<T extends Occurrence>(occurrences: readonly T[]): { groups: MergedGroup<T>[]; merges: Merge[] } {
  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const groups: MergedGroup<T>[] = [];
  const groupIds: PaperIds[] = [];
  const groupAbstract: Array<string | undefined> = [];
  const merges: Merge[] = [];
  for (const occurrence of occurrences) {
    const titleKey = occurrence.title ? identityKey(occurrence.title) : '';
    const ids = occurrence.ids ?? {};
    let index: number | undefined;
    let by: MergeEvidence = 'abstract';
    if (occurrence.key) index = byKey.get(occurrence.key);
    for (const kind of ID_KINDS) {
      if (index !== undefined) break;
      const found = ids[kind] ? byId.get(`${kind}:${ids[kind]!.toLowerCase()}`) : undefined;
      if (found !== undefined && !conflicting(groupIds[found]!, ids)) [index, by] = [found, kind];
    }
    if (index === undefined && titleKey.length >= MIN_TITLE_KEY) {
      const found = byTitle.get(titleKey);
      if (found !== undefined && !conflicting(groupIds[found]!, ids) && sameAbstract(groupAbstract[found], occurrence.abstract)) [index, by] = [found, 'title'];
    }
    if (index === undefined) {
      index = groups.length;
      groups.push({ occurrences: [occurrence], title: null });
      groupIds.push({});
      groupAbstract.push(undefined);
    } else {
      groups[index]!.occurrences.push(occurrence);
      merges.push({ file: occurrence.file, line: occurrence.line, into: index, by });
    }
    if (occurrence.key && !byKey.has(occurrence.key)) byKey.set(occurrence.key, index);
    if (titleKey.length >= MIN_TITLE_KEY && !byTitle.has(titleKey)) byTitle.set(titleKey, index);
    for (const kind of ID_KINDS) {
      const id = ids[kind];
      if (!id) continue;
      groupIds[index]![kind] ??= id;
      if (!byId.has(`${kind}:${id.toLowerCase()}`)) byId.set(`${kind}:${id.toLowerCase()}`, index);
    }
    if (occurrence.abstract && !groupAbstract[index]) groupAbstract[index] = occurrence.abstract;
  }
  for (const group of groups) group.title = groupTitle(group.occurrences);
  return { groups, merges };
}

/** Two records naming different DOIs (or arXiv ids, PMIDs) are different papers, whatever their titles. */
function conflicting(a: PaperIds, b: PaperIds): boolean {
  return ID_KINDS.some((kind) => a[kind] !== undefined && b[kind] !== undefined && a[kind]!.toLowerCase() !== b[kind]!.toLowerCase());
}

function sameAbstract(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared) >= SAME_ABSTRACT_JACCARD;
}
