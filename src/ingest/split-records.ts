/**
 * Stage 3: lines → raw records (an abstract with its title line, if any).
 *
 * Two dump formats exist: a *listing* (title line, abstract line, page chrome around them, blank
 * lines or none) and a *bare* dump (one abstract a line). One reader handles both: a title is a
 * line that looks like one and is followed by an abstract. The format is only reported, and
 * decides whether a missing title is worth a warning.
 */
import { issue, type IngestIssue, type SourcePath } from '../core/issue.ts';
import type { PaperMetadata } from '../core/paper.ts';
import { titleScore } from './classify-line.ts';
import type { SourceLine } from './normalize-lines.ts';
import { isChromeLine, stripGluedChrome } from './page-chrome.ts';

export type DumpFormat = 'listing' | 'bare';

export interface RawRecord {
  file: SourcePath;
  /** Line of the abstract: the paper's place in its source. */
  line: number;
  title: { text: string; line: number } | null;
  abstract: string;
  /** Bibliographic metadata the record carries beside its abstract (authors, ids, year …), if any. */
  meta?: PaperMetadata;
}

export interface SplitResult {
  format: DumpFormat;
  records: RawRecord[];
  issues: IngestIssue[];
}

/** Below this an "abstract" is more likely a stray line than a paper; kept, with a warning. */
const SHORT_ABSTRACT = 100;

export function splitRecords(lines: readonly SourceLine[], file: SourcePath): SplitResult {
  const issues: IngestIssue[] = [];
  const content: SourceLine[] = [];
  let chromeLines = 0;
  for (const { line, text } of lines) {
    if (!text) continue;
    if (isChromeLine(text)) {
      chromeLines++;
      continue;
    }
    const unglued = stripGluedChrome(text);
    if (unglued !== undefined) chromeLines++;
    content.push({ line, text: unglued ?? text });
  }

  const scores = content.map((l) => titleScore(l.text));
  let labels = labelLines(scores, LISTING_PENALTY);
  // A listing shows itself by chrome, or by many title lines each clearly shorter than the
  // abstract after it; in a bare dump, neighbouring lines are abstracts of similar length.
  const titlePairs = labels.filter((label, i) => label === 'T' && content[i]!.text.length < 0.6 * (content[i + 1]?.text.length ?? 0)).length;
  const format: DumpFormat = chromeLines > 0 || titlePairs >= content.length * 0.25 ? 'listing' : 'bare';
  if (format === 'bare') labels = labelLines(scores, 0);

  const records: RawRecord[] = [];
  let pending: SourceLine | null = null;
  const dropDangling = (title: SourceLine, why: string) =>
    issues.push(issue('skipped', file, title.line, 'title-without-abstract', `title line "${clip(title.text)}" has no abstract ${why}; skipped`, 'Paste its abstract on the line after it, or delete the line.'));

  content.forEach((current, i) => {
    if (labels[i] === 'T') {
      if (pending) dropDangling(pending, 'before the next title');
      pending = current;
      return;
    }
    records.push({ file, line: current.line, title: pending ? { text: pending.text, line: pending.line } : null, abstract: current.text });
    if (current.text.length < SHORT_ABSTRACT) {
      issues.push(issue('warning', file, current.line, 'short-abstract', `abstract is only ${current.text.length} characters: "${clip(current.text)}"`, 'Check that the line is really an abstract; delete it if not.'));
    }
    pending = null;
  });
  if (pending) dropDangling(pending, 'at the end of the file');
  return { format, records, issues };
}

type Label = 'T' | 'A';
/** In a listing, an abstract without a title costs this much evidence (see `titleScore`). */
const LISTING_PENALTY = 6;
/** A title without an abstract costs this much. */
const DANGLING_PENALTY = 6;

/**
 * Labels each line title or abstract with the best-scoring sequence (Viterbi over two states),
 * so that structure decides where the line alone is unsure: a sentence-case title ending in a
 * period still reads as the title when an abstract follows it.
 */
function labelLines(scores: readonly number[], untitledPenalty: number): Label[] {
  const n = scores.length;
  if (n === 0) return [];
  // best[i][s]: best total for lines 0..i with line i in state s; from[i][s]: previous state.
  const bestT = new Float64Array(n);
  const bestA = new Float64Array(n);
  const fromT: Label[] = new Array(n);
  const fromA: Label[] = new Array(n);
  bestT[0] = scores[0]!;
  bestA[0] = -scores[0]! - untitledPenalty;
  for (let i = 1; i < n; i++) {
    const s = scores[i]!;
    const tt = bestT[i - 1]! - DANGLING_PENALTY;
    const at = bestA[i - 1]!;
    [bestT[i], fromT[i]] = tt > at ? [tt + s, 'T'] : [at + s, 'A'];
    const ta = bestT[i - 1]!;
    const aa = bestA[i - 1]! - untitledPenalty;
    [bestA[i], fromA[i]] = ta >= aa ? [ta - s, 'T'] : [aa - s, 'A'];
  }
  const labels: Label[] = new Array(n);
  labels[n - 1] = bestT[n - 1]! - DANGLING_PENALTY > bestA[n - 1]! ? 'T' : 'A';
  for (let i = n - 1; i > 0; i--) labels[i - 1] = (labels[i] === 'T' ? fromT[i] : fromA[i])!;
  return labels;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
