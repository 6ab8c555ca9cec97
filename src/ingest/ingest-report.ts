/**
 * `content/ingest-report.json`: the ingest's account of its sources (its outside contract is in
 * SPEC.md). Each problem is listed with the issue model (src/core/issue.ts): place, `rule`,
 * `message` and `hint`. The lists also keep the names SPEC gives their message, `reason` for a
 * skipped input and `what` for a repair.
 */
import type { IngestIssue, SourcePath } from '../core/issue.ts';
import type { MergeEvidence } from './merge-duplicates.ts';
import type { FileSummary } from './read-sources.ts';

/** An issue as the report lists it; its kind is the list it is in. */
export type ReportedIssue = Omit<IngestIssue, 'kind'>;

export interface IngestReport {
  papers: number;
  /** `by`: what the record had in common with the paper (the abstract, a DOI, an arXiv id, a PMID, the title). */
  merged: Array<{ file: SourcePath; line: number; into: string; by: MergeEvidence }>;
  /** `reason` repeats `message` (SPEC's name for it here). */
  skipped: Array<ReportedIssue & { reason: string }>;
  /** `what` repeats `message` (SPEC's name for it here). */
  repaired: Array<ReportedIssue & { what: string }>;
  warnings: ReportedIssue[];
  files: FileSummary[];
}

/**
 * The report of an ingest. `paperFiles`: the file each paper was first found in; `merged`: each
 * record merged into another paper; `issues` in report order (`compareIssues`).
 */
export function ingestReport(
  paperFiles: readonly SourcePath[],
  merged: IngestReport['merged'],
  issues: readonly IngestIssue[],
  summaries: Iterable<FileSummary>,
): IngestReport {
  const reported = (x: IngestIssue): ReportedIssue => ({ file: x.file, line: x.line, rule: x.rule, message: x.message, hint: x.hint });
  const papersIn = tally(paperFiles);
  const mergedIn = tally(merged.map((m) => m.file));
  return {
    papers: paperFiles.length,
    merged: [...merged],
    skipped: issues.filter((x) => x.kind === 'skipped').map((x) => ({ ...reported(x), reason: x.message })),
    repaired: issues.filter((x) => x.kind === 'repaired').map((x) => ({ ...reported(x), what: x.message })),
    warnings: issues.filter((x) => x.kind === 'warning').map(reported),
    files: [...summaries].map((s) => ({ ...s, papers: papersIn.get(s.file) ?? 0, merged: mergedIn.get(s.file) ?? 0 })),
  };
}

function tally(files: readonly SourcePath[]): Map<SourcePath, number> {
  const counts = new Map<SourcePath, number>();
  for (const file of files) counts.set(file, (counts.get(file) ?? 0) + 1);
  return counts;
}
