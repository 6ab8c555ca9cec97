/**
 * Citations of a paper, made at build time with citation-js (no network, no browser code): a CSL
 * item from the entry's metadata, then BibTeX and a formatted reference (APA) from it. Papers
 * without authors or year still get a citation of what is known (title, venue, link).
 */
import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import { formatBibtex, formatReference, formatReferences } from '../../core/citation-js.ts';
import { titleSegments } from '../../core/title-math.ts';
import { cslItem, cslName, type CitablePaper } from './csl-item.ts';


/**
 * BibTeX entries kept between builds for `dist/papers.bib`, by a hash of what makes an entry (the paper's
 * citable fields and its key): `last` as the previous build stored them, `next` filled with this list's, to
 * store. Formatting every entry of the list was ~0.7 of the ~0.9 s of the data files at 10k papers (profile
 * of an add-one rebuild), on the build's thread while Astro renders; a rebuild formats the new ones only.
 */
export interface BibtexEntries {
  last: ReadonlyMap<string, string>;
  next: Map<string, string>;
}

/**
 * BibTeX of one paper or of a list (`dist/papers.bib`), LaTeX-escaped so any BibTeX reads it, but
 * for letters no LaTeX escape writes (Cyrillic, Arabic, Chinese …), kept as UTF-8 (`keepUnescapable`). Keys
 * are author-year-word (`Lovelace1843Sketch`), as Zotero and Google Scholar make them; within a list
 * a key already taken gets the paper id's first digits, so every key is unique. Each entry is formatted on
 * its own (an entry never depends on the others but for its key), or taken from `entries`.
 */
export function bibtex(papers: readonly CitablePaper[], entries?: BibtexEntries): string {
  const taken = new Set<string>();
  const out = papers.map((paper) => {
    const made = entries ? createHash('sha1').update(JSON.stringify([paper.id, paper.title, paper.derivedTitle ?? false, paper.authors, paper.year, paper.venue, paper.ids, paper.links])).digest('base64') : '';
    // The paper's own key is kept too (a transliteration per paper, ~0.1 s at 10k); `#` begins no citation key.
    const base = entries?.last.get(`#${made}`) ?? citationKey(paper);
    entries?.next.set(`#${made}`, base);
    const key = taken.has(base) ? `${base}_${paper.id.slice(0, 6)}` : base;
    taken.add(key);
    const entry = entries?.last.get(`${key} ${made}`) ?? bibtexEntry(paper, key);
    entries?.next.set(`${key} ${made}`, entry);
    return entry;
  });
  return `${out.join('\n')}\n`;
}

/** The BibTeX entry of `paper` under `key`, without the line break after it. */
function bibtexEntry(paper: CitablePaper, key: string): string {
  const kept: string[] = [];
  // citation-js escapes every `$` and `\` of a title (`\textdollar{}\textbackslash{}frac`); a title's
  // math is TeX already, which BibTeX keeps as it is between dollars, so it passes the escaping as
  // an ASCII placeholder and is put back afterwards.
  const title = titleSegments(paper.title)
    .map((s) => (s.kind === 'text' ? keepUnescapable(protectCase(s.value), kept) : keep(s.display ? `$$${s.tex}$$` : `$${s.tex}$`, kept)))
    .join('');
  const item = cslItem(paper);
  const author = item.author?.map((name) => Object.fromEntries(Object.entries(name).map(([k, v]) => [k, typeof v === 'string' ? keepUnescapable(v, kept) : v])));
  const venue = item['container-title'];
  const text = formatBibtex([
    {
      ...item,
      title,
      ...(author ? { author } : {}),
      ...(typeof venue === 'string' ? { 'container-title': keepUnescapable(venue, kept) } : {}),
      'citation-key': key,
    },
  ])
    .replace(/^(\ttitle = \{)(.*)(\},?)$/gm, (_, open: string, value: string, close: string) => open + value.replace(/\{\{([^{}\\]*)\}\}/g, '{$1}') + close)
    .replace(new RegExp(`${PLACEHOLDER}(\\d+)Z`, 'g'), (_, i: string) => kept[Number(i)]!);
  return text.trim();
}

