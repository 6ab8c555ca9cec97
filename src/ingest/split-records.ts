/**
 * Stage 3: lines → raw records (an abstract with its title line, if any, and the metadata the
 * dump carries beside it).
 *
 * One reader handles every shape people paste: a *listing* (title line, abstract line, page
 * chrome around them), a *bare* dump (one abstract a line), an *arXiv* page (labelled fields
 * around each record, `arXiv:ID` first), a *PubMed* copy (a title, then the labelled sections of
 * one structured abstract, one a line), and a *PDF* copy (hard-wrapped lines, a blank line between
 * papers). Chrome and labelled fields are set aside first, wrapped blocks joined, section lines
 * gathered into one abstract; then a title is a line that looks like one and is followed by an
 * abstract. The shape is reported, and decides whether a missing title is worth a warning.
 */
import { issue, type IngestIssue, type SourcePath } from '../core/issue.ts';
import type { PaperMetadata } from '../core/paper.ts';
import { titleScore } from './title-line.ts';
import type { SourceLine } from './normalize-lines.ts';
import { isChromeLine, isNameList, stripGluedChrome } from './page-chrome.ts';
import { isExpanded, readFieldLine, splitNames, stripMoreLess, toMetadata, type RecordFacts } from './record-fields.ts';
import { reflowWrappedBlocks } from './reflow.ts';

export type DumpFormat = 'listing' | 'bare' | 'arxiv' | 'pubmed' | 'pdf';

export interface RawRecord {
  file: SourcePath;
  /** Line of the abstract: the paper's place in its source. */
  line: number;
  title: { text: string; line: number } | null;
  /**
   * The abstract. A structured abstract keeps one section a line (`METHODS: …`), in order; every
   * other abstract is one line.
   */
  abstract: string;
  /** Bibliographic metadata the record carries beside its abstract (authors, ids, year …), if any. */
  meta?: PaperMetadata;
}

export interface SplitResult {
  format: DumpFormat;
  records: RawRecord[];
  issues: IngestIssue[];
}

/** PubMed's affiliation marks after author names: `Okonkwo M(1)(2), Lindqvist T(2).` */
const AFFILIATION_MARKS = /\(\d+(?:,\s*\d+)*\)/g;
/** Below this an "abstract" is more likely a stray line than a paper; kept, with a warning. */
const SHORT_ABSTRACT = 100;
/** Evidence a `Title:` or `Abstract:` label gives: more than any line's own shape can outweigh. */
const LABELLED_SCORE = 50;

/** A content line: text to label, or a labelled title or abstract; `facts` lines hold metadata. */
type Item =
  /** `score`: `titleScore` of a text line, computed once; `truncated`: an abstract cut at "▽ More". */
  | { kind: 'text' | 'title' | 'abstract'; line: number; text: string; score?: number; truncated?: boolean }
  | { kind: 'anchor' | 'meta'; line: number; facts: RecordFacts }
  | { kind: 'section'; line: number; text: string; label: string };

type TextItem = Extract<Item, { kind: 'text' | 'title' | 'abstract' }>;

