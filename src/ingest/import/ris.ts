/**
 * RIS exports (EndNote, Zotero, Mendeley, PubMed, Scopus) → records.
 *
 * Records are found here (`TY  -` opens one, `ER  -` closes it) so each keeps its line and a broken
 * one (a field outside any record, a record never closed, no title) is reported and skipped alone;
 * citation-js's RIS plugin then reads each record's tags into CSL. Its own file parser has no line
 * numbers and throws on a field outside a record, losing the whole file.
 */
import { risRecordToCsl } from '../../core/citation-js.ts';
import { issue, type IngestIssue, type SourcePath } from '../../core/issue.ts';
import { cslToRecord, type ImportedRecord } from './csl-record.ts';

/** `XY  - value`: two characters, two spaces, a hyphen (RIS specification, RefMan 2012). */
const TAG_LINE = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

interface RisRecord {
  line: number;
  fields: Record<string, string | string[]>;
  /** Line of each tag's first occurrence. */
  lines: Record<string, number>;
}

export function importRis(text: string, file: SourcePath): { records: ImportedRecord[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const skip = (line: number, why: string) =>
    issues.push(issue('skipped', file, line, 'bad-record', `RIS record skipped: ${why}`, 'Fix the record (or export it again from your reference manager); the other records were read.'));
  const found: RisRecord[] = [];
  let current: RisRecord | undefined;
  let lastTag: string | undefined;
  let stray: number | undefined;
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trimEnd();
    const m = TAG_LINE.exec(line);
    if (!m) {
      // A continuation of the previous field's value (long abstracts are wrapped).
      if (current && lastTag && line.trim()) append(current, lastTag, line.trim(), true);
      return;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (current) skip(current.line, 'no `ER  -` line closes it before the next record');
      current = { line: i + 1, fields: { TY: value.trim().toUpperCase() }, lines: { TY: i + 1 } };
      stray = undefined;
      lastTag = 'TY';
      return;
    }
    if (!current) {
      if (stray === undefined) skip((stray = i + 1), `field ${tag} outside a record (no \`TY  -\` line before it)`);
      lastTag = undefined;
      return;
    }
    if (tag === 'ER') {
      found.push(current);
      current = undefined;
      lastTag = undefined;
      return;
    }
    current.lines[tag!] ??= i + 1;
    if (value.trim()) append(current, tag!, value.trim(), false);
    lastTag = tag;
  });
  if (current) skip(current.line, 'the file ends before an `ER  -` line closes it');

  const records: ImportedRecord[] = [];
  for (const r of found) {
    let record: ReturnType<typeof cslToRecord>;
    try {
      const item = risRecordToCsl(r.fields);
      const title = first(r.fields.TI) ?? first(r.fields.T1);
      const abstract = first(r.fields.AB) ?? first(r.fields.N2);
      record = cslToRecord(item, file, r.line, r.lines.TI ?? r.lines.T1 ?? r.line, { title, abstract });
    } catch (error) {
      record = { error: `citation-js could not read it (${(error as Error).message.split('\n')[0]})` };
    }
    if ('error' in record) skip(r.line, record.error);
    else records.push(record);
  }
  return { records, issues };
}

function append(record: RisRecord, tag: string, value: string, continuation: boolean): void {
  const prior = record.fields[tag];
  if (prior === undefined) record.fields[tag] = value;
  else if (continuation) {
    if (Array.isArray(prior)) prior[prior.length - 1] += ` ${value}`;
    else record.fields[tag] = `${prior} ${value}`;
  } else record.fields[tag] = Array.isArray(prior) ? [...prior, value] : [prior, value];
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
