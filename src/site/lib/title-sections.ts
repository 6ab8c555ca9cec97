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
  /** The section's name in file names: `a`, `b-d`, `0-9`, `u3b1` (Greek alpha), `cyrl` (all Cyrillic titles), `other`, `symbols`. */
  key: string;
  /** What the index shows: `A`, `B–D`, `0–9`, `Α`, `Cyrillic`, `Other scripts`, `#`. */
  label: string;
  papers: T[];
  pages: T[][];
}

interface Filed {
  id: string;
  plainTitle: string;
}

/** Where a title files: its section, and the alphabet (ISO 15924 code) whose letters the section is one of. */
interface Filing {
  key: string;
  label: string;
  /** `Latn`, `Cyrl`, `Grek` …; none for digits, symbols and uncased scripts, which never fold. */
  alphabet?: string;
}

/**
 * The cased alphabets besides Latin, by ISO 15924 code (Unicode's Script property accepts the codes as
 * aliases): the scripts with capital and small letters (Unicode Standard §4.2, "Case").
 */
const CASED_ALPHABETS = ['Grek', 'Cyrl', 'Armn', 'Geor', 'Copt', 'Glag', 'Cher', 'Dsrt', 'Osge', 'Adlm', 'Hung', 'Wara', 'Medf'].map((code) => ({ code, letter: new RegExp(`\\p{Script=${code}}`, 'u') }));
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script' });

/** The section a title files under. */
export function sectionOf(plainTitle: string): Filing {
  // Compatibility decomposition first: the collator sorts 'ᵢ', 'ｉ', '𝐢' and 'ﬁ' as i and f, but
  // `transliterate` drops the first and third, which filed a mixed list's '∑ᵢ₌₁ⁿ xᵢ' as "Other scripts".
  const first = String.fromCodePoint(filingTitle(plainTitle).normalize('NFKD').codePointAt(0) ?? 0x20);
  if (/\p{N}/u.test(first)) return { key: '0-9', label: '0–9' };
  if (/\p{Script=Latin}/u.test(first)) {
    const base = transliterate(first).charAt(0).toUpperCase();
    if (/^[A-Z]$/.test(base)) return { key: base.toLowerCase(), label: base, alphabet: 'Latn' };
  }
  if (/\p{L}/u.test(first)) {
    const capital = first.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    // A script without case has no small alphabet to index by: its titles are one section.
    if (capital !== capital.toLowerCase()) return { key: `u${capital.codePointAt(0)!.toString(16)}`, label: capital, alphabet: CASED_ALPHABETS.find((a) => a.letter.test(capital))?.code };
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
export function titleSections<T extends Filed>(papers: readonly T[], minLetterPapers = MIN_LETTER_PAPERS): TitleSection<T>[] {
  const byKey = new Map<string, TitleSection<T> & Filing>();
  for (const paper of papers) {
    const filing = sectionOf(paper.plainTitle);
    const section = byKey.get(filing.key) ?? { ...filing, papers: [], pages: [] };
    byKey.set(filing.key, section);
    section.papers.push(paper);
  }
  const sections = foldSmallAlphabets(foldSmallLetters([...byKey.values()], minLetterPapers), minLetterPapers).map(({ alphabet: _, ...section }) => section);
  for (const section of sections) section.pages = stablePages(section.papers, (p) => p.id);
  if (sections.length === 0) sections.push({ key: 'a', label: 'A', papers: [], pages: [[]] });
  return sections;
}

/**
 * Fewest papers a letter's section holds alone. A short list has letters of one or two titles
 * (a 357-paper list: J 1, Q 1, Z 3), each a page of its own; such a letter joins its neighbours into a
 * range ("J–L"), as a dictionary's spine does. On a long list only the rarest letters ever fold, so the
 * ranges, shown on every all-papers page, seldom change as papers are added.
 */
const MIN_LETTER_PAPERS = 10;

type Folding<T> = TitleSection<T> & Filing;

/** Adjacent sections of one alphabet folded while the first holds fewer than `min` papers; a small last letter joins the range before it. */
function foldSmallLetters<T>(sections: Folding<T>[], min: number): Folding<T>[] {
  const out: Folding<T>[] = [];
  const sameAlphabet = (a: Folding<T> | undefined, b: Folding<T> | undefined): boolean => a?.alphabet !== undefined && a.alphabet === b?.alphabet;
  const join = (a: Folding<T>, b: Folding<T>): Folding<T> => {
    const [first, last] = [a.key.split('-')[0]!, b.key.split('-').at(-1)!];
    const [firstLabel, lastLabel] = [a.label.split('–')[0]!, b.label.split('–').at(-1)!];
    return { key: `${first}-${last}`, label: `${firstLabel}–${lastLabel}`, alphabet: a.alphabet, papers: [...a.papers, ...b.papers], pages: [] };
  };
  for (const section of sections) {
    const prev = out.at(-1);
    if (prev && sameAlphabet(prev, section) && prev.papers.length < min) out[out.length - 1] = join(prev, section);
    else out.push(section);
  }
  // The last letter (Z, or whatever ends the alphabet's run) has no neighbour after it to join.
  for (let i = out.length - 1; i > 0; i--) {
    const [before, last] = [out[i - 1]!, out[i]!];
    if (sameAlphabet(before, last) && last.papers.length < min && !sameAlphabet(last, out[i + 1])) out.splice(i - 1, 2, join(before, last));
  }
  return out;
}

/**
 * An alphabet other than Latin with fewer than `min` titles in all is one section named by its script
 * ("Cyrillic", "Greek", from Intl.DisplayNames). Its few letters alone read as Latin ones in the index:
 * a mixed list's one Russian title filed under a Cyrillic 'Н' that looked like a second H after Z.
 */
function foldSmallAlphabets<T>(sections: Folding<T>[], min: number): Folding<T>[] {
  const total = new Map<string, number>();
  for (const s of sections) if (s.alphabet && s.alphabet !== 'Latn') total.set(s.alphabet, (total.get(s.alphabet) ?? 0) + s.papers.length);
  const out: Folding<T>[] = [];
  const named = new Map<string, Folding<T>>();
  for (const section of sections) {
    const alphabet = section.alphabet;
    if (!alphabet || alphabet === 'Latn' || total.get(alphabet)! >= min) {
      out.push(section);
      continue;
    }
    const whole = named.get(alphabet);
    if (whole) whole.papers.push(...section.papers);
    else {
      const created = { key: alphabet.toLowerCase(), label: scriptNames.of(alphabet) ?? alphabet, alphabet, papers: [...section.papers], pages: [] };
      named.set(alphabet, created);
      out.push(created);
    }
  }
  return out;
}

/**
 * The section the list's index page shows: the first of a letter. Titles opening with a digit or a
 * symbol file first, and are few: the seeds' "0–9" holds 2 of 527 papers, which would greet the
 * reader of "All papers" with a two-paper page.
 */
export const indexSection = (sections: ReadonlyArray<{ key: string }>): number =>
  Math.max(0, sections.findIndex((s) => !NOT_LETTER_SECTIONS.has(s.key)));
const NOT_LETTER_SECTIONS = new Set(['0-9', 'symbols']);
