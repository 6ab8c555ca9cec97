/**
 * The list of all papers as an A–Z index: one section per first letter of the filed title (catalog.ts's
 * `filingTitle`), each cut into pages that stay put when a paper is added (stable-pages.ts). A reader of a long
 * list jumps by letter, as in a book's index or a documentation site's; and a paper added re-renders a page of
 * its own letter instead of every page after it (10k papers plus 10: 199 of 200 all-papers pages before).
 *
 * Sections follow the title order's collation (Intl.Collator 'en', base sensitivity): a Latin letter files
 * under its base letter (É and Ę under E; Æ, Ø, Ł, ß through `transliterate`, as the collator sorts them),
 * a letter of another cased alphabet (Greek, Cyrillic, Armenian …) under its capital without accents, digits
 * together, letters of uncased scripts (Chinese, Arabic, Hebrew …) together, and titles of symbols only apart.
 */
import { transliterate } from 'transliteration';
import { filingTitle } from './catalog.ts';
import { stablePages } from './stable-pages.ts';

export interface TitleSection<T> {
  /** The section's name in file names: `a`, `0-9`, `u3b1` (Greek alpha), `other`, `symbols`. */
  key: string;
  /** What the index shows: `A`, `0–9`, `Α`, `Other scripts`, `#`. */
  label: string;
  papers: T[];
  pages: T[][];
}

interface Filed {
  id: string;
  plainTitle: string;
}

/** The section a title files under. */
export function sectionOf(plainTitle: string): { key: string; label: string } {
  // Compatibility decomposition first: the collator sorts 'ᵢ', 'ｉ', '𝐢' and 'ﬁ' as i and f, but
  // `transliterate` drops the first and third, which filed a mixed list's '∑ᵢ₌₁ⁿ xᵢ' as "Other scripts".
  const first = String.fromCodePoint(filingTitle(plainTitle).normalize('NFKD').codePointAt(0) ?? 0x20);
  if (/\p{N}/u.test(first)) return { key: '0-9', label: '0–9' };
  if (/\p{Script=Latin}/u.test(first)) {
    const base = transliterate(first).charAt(0).toUpperCase();
    if (/^[A-Z]$/.test(base)) return { key: base.toLowerCase(), label: base };
  }
  if (/\p{L}/u.test(first)) {
    const capital = first.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    // A script without case has no small alphabet to index by: its titles are one section.
    if (capital !== capital.toLowerCase()) return { key: `u${capital.codePointAt(0)!.toString(16)}`, label: capital };
    return { key: 'other', label: 'Other scripts' };
  }
  return { key: 'symbols', label: '#' };
}

/**
 * `papers` (in title order) as sections, in the order of their first titles; each section's papers in title
 * order. A title the collation sorts away from its section's others joins its own section: 'en' sorts Þ after
 * Z and Hebrew, Arabic after Cyrillic, and filing such a title in the section before it listed it under a
 * letter it does not begin with (a mixed list's Hebrew and Arabic titles under the Cyrillic 'Н').
 */
export function titleSections<T extends Filed>(papers: readonly T[]): TitleSection<T>[] {
  const byKey = new Map<string, TitleSection<T>>();
  for (const paper of papers) {
    const { key, label } = sectionOf(paper.plainTitle);
    const section = byKey.get(key) ?? { key, label, papers: [], pages: [] };
    byKey.set(key, section);
    section.papers.push(paper);
  }
  const sections = [...byKey.values()];
  for (const section of sections) section.pages = stablePages(section.papers, (p) => p.id);
  if (sections.length === 0) sections.push({ key: 'a', label: 'A', papers: [], pages: [[]] });
  return sections;
}

/**
 * The section the list's index page shows: the first of a letter. Titles opening with a digit or a
 * symbol file first, and are few: the seeds' "0–9" holds 2 of 527 papers, which would greet the
 * reader of "All papers" with a two-paper page.
 */
export const indexSection = (sections: ReadonlyArray<{ key: string }>): number =>
  Math.max(0, sections.findIndex((s) => !NOT_LETTER_SECTIONS.has(s.key)));
const NOT_LETTER_SECTIONS = new Set(['0-9', 'symbols']);
