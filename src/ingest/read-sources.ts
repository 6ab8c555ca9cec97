/**
 * The ingest's first stage: each source file decoded and cut into records (a dump's lines, an
 * export's entries), and each record's title and abstract cleaned. Every file or record left out,
 * every repair and every doubt becomes an issue with its file and line.
 */
import { issue, type IngestIssue, type SourcePath } from '../core/issue.ts';
import { fallBackFromBrokenMath, titleMathFailures } from './check-math.ts';
import { cleanAbstract, cleanTitle, toPlainText } from './clean-text.ts';
import { decodeSource } from './decode.ts';
import { identityKey } from './identity.ts';
import { exportFormatOf, importReferences, type ExportFormat, type ImportedRecord } from './import/index.ts';
import type { Occurrence } from './merge-duplicates.ts';
import type { MetadataSource } from './merge-metadata.ts';
import { normalizeLines } from './normalize-lines.ts';
import { splitRecords, type DumpFormat, type RawRecord } from './split-records.ts';

export interface SourceFile {
  path: SourcePath;
  bytes: Uint8Array;
  /** Found by listing a folder (only its dumps and exports are read: `.txt`, `.bib`, `.ris`, `.json`), rather than named by the user. */
  fromFolder?: boolean;
}

/** One line of the report's `files`: what was read from a source file. */
export interface FileSummary {
  file: SourcePath;
  format: DumpFormat | ExportFormat | null;
  encoding: string | null;
  abstracts: number;
  /** Filled in by the report (ingest-report.ts). */
  papers: number;
  /** Filled in by the report (ingest-report.ts). */
  merged: number;
}

type PaperBodyNodes = ReturnType<typeof cleanAbstract>['nodes'];

/** A record read and cleaned: its place, identity key, title, abstract (as text and as nodes) and metadata. */
export interface CleanOccurrence extends Occurrence, MetadataSource {
  abstract: string;
  body: PaperBodyNodes;
}

/** What the sources held: their records in path and line order, a summary per file, and the issues. */
export interface ReadSources {
  occurrences: CleanOccurrence[];
  summaries: Map<SourcePath, FileSummary>;
  issues: IngestIssue[];
}

/** What one source file holds, read and cleaned: its records, its line of the report, and its issues. */
export interface SourceRead {
  occurrences: CleanOccurrence[];
  summary: FileSummary;
  issues: IngestIssue[];
}

/**
 * Keeps what a source file read to, so that a file unchanged since the last ingest is not read again
 * (scripts/lib/parse-cache.ts keeps them on disk). `get` returns a fresh copy, or nothing when the file changed;
 * `set` is called with a file's result before any later stage touches it.
 */
export interface SourceReadCache {
  get(source: SourceFile): SourceRead | undefined;
  set(source: SourceFile, read: SourceRead): void;
}

/**
 * Reads every source file, in path order. `onFileStart` is told of each file as it starts. A file's result
 * depends on its path and bytes only, so `cache` may give it instead.
 */
export function readSources(
  sources: readonly SourceFile[],
  onFileStart?: (done: number, total: number, file: SourcePath) => void,
  cache?: SourceReadCache,
): ReadSources {
  const read: ReadSources = { occurrences: [], summaries: new Map(), issues: [] };
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const [index, source] of sorted.entries()) {
    onFileStart?.(index, sorted.length, source.path);
    let file = cache?.get(source);
    if (!file) {
      file = readSource(source);
      cache?.set(source, file);
    }
    read.summaries.set(source.path, file.summary);
    read.issues.push(...file.issues);
    for (const occurrence of file.occurrences) read.occurrences.push(occurrence);
  }
  return read;
}

/** One source file decoded, cut into records and each record cleaned. */
export function readSource(source: SourceFile): SourceRead {
  const summary: FileSummary = { file: source.path, format: null, encoding: null, abstracts: 0, papers: 0, merged: 0 };
  const issues: IngestIssue[] = [];
  const occurrences: CleanOccurrence[] = [];
  const { records, exportFormat } = recordsOf(source, summary, issues);
  for (const record of records) {
    const occurrence = cleanRecord(record, exportFormat, summary, issues);
    if (occurrence) occurrences.push(occurrence);
  }
  return { occurrences, summary, issues };
}