export function splitRecords(lines: readonly SourceLine[], file: SourcePath): SplitResult {
  const issues: IngestIssue[] = [];
  const { reflowed, chromeLines } = withoutChrome(lines, file, issues);
  const { items, labelledLines } = readItems(reflowed.lines);
  const structured = gatherSections(items);

  const content = items.filter((item): item is TextItem => item.kind === 'text' || item.kind === 'title' || item.kind === 'abstract');
  const scores = content.map((item) => (item.kind === 'title' ? LABELLED_SCORE : item.kind === 'abstract' ? -LABELLED_SCORE : (item.score ?? titleScore(item.text))));
  let labels = labelLines(scores, LISTING_PENALTY);
  const fields = items.length - content.length;
  const facts = items.flatMap((item) => (item.kind === 'anchor' || item.kind === 'meta' ? [item.facts] : []));
  // A listing shows itself by chrome, or by many title lines each clearly shorter than the
  // abstract after it; in a bare dump, neighbouring lines are abstracts of similar length.
  const titlePairs = labels.filter((label, i) => label === 'T' && content[i]!.text.length < 0.6 * (content[i + 1]?.text.length ?? 0)).length;
  const format: DumpFormat =
    facts.some((f) => f.arxiv) ? 'arxiv'
    : structured > 0 || facts.some((f) => f.pmid) ? 'pubmed'
    : labelledLines > 0 ? 'arxiv'
    : reflowed.blocks > 0 ? 'pdf'
    : chromeLines > 0 || fields > 0 || titlePairs >= content.length * 0.25 ? 'listing'
    : 'bare';
  if (format === 'bare') labels = labelLines(scores, 0);

  const records: RawRecord[] = [];
  /** Index in `items` where each record begins, to hand it the metadata lines that follow. */
  const starts: number[] = [];
  let pending: { item: TextItem; index: number } | null = null;
  const headings = new Set(facts.flatMap((f) => f.subjectNames ?? []).map((name) => name.toLowerCase()));
  const dropDangling = (title: { text: string; line: number }, why: string) =>
    isListingHeading(title.text, headings) ||
    issues.push(issue('skipped', file, title.line, 'title-without-abstract', `title line "${clip(title.text)}" has no abstract ${why}; skipped`, 'Paste its abstract on the line after it, or delete the line.'));

  let at = 0;
  for (const [index, item] of items.entries()) {
    if (item.kind !== 'text' && item.kind !== 'title' && item.kind !== 'abstract') continue;
    if (labels[at++] === 'T') {
      if (pending) dropDangling(pending.item, 'before the next title');
      pending = { item, index };
      continue;
    }
    starts.push(pending?.index ?? index);
    const title = pending && { text: format === 'pubmed' ? withoutCitationPeriod(pending.item.text) : pending.item.text, line: pending.item.line };
    records.push({ file, line: item.line, title, abstract: item.text });
    if (item.text.length < SHORT_ABSTRACT) {
      issues.push(issue('warning', file, item.line, 'short-abstract', `abstract is only ${item.text.length} characters: "${clip(item.text)}"`, 'Check that the line is really an abstract; delete it if not.'));
    }
    pending = null;
  }
  if (pending) dropDangling(pending.item, 'at the end of the file');
  attachMetadata(items, records, starts);
  return { format, records, issues };
}

/**
 * Whether a line without an abstract is the heading of a copied arXiv listing page (`/list/<archive>/new`): the
 * name of a subject that the file's own `Subjects:` lines give, alone, or with its code or its archive before it
 * ("Atmospheric and Oceanic Physics", "Physics > Atmospheric and Oceanic Physics", "Machine Learning (cs.LG)").
 * It is the page's, not a paper's title that lost its abstract, so it is no skipped record.
 */
function isListingHeading(text: string, subjectNames: ReadonlySet<string>): boolean {
  const name = text.replace(/^.*>\s*/, '').replace(/\s*\([^()]*\)\s*$/, '').trim().toLowerCase();
  return subjectNames.has(name);
}

/** The lines without the page's chrome (menus, buttons, footers) and with hard-wrapped blocks joined, reporting the joins. */
function withoutChrome(lines: readonly SourceLine[], file: SourcePath, issues: IngestIssue[]): { reflowed: ReturnType<typeof reflowWrappedBlocks>; chromeLines: number } {
  let chromeLines = 0;
  const unchromed: SourceLine[] = [];
  for (const { line, text } of lines) {
    if (text && isChromeLine(text)) {
      chromeLines++;
      continue;
    }
    const unglued = text ? stripGluedChrome(text) : undefined;
    if (unglued !== undefined) chromeLines++;
    unchromed.push({ line, text: unglued ?? text });
  }
  const reflowed = reflowWrappedBlocks(unchromed);
  if (reflowed.blocks > 0) {
    const hyphens = reflowed.joinedWords + reflowed.keptHyphens;
    issues.push(issue('repaired', file, null, 'hard-wrapped', `joined ${reflowed.blocks} hard-wrapped block${reflowed.blocks > 1 ? 's' : ''} (text copied from a PDF) into titles and abstracts` + (hyphens > 0 ? `; of ${hyphens} line-end hyphens, ${reflowed.joinedWords} joined a split word and ${reflowed.keptHyphens} kept a real hyphen` : ''), 'Nothing to do; check the abstracts read as whole paragraphs.'));
  }
  return { reflowed, chromeLines };
}

/**
 * A list of names right under a title is the card's author line. Under a line that reads as a title, or,
 * when the names carry PubMed's affiliation marks (`Okonkwo M(1)`) or the line above them is the first
 * after a record's anchor (PubMed's citation line, arXiv's id), under any text line: PubMed puts the
 * author line right under the title, and writes titles in sentence case ending with a period, which
 * alone reads as an abstract's sentence (titleScore ≤ 0: "Active layer deepening and soil carbon
 * vulnerability across an Alaskan tundra gradient." scores -0.5). Records without affiliations
 * ("Whitfield R, Chen L.") have no marks, so the anchor is then the only sign.
 */
