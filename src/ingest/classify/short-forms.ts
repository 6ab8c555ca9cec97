/**
 * Short forms written for a long one, put back before term extraction so that a concept is one tag
 * (issue 19: "merge spelling variants and synonyms"):
 *
 * - Abbreviated genus names of binomial nomenclature (ICZN / ICN): "Leishmania infantum", then
 *   "L. infantum" and "L. (L.) infantum"; a subgenus in parentheses ("Leishmania (Leishmania)
 *   infantum") is dropped. "L. infantum" becomes "Leishmania infantum" when the paper writes a
 *   genus with that initial, so neither "l. infantum" nor a bare epithet "infantum" is a tag.
 * - A one-word abbreviation defined in parentheses that is a clipping of its word, not its initials:
 *   "microRNA (miR)", "MicroRNA-200 (miR-200)": every "miR" of the paper is "microRNA". Initialisms
 *   of several words ("temporal knowledge graph (TKG)") are tokenize.ts's definedAcronyms.
 * - A metadata label before a colon and a number ("pmid: 22828228", "doi: 10.1000/…") is not text.
 */
import { zipf } from '../../core/english/everyday.ts';

/**
 * A capitalized word everyday English writes this often is a sentence's first word, not a genus:
 * "The" 7.5, "Results" 4.6; "Leishmania", "Culex", "Plasmodium" 0, "Salmonella" 2.2.
 */
const GENUS_MAX_ZIPF = 3;

/** A genus (capitalized, 3+ letters) and its species epithet, possibly with a subgenus between. */
const BINOMIAL = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{2,})\s+(?:\(\p{Lu}\p{Ll}*\.?\)\s+)?(\p{Ll}{3,})\b/gu;
/** "L. infantum", "L. (L.) infantum". */
const ABBREVIATED = /(?<![\p{L}\p{N}])(\p{Lu})\.\s+(?:\(\p{Lu}\.\)\s+)?(\p{Ll}{3,})\b/gu;
/**
 * "Word (abbr)" or "Word-200 (abbr-200)": a one-word abbreviation in parentheses (PARENTHESIZED,
 * found from its bracket, which is cheap) after its word (WORD_BEFORE, read in the few characters
 * before the bracket).
 */
const PARENTHESIZED = /\(([\p{L}][\p{L}\p{N}]*)((?:-\p{N}+)?)\)/gu;
const WORD_BEFORE = /(?<![\p{L}\p{N}])([\p{L}][\p{L}\p{N}]*)((?:-\p{N}+)?)\s+$/u;
/**
 * "[… article: pmid: 22828228]", "(doi: 10.…)": a label and its identifier, the label alone after
 * an opening bracket or punctuation; "Southeastern United States: 2009" is a heading, not a label.
 */
const METADATA = /(?<=(?:^|[[(;:,.])\s?)(?<!\p{L})\p{L}+:\s*\p{N}[\p{N}./-]*/gu;

/** Whether `short` is a clipping of `long`: same first letter, its letters in order, shorter. */
function clipping(short: string, long: string): boolean {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  if (s.length < 2 || s.length >= l.length || s[0] !== l[0]) return false;
  let j = 0;
  for (const c of l) if (c === s[j]) j++;
  return j === s.length;
}

/** Cheap tests that a text may hold each short form at all: most abstracts hold none. */
const MAY_ABBREVIATE = /\p{Lu}\.\s|\(\p{Lu}\p{Ll}*\.?\)\s+\p{Ll}/u;
const MAY_LABEL = /:\s*\p{N}/u;

/**
 * Title and abstract with the short forms above written out, for the term extractor only (the
 * displayed text keeps what the authors wrote). Pure. Each expression runs only on a text the cheap
 * tests above say may hold its form, and each is anchored at a word's start so that a long word is
 * not rescanned from each of its letters (properties.test.ts's 50,000-letter word: 19 s unanchored).
 * Cost measured on 2,454 papers (seeds and real dumps twice): 2.0 s CPU running every expression on
 * every text, 0.1 s with the tests.
 */
export function expandShortForms(title: string, abstract: string): { title: string; abstract: string } {
  const text = `${title}\n${abstract}`;
  const abbreviates = MAY_ABBREVIATE.test(text);
  const defines = text.includes('(');
  const labels = MAY_LABEL.test(text);
  if (!abbreviates && !defines && !labels) return { title, abstract };
  const genera = new Map<string, string>();
  if (abbreviates) {
    for (const m of text.matchAll(BINOMIAL)) {
      // A sentence's first word before a lowercase one ("The role") is English, not a genus.
      if (!genera.has(m[1]![0]!) && zipf(m[1]!.toLowerCase()) < GENUS_MAX_ZIPF) genera.set(m[1]![0]!, m[1]!);
    }
  }
  const clipped = new Map<string, string>();
  if (defines) {
    for (const m of text.matchAll(PARENTHESIZED)) {
      const short = m[1]!;
      const before = WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index));
      // Initialisms ("TKG") spell several words; a clipping keeps some lowercase letters.
      if (before && before[2] === m[2] && /\p{Ll}/u.test(short) && clipping(short, before[1]!)) clipped.set(short, before[1]!);
    }
  }
  const rewrite = (s: string): string => {
    let out = labels ? s.replace(METADATA, ' ') : s;
    // The definition goes ("microRNA (miR)-200s" → "microRNA-200s"), then every other use is written out.
    for (const short of clipped.keys()) out = out.replace(new RegExp(`\\s*\\(${short}(?:-\\p{N}+)?\\)`, 'gu'), '');
    if (abbreviates) {
      out = out.replace(BINOMIAL, (all, genus: string, epithet: string) => (all.includes('(') ? `${genus} ${epithet}` : all));
      out = out.replace(ABBREVIATED, (all, initial: string, epithet: string) => {
        const genus = genera.get(initial);
        return genus ? `${genus} ${epithet}` : all;
      });
    }
    for (const [short, long] of clipped) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${short}(?![\\p{L}])`, 'gu'), long);
    return out;
  };
  return { title: rewrite(title), abstract: rewrite(abstract) };
}
