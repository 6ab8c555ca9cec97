/**
 * Stage 2: text → numbered lines, with invisible trouble repaired.
 *
 * The documented normalisation, in order: line endings to LF; NUL and other control characters
 * removed; zero-width and bidirectional-control characters removed; every Unicode space
 * (no-break, thin, ideographic …) becomes a plain space; runs of spaces collapse to one; lines are
 * trimmed; text is put in Unicode NFC, so `e` + combining acute and `é` are the same letter.
 * Also: soft hyphens, Unicode noncharacters (U+FFFE, U+FDD0 …) and lone surrogates (both forbidden
 * in XML, so in pages, feeds and sitemaps) are removed, and compatibility characters that exist
 * only for old encodings and typesetting (ligatures ﬁ ﬂ ﬃ, full-width letters and digits,
 * half-width katakana, Arabic presentation forms, the long s) are folded by NFKC.
 *
 * NFKC is applied to those blocks only, not to whole lines, because it also folds what text relies
 * on: superscripts (x² → x2), mathematical letters (ℝ, 𝒪, ℓ), fractions, circled numbers, and the
 * full-width punctuation of Chinese and Japanese text (，。（）), which is correct typography there.
 */
import { issue, type IngestIssue, type SourcePath } from '../core/issue.ts';

export interface SourceLine {
  /** 1-based line number in the file as the user sees it in an editor. */
  line: number;
  text: string;
}

interface Repair {
  rule: string;
  what: (count: number) => string;
  pattern: RegExp;
  /** A string, or `COMPATIBILITY_FOLD` to put the match in NFKC. */
  replacement: string;
}

/**
 * Characters of the blocks that Unicode keeps only for round trips with old encodings and
 * typesetters: Latin digraphs (Ǆ ĳ ŉ ſ), Latin and Armenian ligatures (U+FB00–FB06, FB13–FB17),
 * Arabic presentation forms (U+FB50–FDFF without the noncharacters, U+FE70–FEFC), full-width Latin
 * letters and digits (U+FF10–FF5A) and half-width katakana and Hangul (U+FF61–FFDC).
 */
const COMPATIBILITY_BLOCKS =
  /[\u0132\u0133\u013f\u0140\u0149\u017f\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06\ufb13-\ufb17\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefc\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uffdc]+/g;
const COMPATIBILITY_FOLD = '\0nfkc';

const REPAIRS: Repair[] = [
  { rule: 'nul-byte', what: (n) => `removed ${n} NUL byte${n > 1 ? 's' : ''}`, pattern: /\0/g, replacement: '' },
  {
    rule: 'control-char',
    what: (n) => `removed ${n} control character${n > 1 ? 's' : ''}`,
    pattern: /[\x01-\x08\x0b-\x1f\x7f-\x9f]/g,
    replacement: '',
  },
  {
    rule: 'invisible-char',
    what: (n) => `removed ${n} zero-width or text-direction character${n > 1 ? 's' : ''}`,
    pattern: /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
    replacement: '',
  },
  { rule: 'soft-hyphen', what: (n) => `removed ${n} soft hyphen${n > 1 ? 's' : ''} (invisible hyphenation points)`, pattern: /\u00ad/g, replacement: '' },
  {
    rule: 'noncharacter',
    what: (n) => `removed ${n} Unicode noncharacter${n > 1 ? 's' : ''} or lone surrogate${n > 1 ? 's' : ''} (forbidden in XML)`,
    pattern: /[\p{Noncharacter_Code_Point}\p{Surrogate}]/gu,
    replacement: '',
  },
  {
    rule: 'compatibility-char',
    what: (n) => `folded ${n} compatibility character${n > 1 ? 's' : ''} (ligatures such as ﬁ, full-width or presentation forms) into plain letters`,
    pattern: COMPATIBILITY_BLOCKS,
    replacement: COMPATIBILITY_FOLD,
  },
  {
    rule: 'unusual-space',
    what: (n) => `replaced ${n} non-breaking or unusual space${n > 1 ? 's' : ''} with plain spaces`,
    pattern: /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g,
    replacement: ' ',
  },
  { rule: 'space-run', what: (n) => `collapsed ${n} run${n > 1 ? 's' : ''} of spaces`, pattern: /[ \t]{2,}|\t/g, replacement: ' ' },
];

export function normalizeLines(text: string, file: SourcePath): { lines: SourceLine[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const crlf = text.indexOf('\r\n');
  const lone = text.search(/\r(?!\n)/);
  if (crlf >= 0 || lone >= 0) {
    const kind = lone >= 0 && crlf < 0 ? 'CR' : 'CRLF';
    issues.push(issue('repaired', file, null, 'line-endings', `converted ${kind} line endings to LF`, 'Nothing to do.'));
  }
  const raw = text.split(/\r\n|\r|\n/);
  // One cheap test per line; the repairs run only on lines that need one.
  const needsRepair =
    /[\0-\x08\x0b-\x1f\x7f-\xa0\xad\u0132\u0133\u013f\u0140\u0149\u017f\u01c4-\u01cc\u01f1-\u01f3\u1680\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufb00-\ufdff\ufe70-\ufeff\uff10-\uffff\t]| {2}|[\p{Noncharacter_Code_Point}\p{Surrogate}]/u;
  const counts = new Map<Repair, { count: number; first: number }>();
  const lines = raw.map((value, index) => {
    let cleaned = value;
    if (needsRepair.test(value)) for (const repair of REPAIRS) {
      let hits = 0;
      cleaned = cleaned.replace(repair.pattern, (match) => {
        if (repair.replacement !== COMPATIBILITY_FOLD) {
          hits++;
          return repair.replacement;
        }
        hits += [...match].length;
        return match.normalize('NFKC');
      });
      if (hits > 0) {
        const seen = counts.get(repair);
        if (seen) seen.count += hits;
        else counts.set(repair, { count: hits, first: index + 1 });
      }
    }
    const trimmed = cleaned.trim();
    return { line: index + 1, text: /^[\x00-\x7f]*$/.test(trimmed) ? trimmed : trimmed.normalize('NFC') };
  });
  for (const repair of REPAIRS) {
    const seen = counts.get(repair);
    if (!seen) continue;
    // Double spaces are everywhere in pasted text; one line per file is enough for them.
    issues.push(issue('repaired', file, seen.first, repair.rule, `${repair.what(seen.count)} (first on this line)`, 'Nothing to do.'));
  }
  return { lines, issues };
}
