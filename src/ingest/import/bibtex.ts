/**
 * BibTeX / BibLaTeX exports (Zotero, JabRef, Mendeley, Google Scholar) → records.
 *
 * citation-js parses the text, expands `@string` macros and resolves `crossref`. Its file parser
 * stops at the first syntax error and knows no entry positions, so the file is cut into entries at
 * lines starting `@type{` (BibTeX itself reads text between entries as comment, and exporters
 * start every entry on a line of its own) and each entry is parsed alone, behind the `@string`
 * definitions seen so far: a broken entry is reported with its line and the rest are read.
 *
 * Title and abstract are taken raw (LaTeX kept) and cleaned by the ingest like a dump's text,
 * so math stays `$…$` and an abstract pasted from arXiv into a dump is recognised as the same;
 * only BibTeX's case-protecting braces (`{GAN}s`) are removed here, as they are BibTeX syntax.
 */
import { bibtexEntriesToCsl, parseBibtexEntries, type BibtexEntry, type CslItem } from '../../core/citation-js.ts';
import { issue, type IngestIssue, type SourcePath } from '../../core/issue.ts';
import { arxivIdFrom } from '../../core/paper-links.ts';
import { cslToRecord, type ImportedRecord } from './csl-record.ts';

const ENTRY_START = /^\s*@\s*([A-Za-z]+)\s*[{(]/;

interface Chunk {
  type: string;
  line: number;
  text: string;
}

export function importBibtex(text: string, file: SourcePath): { records: ImportedRecord[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const skip = (line: number, why: string) =>
    issues.push(issue('skipped', file, line, 'bad-record', `BibTeX entry skipped: ${why}`, 'Fix the entry (or export it again from your reference manager); the other entries were read.'));
  let strings = '';
  let stringLines = 0;
  const parsed: Array<{ entry: BibtexEntry; chunk: Chunk }> = [];
  for (const chunk of splitEntries(text)) {
    if (chunk.type === 'comment' || chunk.type === 'preamble') continue;
    try {
      const entries = parseBibtexEntries(`${strings}${chunk.text}`);
      if (chunk.type === 'string') {
        strings += `${chunk.text}\n`;
        stringLines += chunk.text.split('\n').length;
        continue;
      }
      if (entries.length !== 1) throw new SyntaxError('not one entry');
      parsed.push({ entry: entries[0]!, chunk });
    } catch (error) {
      const message = (error as Error).message;
      // Running out of text means the entry never closed: its first line is the place to look.
      if (/got EOF/.test(message)) {
        skip(chunk.line, 'the entry is not closed (no `}` before the next entry or the end of the file)');
        continue;
      }
      const at = /line (\d+)/.exec(message);
      skip(at ? chunk.line + Math.max(0, Number(at[1]) - 1 - stringLines) : chunk.line, firstLine(message));
    }
  }
  const containers = new Set(parsed.map((p) => String(p.entry.properties.crossref ?? '').toLowerCase()).filter(Boolean));
  const items = toCsl(parsed.map((p) => p.entry));
  const records: ImportedRecord[] = [];
  parsed.forEach(({ entry, chunk }, i) => {
    const props = entry.properties;
    // A crossref target without an abstract is a container (proceedings, book) that its entries already draw on.
    if (containers.has(entry.label.toLowerCase()) && !props.abstract) return;
    const item = items[i];
    if (!item) return skip(chunk.line, 'citation-js could not map its fields');
    const eprintType = String(props.archiveprefix ?? props.eprinttype ?? '');
    const record = cslToRecord(item, file, chunk.line, chunk.line + lineOf(chunk.text, 'title'), {
      title: typeof props.title === 'string' ? stripCaseBraces(props.title) : undefined,
      abstract: typeof props.abstract === 'string' ? stripCaseBraces(props.abstract) : undefined,
      arxiv: /arxiv/i.test(eprintType) || !eprintType ? arxivIdFrom(String(props.eprint ?? '')) : undefined,
    });
    if ('error' in record) skip(chunk.line, record.error);
    else records.push(record);
  });
  return { records, issues };
}

/** Entries to CSL together (crossref needs the parent); if one breaks the batch, each alone. */
function toCsl(entries: readonly BibtexEntry[]): Array<CslItem | undefined> {
  try {
    return bibtexEntriesToCsl(entries);
  } catch {
    return entries.map((entry) => {
      try {
        const parent = entries.find((e) => e.label === entry.properties.crossref);
        return bibtexEntriesToCsl(parent ? [entry, parent] : [entry])[0];
      } catch {
        return undefined;
      }
    });
  }
}

function splitEntries(text: string): Chunk[] {
  const lines = text.split(/\r\n?|\n/);
  const chunks: Chunk[] = [];
  let current: { type: string; line: number; lines: string[] } | undefined;
  lines.forEach((line, i) => {
    const start = ENTRY_START.exec(line);
    if (start) {
      if (current) chunks.push({ type: current.type, line: current.line, text: current.lines.join('\n') });
      current = { type: start[1]!.toLowerCase(), line: i + 1, lines: [] };
    }
    current?.lines.push(line);
  });
  if (current) chunks.push({ type: current.type, line: current.line, text: current.lines.join('\n') });
  return chunks;
}

/** 0-based line of `field =` within an entry's text (0 when not found). */
function lineOf(text: string, field: string): number {
  const at = new RegExp(`^\\s*${field}\\s*=`, 'im').exec(text);
  return at ? text.slice(0, at.index).split('\n').length - 1 : 0;
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/\s*\(.*\)$/, '').replace(/ at line \d+ col \d+:?$/, '');

/**
 * Removes BibTeX's grouping braces (`{GAN}s`, `{B}ayesian`) and keeps LaTeX's own: macro
 * arguments (`\emph{x}`), groups that open with a macro (`{\"o}`, `{\em x}`) and math (`$…$`).
 */
export function stripCaseBraces(value: string): string {
  let out = '';
  let i = 0;
  const group = (from: number): number => {
    // Index just past the brace matching the one at `from`.
    let depth = 0;
    for (let j = from; j < value.length; j++) {
      if (value[j] === '\\') j++;
      else if (value[j] === '{') depth++;
      else if (value[j] === '}' && --depth === 0) return j + 1;
    }
    return value.length;
  };
  while (i < value.length) {
    const ch = value[i]!;
    if (ch === '\\') {
      const name = /^\\(?:[A-Za-z]+|.)/.exec(value.slice(i))![0];
      out += name;
      i += name.length;
      // A macro's arguments keep their braces; their insides are cleaned the same way.
      while (value[i] === '{') {
        const end = group(i);
        const inner = value.slice(i + 1, end - 1);
        out += `{${/^\\(?:url|href)$/.test(name) && !out.endsWith('}') ? inner : stripCaseBraces(inner)}}`;
        i = end;
      }
      continue;
    }
    if (ch === '$') {
      const end = value.indexOf('$', value[i + 1] === '$' ? i + 2 : i + 1);
      const stop = end < 0 ? value.length : value[i + 1] === '$' ? end + 2 : end + 1;
      out += value.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '{') {
      const end = group(i);
      const inner = value.slice(i + 1, end - 1);
      out += inner.startsWith('\\') ? `{${stripCaseBraces(inner)}}` : stripCaseBraces(inner);
      i = end;
      continue;
    }
    if (ch !== '}') out += ch;
    i++;
  }
  return out;
}
