/**
 * Reference-manager exports in the sources: `.bib` (BibTeX/BibLaTeX), `.ris` and CSL-JSON `.json`.
 * Each importer returns records like a dump's, so the pipeline treats them the same way from
 * cleaning on; broken records are skipped with file and line and the rest of the file is read.
 */
import type { IngestIssue, SourcePath } from '../../core/issue.ts';
import { importBibtex } from './bibtex.ts';
import { importCslJson } from './csl-json.ts';
import type { ExportFormat, ImportedRecord } from './csl-record.ts';
import { importRis } from './ris.ts';

export type { ExportFormat, ImportedRecord } from './csl-record.ts';

const BY_EXTENSION: Record<string, ExportFormat> = { bib: 'bibtex', bibtex: 'bibtex', ris: 'ris', json: 'csl-json' };

/** The export format a file's name says, or undefined for anything else (a dump). */
export function exportFormatOf(path: string): ExportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

export function importReferences(text: string, file: SourcePath, format: ExportFormat): { records: ImportedRecord[]; issues: IngestIssue[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'bibtex') return importBibtex(body, file);
  if (format === 'ris') return importRis(body, file);
  return importCslJson(body, file);
}