function isAuthorLine(content: string, previous: Item, beforePrevious: Item | undefined): boolean {
  const unmarked = content.replace(AFFILIATION_MARKS, '');
  const underAnchor = beforePrevious?.kind === 'anchor';
  const mayBeTitle = previous.kind === 'title' || (previous.kind === 'text' && (previous.score! > 0 || unmarked !== content || underAnchor));
  return mayBeTitle && isNameList(unmarked);
}

/** Each non-empty line as an item: a field line by its label, an author line under a title, or text with its title score. */
function readItems(lines: readonly SourceLine[]): { items: Item[]; labelledLines: number } {
  let labelledLines = 0;
  const items: Item[] = [];
  for (const { line, text: content } of lines) {
    if (!content) continue;
    const field = readFieldLine(content);
    if (!field) {
      const previous = items.at(-1);
      // The full version of an abstract whose truncated version was the line before replaces it.
      if (previous?.kind === 'abstract' && previous.truncated && isExpanded(content)) {
        items[items.length - 1] = { kind: 'abstract', line: previous.line, text: stripMoreLess(content) };
        continue;
      }
      if (previous && isAuthorLine(content, previous, items.at(-2))) {
        items.push({ kind: 'meta', line, facts: { authors: splitNames(content) } });
      } else {
        const text = stripMoreLess(content);
        items.push({ kind: 'text', line, text, score: titleScore(text) });
      }
    } else if (field.kind === 'anchor' || field.kind === 'meta') items.push({ kind: field.kind, line, facts: field.facts });
    else if (field.kind === 'section') items.push({ kind: 'section', line, text: content, label: field.label });
    else {
      labelledLines++;
      items.push(field.kind === 'abstract' ? { kind: 'abstract', line, text: field.text, truncated: field.truncated } : { kind: field.kind, line, text: field.text });
    }
  }
  return { items, labelledLines };
}

/**
 * Runs of two or more section lines become one abstract item (one section a line, in order); a
 * lone labelled line (`PURPOSE: …` as a whole abstract, or a title such as `BERT: …`) is text.
 * Returns how many structured abstracts were gathered.
 */
function gatherSections(items: Item[]): number {
  let gathered = 0;
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind !== 'section') continue;
    let end = i;
    while (end + 1 < items.length && items[end + 1]!.kind === 'section') end++;
    const run = items.slice(i, end + 1) as Array<Extract<Item, { kind: 'section' }>>;
    if (run.length >= 2) {
      items.splice(i, run.length, { kind: 'abstract', line: run[0]!.line, text: run.map((s) => s.text).join('\n') });
      gathered++;
    } else items[i] = { kind: 'text', line: run[0]!.line, text: run[0]!.text };
  }
  return gathered;
}

/**
 * Hands each metadata line to its record: the record that begins at or before it. On arXiv and
 * PubMed pages a record begins at its anchor (the `arXiv:ID` or citation line), before the title;
 * lines before the first record and its anchor (a search page's header) belong to none.
 */
function attachMetadata(items: readonly Item[], records: RawRecord[], starts: number[]): void {
  for (let r = 0; r < records.length; r++) {
    const from = r === 0 ? 0 : starts[r - 1]! + 1;
    for (let k = starts[r]! - 1; k >= from; k--) {
      if (items[k]!.kind === 'anchor') {
        starts[r] = k;
        break;
      }
      if (items[k]!.kind === 'text' || items[k]!.kind === 'abstract' || items[k]!.kind === 'title') break;
    }
  }
  const facts: RecordFacts[][] = records.map(() => []);
  let r = -1;
  items.forEach((item, k) => {
    while (r + 1 < records.length && starts[r + 1]! <= k) r++;
    if (r >= 0 && (item.kind === 'meta' || item.kind === 'anchor')) facts[r]!.push(item.facts);
  });
  records.forEach((record, i) => {
    const meta = toMetadata(facts[i]!);
    if (meta) record.meta = meta;
  });
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

/**
 * A PubMed title without the period PubMed ends every title with ("… surface darkening." → "… surface
 * darkening"); a question's or exclamation's mark stays, and so does the period of an abbreviation that ends
 * a title: a single letter or one with inner periods ("U.S."), or a taxonomic or Latin one ("sp.", "et al.").
 */
function withoutCitationPeriod(title: string): string {
  return /(?<!(?:^|[\s.(])(?:\p{L}|sp|spp|subsp|var|al|etc|vs|cf|Inc|Ltd|Co))\.$/u.test(title) && !/\.\.$/.test(title) ? title.slice(0, -1) : title;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
