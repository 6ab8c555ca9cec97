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
/** "Word (abbr)" or "Word-200 (abbr-200)": a one-word abbreviation in parentheses after its word. */
const DEFINED = /(?<![\p{L}\p{N}])([\p{L}][\p{L}\p{N}]*)((?:-\p{N}+)?)\s+\(([\p{L}][\p{L}\p{N}]*)\2\)/gu;
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

/**
 * Title and abstract with the short forms above written out, for the term extractor only (the
 * displayed text keeps what the authors wrote). Pure; cost one pass of four regular expressions,
 * each anchored at a word's start so that a long word is not rescanned from each of its letters
 * (properties.test.ts's 50,000-letter word: 19 s unanchored, linear anchored).
 */
export function expandShortForms(title: string, abstract: string): { title: string; abstract: string } {
  const text = `${title}\n${abstract}`;
  const genera = new Map<string, string>();
  for (const m of text.matchAll(BINOMIAL)) {
    // A sentence's first word before a lowercase one ("The role") is English, not a genus.
    if (!genera.has(m[1]![0]!) && zipf(m[1]!.toLowerCase()) < GENUS_MAX_ZIPF) genera.set(m[1]![0]!, m[1]!);
  }
  const clipped = new Map<string, string>();
  for (const m of text.matchAll(DEFINED)) {
    const [, long, , short] = m;
    // Initialisms ("TKG") spell several words; a clipping keeps some lowercase letters.
    if (/\p{Ll}/u.test(short!) && clipping(short!, long!)) clipped.set(short!, long!);
  }
  const rewrite = (s: string): string => {
    let out = s.replace(METADATA, ' ').replace(DEFINED, (all, long: string, suffix: string, short: string) => (clipped.has(short) ? long + suffix : all));
    out = out.replace(BINOMIAL, (all, genus: string, epithet: string) => (all.includes('(') ? `${genus} ${epithet}` : all));
    out = out.replace(ABBREVIATED, (all, initial: string, epithet: string) => {
      const genus = genera.get(initial);
      return genus ? `${genus} ${epithet}` : all;
    });
    for (const [short, long] of clipped) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${short}(?![\\p{L}])`, 'gu'), long);
    return out;
  };
  return { title: rewrite(title), abstract: rewrite(abstract) };
}
