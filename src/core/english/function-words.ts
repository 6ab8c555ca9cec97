/**
 * English function words: the closed classes, and the word lists each consumer builds from them.
 * Lists differ where their jobs differ; each says what it is for, so a change to one is a change
 * to that job only. Lowercase throughout. The query stop words of search are in query-stop-words.ts, as
 * the browser's bundle loads them and should not carry these lists.
 */

/** Closed classes of English, listed because a tagger is not needed to know them. */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
export const PREPOSITIONS: ReadonlySet<string> = new Set(
  'about above across after against along amid among around as at before behind below beneath beside besides between beyond by despite down during except for from in inside into like near of off on onto out outside over per since than through throughout to toward towards under underneath unlike until up upon via versus vs with within without'.split(' '),
);
export const CONJUNCTIONS: ReadonlySet<string> = new Set(
  'and or but nor so yet because although though while whereas whether if unless that which who whom whose where when since once'.split(' '),
);
export const PRONOUNS: ReadonlySet<string> = new Set('i me my we us our ours you your he him his she her it its they them their theirs this these those'.split(' '));
/**
 * Discourse markers of the form preposition + word: they link sentences and name nothing ("for
 * example, …"), so a title holding one has read an aside as a phrase. A closed class (after the
 * prepositional-phrase connectives of Halliday & Hasan, Cohesion in English, 1976, ch. 5).
 */
export const DISCOURSE_MARKERS: ReadonlySet<string> = new Set([
  'for example', 'for instance', 'in particular', 'in addition', 'in contrast', 'by contrast', 'in fact', 'in general',
  'in practice', 'in turn', 'in short', 'in sum', 'in summary', 'in conclusion', 'of course', 'at least', 'at most',
  'at first', 'at last', 'in effect', 'in essence', 'on average', 'in total', 'as well', 'as such', 'by far', 'in brief',
]);

/**
 * Minor words of headline-style title case (Chicago Manual of Style: articles, prepositions,
 * coordinating conjunctions, and `as`), lowercased inside a title by `titleCase`.
 */
export const TITLE_CASE_MINOR: ReadonlySet<string> = new Set([...ARTICLES, ...PREPOSITIONS, 'and', 'or', 'nor', 'but', 'as', 'vs']);

/**
 * Minor words of topic names made from lowercase tags (`titleCaseTag`): only the words that link
 * the nouns of a tag ("mixture of experts", "learning to rank"). Narrower than `TITLE_CASE_MINOR`,
 * so topic names read "Learning Without Labels"; joining the two lists would rename topics.
 */
export const TAG_NAME_MINOR: ReadonlySet<string> = new Set(['of', 'and', 'for', 'in', 'on', 'the', 'to', 'with', 'a', 'an', 'via', 'by']);

/**
 * Small words whose case in a title depends on the style (Chicago lowercases them, APA capitalises
 * those of four letters or more, `is` is written both ways): not counted when measuring how much
 * of a line is capitalised (src/ingest/title-line.ts). Short, as that runs on every line of every dump.
 */
export const HEADLINE_LOWERCASE: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'vs', 'with', 'without',
]);

/**
 * Words that never start or end a term and are never a tag on their own (src/ingest/classify):
 * every function word (the quantifying determinatives "several", "various" with "many", "few": the
 * tagger reads them as adjectives, and "several benchmarks" was the tag and topic name of a one-paper
 * list), plus words of scholarly prose that only link ("however", "using", "beyond")
 * and the pieces of "e.g.", "i.e.", "et al.".
 */
export const TERM_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but if then than so as of in on at to for from by with without within into onto upon ' +
    'about above below over under between among through during before after across along around against toward towards ' +
    'is are was were be been being am do does did done doing has have had having can could may might must shall should ' +
    'will would this that these those it its itself they them their theirs we us our ours you your he she his her ' +
    'which who whom whose what when where why how whether while both either neither each every all any some such ' +
    'no not only own same other another more most less least much many few several various very too also just even still yet thus ' +
    'hence therefore however moreover furthermore although though because since unless until whereas i me my here there ' +
    'via e g i e etc vs et al using beyond'
  ).split(/\s+/),
);

/** Of `TERM_STOPWORDS`, those that may sit inside a term but not at its ends ("mixture of experts", "learning to rank"). */
export const TERM_INNER_WORDS: ReadonlySet<string> = new Set(['of', 'to']);