/**
 * Title text with every ASCII word that has a capital after its first character (`DIONYSUS`,
 * `LLaMA`, `mRNA`, `3D`) marked CSL `nocase`, which citation-js writes as a braced group, so a
 * sentence-casing BibTeX style (`change.case$ "t"`: lower case except the first letter and the one
 * after a colon) prints it as written. citation-js braces such words itself, but not the first word
 * of the title or of a part after a colon, nor one that starts with a digit: `DIONYSUS: …` printed as
 * `Dionysus: …`, `3D` as `3d`. A word it braces as well comes out `{{…}}`, collapsed afterwards in
 * the title only (an organisation author's `{{…}}` is the field's braces around a literal name).
 */
function protectCase(text: string): string {
  return text.replace(/(?<![A-Za-z0-9])[A-Za-z0-9]+(?![A-Za-z0-9])/g, (word) =>
    /[A-Z]/.test(word.slice(1)) ? `<span class="nocase">${word}</span>` : word);
}

/** Letters no title holds and BibTeX's escaping leaves alone; `Z` ends the number. */
const PLACEHOLDER = 'PAPERSHELFKEPTQ';
const keep = (text: string, kept: string[]): string => `${PLACEHOLDER}${kept.push(text) - 1}Z`;

/**
 * A run of letters in a script that LaTeX escapes cannot write (Cyrillic, Arabic, Hebrew, Han, kana,
 * Hangul, Thai, Devanagari …: all but Latin and Greek, which citation-js writes as `{\"u}`, `$\alpha$`),
 * or of emoji, with the spaces, hyphens and CJK punctuation between its words. citation-js's ASCII
 * output drops such characters: a Russian, Arabic or Chinese title came out `title = {     }`.
 */
const OTHER_SCRIPT = '\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Common}\\p{Script=Inherited}';
const START = `(?:[^${OTHER_SCRIPT}]|\\p{Extended_Pictographic})`;
// Marks, and the variation selector and zero-width joiner of emoji sequences, continue a word.
const WORD = `${START}(?:${START}|\\p{M}|\\u200d)*`;
const CJK_PUNCTUATION = '\\u3000-\\u303f\\uff00-\\uffef';
const UNESCAPABLE_RUN = new RegExp(`${WORD}(?:[\\s\\-${CJK_PUNCTUATION}]+${WORD})*[${CJK_PUNCTUATION}]*`, 'gu');

/** `text` with every run of unescapable letters kept as it is: UTF-8, which BibTeX passes through and biber and UTF-8 LaTeX read. */
function keepUnescapable(text: string, kept: string[]): string {
  return text.replace(UNESCAPABLE_RUN, (run) => keep(run.normalize('NFC'), kept));
}

/** Scripts written without spaces between words, where a run between spaces is a whole phrase or clause. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * A title's words: split at spaces (the keys of titles in spaced scripts stay as they were), and a run in an
 * unspaced script by Intl.Segmenter's dictionary (UAX #29 with ICU's CJK and Thai dictionaries), so a Chinese
 * title gives `神经` (ShenJing), not the whole title transliterated into one key.
 */
function titleWords(title: string): string[] {
  return title.split(/\s+/).flatMap((w) => (UNSPACED.test(w) ? [...wordSegmenter.segment(w)].filter((s) => s.isWordLike).map((s) => s.segment) : [w]));
}

/** Family name of the first author, year and first long title word, ASCII letters and digits only. */
export function citationKey(paper: CitablePaper): string {
  const ascii = (text: string) => transliterate(text).replace(/[^A-Za-z0-9]/g, '');
  const first = paper.authors?.[0];
  const family = first ? ascii(cslName(first).family ?? cslName(first).literal ?? '') : '';
  const words = titleWords(paper.title);
  const word = ascii(words.find((w) => ascii(w).length > 3) ?? words[0] ?? '');
  const key = `${family}${paper.year ?? ''}${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  return /^[A-Za-z]/.test(key) ? key : `paper${paper.id}`;
}

/** The formatted reference (CSL `style`, APA by default) as HTML: citeproc-js escapes the data. */
export function referenceHtml(paper: CitablePaper, style = 'apa'): string {
  return entryContent(formatReference(cslItem(paper), 'html', style));
}

/** `referenceHtml` of each paper, formatted in one run (citation-js.ts `formatReferences`: a third less CPU). */
export function referencesHtml(papers: readonly CitablePaper[], style = 'apa'): string[] {
  return formatReferences(papers.map(cslItem), 'html', style).map(entryContent);
}

const entryContent = (html: string): string => /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1]?.trim() ?? '';
