/**
 * CSL-JSON exports (Zotero's "CSL JSON", citation.js, pandoc) → records. The file is already CSL:
 * JSON.parse reads it, and each item is checked and mapped like the other formats' items.
 */
import type { CslItem } from '../../core/citation-js.ts';
import { issue, type IngestIssue, type SourcePath } from '../../core/issue.ts';
import { cslToRecord, type ImportedRecord } from './csl-record.ts';

export function importCslJson(text: string, file: SourcePath): { records: ImportedRecord[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON has no record boundaries to resume at without guessing, so a syntax error loses the file.
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    // V8 names no position when the text ends early (a file copied in part): the fault is where it stops.
    const endsEarly = !position && /end of JSON input/.test(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : endsEarly ? text.trimEnd().split('\n').length : null;
    const what = endsEarly ? 'the file ends before its JSON is complete (cut short?)' : message.replace(/\s*\(line \d+ column \d+\)/, '');
    issues.push(issue('skipped', file, line, 'bad-json', `not valid JSON: ${what}; file skipped`, 'Fix the JSON at that line, or export the file again.'));
    return { records: [], issues };
  }
  const items = Array.isArray(data) ? data : [data];
  const lines = itemLines(text, items.length);
  const textLines = text.split('\n');
  const records: ImportedRecord[] = [];
  items.forEach((item, i) => {
    const line = lines[i] ?? 1;
    const record =
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? cslToRecord(item as CslItem, file, line, line + titleOffset(textLines, lines, i))
        : { error: 'not a CSL-JSON item (an object)' };
    if ('error' in record) {
      issues.push(issue('skipped', file, line, 'bad-record', `CSL-JSON item ${i + 1} skipped: ${record.error}`, 'Fix the item (or export it again); the other items were read.'));
    } else records.push(record);
  });
  return { records, issues };
}

/**
 * The 1-based line where each top-level array item starts. JSON.parse gives no positions, and the
 * scan needs only strings and nesting depth, so it is written here rather than pulling in a
 * position-tracking JSON parser.
 */
function itemLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1 || (depth === 0 && ch === '{')) lines.push(line);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return lines;
}

/** Lines from an item's start to its `"title"` key (0 when not found before the next item). */
function titleOffset(all: readonly string[], lines: readonly number[], i: number): number {
  const end = (lines[i + 1] ?? all.length + 1) - 1;
  for (let l = lines[i]! - 1; l < end; l++) if (/^\s*"title"\s*:/.test(all[l] ?? '')) return l - (lines[i]! - 1);
  return 0;
}
