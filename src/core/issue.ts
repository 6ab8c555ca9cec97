/**
 * What the ingest tells the user about their sources, modelled on vfile messages: a place
 * (file and line), what happened, what to do, and a rule id.
 */

/** A source path relative to the project root, with `/` separators (`content/sources/a.txt`). */
export type SourcePath = string & { readonly __brand: 'SourcePath' };

export type IssueKind =
  /** Input that is not in the output: a binary or empty file, a title without an abstract. */
  | 'skipped'
  /** Input changed so it could be used: an encoding, line endings, invisible characters. */
  | 'repaired'
  /** Input used as it is, but probably not what the user meant. */
  | 'warning';

export interface IngestIssue {
  kind: IssueKind;
  file: SourcePath;
  /** 1-based line, or null when the issue concerns the whole file. */
  line: number | null;
  /** Stable id of the rule, e.g. `not-text`, `title-derived`. */
  rule: string;
  /** What happened and what the ingest did, in one sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
}

export function issue(
  kind: IssueKind, file: SourcePath, line: number | null, rule: string, message: string, hint: string,
): IngestIssue {
  return { kind, file, line, rule, message, hint };
}

/** Report order: by file, then line (whole-file issues first), then rule. */
export function compareIssues(a: IngestIssue, b: IngestIssue): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
