/**
 * The ingest report for people: counts per file and format, then each problem as
 * `file:line  what  → what to do  [rule]`, sorted by file and line.
 */
import type { IngestIssue } from '../core/issue.ts';
import type { IngestReport } from './ingest-report.ts';

const LABEL: Record<IngestIssue['kind'], string> = { skipped: 'skipped', repaired: 'repaired', warning: 'warning' };

export function formatReport(report: IngestReport, issues: readonly IngestIssue[]): string {
  const lines: string[] = [];
  const width = Math.max(4, ...report.files.map((f) => f.file.length));
  for (const f of report.files) {
    const what = f.format ? `${f.format.padEnd(7)} ${String(f.abstracts).padStart(6)} abstracts → ${String(f.papers).padStart(6)} papers, ${f.merged} merged` : 'skipped';
    lines.push(`  ${f.file.padEnd(width)}  ${what}`);
  }
  const abstracts = report.files.reduce((n, f) => n + f.abstracts, 0);
  lines.push(
    '',
    `${report.papers} papers from ${abstracts} abstracts in ${report.files.length} files: ${report.merged.length} duplicates merged, ` +
      `${report.skipped.length} skipped, ${report.repaired.length} repaired, ${report.warnings.length} warnings.`,
  );
  const problems = issues;
  if (problems.length > 0) lines.push('');
  for (const i of problems) {
    const place = i.line === null ? i.file : `${i.file}:${i.line}`;
    lines.push(`${place}  ${LABEL[i.kind]}  ${i.message}  → ${i.hint}  [${i.rule}]`);
  }
  return lines.join('\n');
}
