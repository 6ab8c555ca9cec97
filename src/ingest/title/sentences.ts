/** Sentences of an abstract, with the section labels of structured abstracts taken off. */

/** "OBJECTIVE:", "MATERIALS AND METHODS:", "Background:" at the start of a section (MEDLINE, PubMed). */
const SECTION_LABEL = /(?:^|(?<=[.!?]\s))((?:[A-Z][A-Z/&]+(?: (?:AND|OF|&) )?){1,4}|Background|Objectives?|Purpose|Aims?|Methods?|Results?|Conclusions?):\s+/g;
/** Sections that state what the study set out to do. */
const AIM_LABEL = /^(?:OBJECTIVES?|PURPOSE|AIMS?|GOALS?|AIMS? AND OBJECTIVES?)$/i;

export interface Sentence {
  text: string;
  /** The sentence opens a section that states the aim (OBJECTIVE:, PURPOSE:, AIM:). */
  aim: boolean;
  /** Position in the abstract, from 0. */
  index: number;
}

/** A sentence break: end punctuation, space, then a capital, a digit or an opening quote or bracket. */
const BREAK = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u;
/** The same, but never after a number of one or two digits and its period, an ordinal where `ordinals` (see splitSentences). */
const BREAK_NOT_ORDINAL = /(?<=[!?]|(?<!(?:^|[^\p{N}])\p{N}{1,2})\.)\s+(?=[\p{Lu}\p{N}"“(])/u;

/**
 * Sentences in order, labels removed; a label's section marks its first sentence. `ordinals`: the text's
 * language writes ordinal numbers with a period ("des 19. Jahrhunderts", "den 3. maj": German, the
 * Scandinavian, West and South Slavic languages, Finnish, Hungarian, Turkish; see ORDINAL_PERIOD in
 * other-language.ts), so a period after one or two digits ends no sentence. A year's does ("2019.").
 */
export function splitSentences(abstract: string, ordinals = false): Sentence[] {
  const out: Sentence[] = [];
  const parts = abstract.split(SECTION_LABEL);
  // split() with one capture group alternates text, label, text, label, …
  for (let i = 0; i < parts.length; i += 2) {
    const label = i > 0 ? parts[i - 1]! : '';
    const sentences = parts[i]!
      .split(ordinals ? BREAK_NOT_ORDINAL : BREAK)
      .map((s) => s.trim())
      .filter(Boolean);
    sentences.forEach((text, j) => out.push({ text, aim: j === 0 && AIM_LABEL.test(label), index: out.length }));
  }
  return out;
}