/** The records of one file, as written (none when it cannot be read); fills in the summary's format, encoding and count. */
function recordsOf(
  source: SourceFile,
  summary: FileSummary,
  issues: IngestIssue[],
): { records: Array<RawRecord | ImportedRecord>; exportFormat: ExportFormat | undefined } {
  const decoded = decodeSource(source.bytes, source.path);
  issues.push(...decoded.issues);
  if (!decoded.ok) return { records: [], exportFormat: undefined };
  const exportFormat = exportFormatOf(source.path);
  if (source.fromFolder && !exportFormat && !/\.txt$/i.test(source.path)) {
    issues.push(issue('skipped', source.path, null, 'not-txt', 'not a .txt, .bib, .ris or .json file; only those in a sources folder are read', 'If it holds pasted abstracts, rename it to .txt or name it on the command line; a table (.csv, .xlsx) is not read: export BibTeX, RIS or CSL-JSON from your reference manager instead.'));
    return { records: [], exportFormat: undefined };
  }
  summary.encoding = decoded.encoding;
  let records: Array<RawRecord | ImportedRecord>;
  let recordIssues: IngestIssue[];
  if (exportFormat) {
    ({ records, issues: recordIssues } = importReferences(decoded.text, source.path, exportFormat));
    summary.format = exportFormat;
  } else {
    const { lines, issues: lineIssues } = normalizeLines(decoded.text, source.path);
    issues.push(...lineIssues);
    const split = splitRecords(lines, source.path);
    ({ records, issues: recordIssues } = split);
    summary.format = split.format;
  }
  issues.push(...recordIssues);
  summary.abstracts = records.length;
  if (records.length === 0 && recordIssues.length === 0) {
    issues.push(issue('skipped', source.path, null, 'no-abstracts', 'no abstracts found (the file holds only blank lines or page chrome); skipped', 'Paste abstracts into it, or delete it.'));
  }
  return { records, exportFormat };
}

/** One record with its title and abstract cleaned, or null when nothing of its abstract is left (a dump's record only). */
function cleanRecord(record: RawRecord | ImportedRecord, exportFormat: ExportFormat | undefined, summary: FileSummary, issues: IngestIssue[]): CleanOccurrence | null {
  const cleaned = cleanAbstract(record.abstract);
  for (const macro of new Set(cleaned.unknownMacros)) {
    issues.push(issue('warning', record.file, record.line, 'latex-unknown-macro', `unknown LaTeX macro ${macro}; shown as "${macro.slice(1)}"`, 'Replace it with the text it stands for.'));
  }
  if (cleaned.unclosedMath > 0) {
    issues.push(issue('warning', record.file, record.line, 'math-unclosed', 'math that opens but never closes; shown as typed', 'Close the math with the matching delimiter ($, $$, \\) or \\]).'));
  }
  const checked = fallBackFromBrokenMath(cleaned.nodes);
  cleaned.nodes = checked.nodes;
  for (const failure of checked.failures) {
    issues.push(issue('warning', record.file, record.line, 'math-katex-error', failure, 'Fix the LaTeX of the formula; until then it shows as typed.'));
  }
  const abstract = toPlainText(cleaned.nodes);
  // An export's record may lack an abstract and still be a paper (its title and metadata).
  if (!exportFormat && !/[\p{L}\p{N}]/u.test(abstract)) {
    summary.abstracts--; // not an abstract after all: reported as skipped instead
    issues.push(issue('skipped', record.file, record.line, 'empty-after-cleaning', `line "${record.abstract.slice(0, 60)}" has no letter or digit once cleaned; skipped`, 'Delete the line, or paste the abstract it should hold.'));
    return null;
  }
  const title = record.title ? cleanTitle(record.title.text) : null;
  if (record.title && !title) {
    issues.push(issue('skipped', record.file, record.title.line, 'empty-after-cleaning', `title line "${record.title.text.slice(0, 60)}" is empty once cleaned; a title is derived from the abstract instead`, 'Delete the line, or type the title.'));
  }
  for (const failure of title ? titleMathFailures(title) : []) {
    issues.push(issue('warning', record.file, record.title!.line, 'math-katex-error', failure, 'Fix the LaTeX of the formula; until then it shows as typed.'));
  }
  if (title && title.length > 300) {
    issues.push(issue('warning', record.file, record.title!.line, 'long-title', `title is ${title.length} characters long`, 'Check that the line is a title; shorten it if it is.'));
  }
  return {
    file: record.file, line: record.line, key: abstract ? identityKey(abstract) : '', title: title || null, abstract, body: cleaned.nodes,
    ids: record.meta?.ids, meta: record.meta, keywords: (record as ImportedRecord).keywords, exported: exportFormat !== undefined,
  };
}
