/**
 * A subtitle for a title that misses the abstract's topic: the words an abstract repeats are the
 * ones its real title carries (keyness.ts, inTitleChance). When a reading leaves out such a word,
 * the abstract's own phrase that holds it (from any sentence) is added, with the preposition the
 * abstract put before it ("… in Colon Cancer") or after a colon ("Identifying Two Distinct
 * Resistance Mechanisms: ERBB2 Amplification").
 *
 * Constants below were swept together on four lists at once (acl-bare, MEDLINE, ACL 2023 listing,
 * the seed list's titled papers; content-word share of the real titles, `npm run eval`); a setting
 * was kept only when it helped all four.
 */
import { inTitleChance, stem, type WordWeight } from './keyness.ts';
import { capitalise, overlaps, words } from './phrases.ts';

/**
 * A reading of more words says enough. With MAX_WORDS_WITH 14 → 16 (the limit): 9 → 13
 * took acl-bare 0.398 → 0.409, MEDLINE 0.306 → 0.316, ACL 2023 0.433 → 0.446, seeds 0.409 → 0.427
 * (with TOPIC_COUNT 3); 11 and 14 measure less on three of the four.
 */
const MAX_WORDS_BEFORE = 13;
const MAX_WORDS_WITH = 16;
/**
 * A word missing from the title must recur this often for a subtitle. 2, with the gain below
 * (expected real-title words added, less SUBTITLE_WORD_COST a word): acl-bare 0.423 → 0.432,
 * MEDLINE 0.328 → 0.336, ACL 2023 0.465 → 0.470, seeds 0.444 → 0.450, against 3 and the older gain.
 */
const TOPIC_COUNT = 2;
/** A subtitle's words recur, but for at most ONCE_SAID of them (a modifier: "Partial Parameter Sharing"). */
const RECURS = 2;
/** 0 → 1: acl-bare 0.409 → 0.422, MEDLINE 0.316 → 0.325, ACL 2023 0.446 → 0.459, seeds 0.427 → 0.442; no limit measures 0.002–0.011 more, with phrases that do not belong ("…: Own Answers"). */
const ONCE_SAID = 1;
/** Per content word of a subtitle: of two phrases adding the same key words, the shorter reads better. */
const SUBTITLE_WORD_COST = 0.1;
/**
 * Per recurring word of the abstract's topic (the nouns its opening starts with, `central`) that a
 * subtitle adds: "Comparing Radiotherapy" takes "for Newly Diagnosed Glioblastoma" over ": Adjuvant
 * Temozolomide". Against none (session 13): acl-bare 0.4526 → 0.4526, MEDLINE 0.3455 → 0.3450, ACL 2023
 * 0.4683 → 0.4690, seeds 0.4639 → 0.4660; 0.1 measures within 0.0005 of 0.2, 0.4 loses 0.002 on MEDLINE.
 * All the opening's nouns instead of its first phrase: acl-bare −0.003, MEDLINE −0.004 at 0.2.
 */
const CENTRAL_BONUS = 0.2;
/** Prepositions that carry over from the abstract: "… for X", "… in X". */
const JOINED = new Set(['for', 'in', 'on', 'with', 'via', 'from']);
/**
 * Prepositions that set a measurement's condition, rate or degree ("brittle at room temperature", "at
 * span level", "above 1,600 °C", "per cell"). Content-word share (script over the real dumps, titles
 * stripped): ACL 2023 0.4686 -> 0.4691, acl-bare 0.4555 -> 0.4564, MEDLINE 0.3446 unchanged. Not kept:
 * every preposition that cannot join the title (of, by, at, …): acl-bare 0.453 -> 0.446, MEDLINE
 * 0.345 -> 0.340, ACL 2023 0.469 -> 0.465 (`npm run eval`): "of" and "by" phrases carry the subject and
 * the method; with "within", "under", "during" too: ACL 2023 0.4686 -> 0.4684 ("under the context of
 * abstractive summarization", "within our feature aggregation process" are figurative).
 */
const CIRCUMSTANCE = new Set(['at', 'above', 'below', 'per']);
/** Words that are not content words (long prepositions and pointers). */
const NOT_CONTENT = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'this', 'between', 'through', 'within', 'across', 'using', 'without', 'towards', 'toward', 'among', 'under', 'upon', 'about', 'beyond']);
/** A phrase that opens with a comparison ("more training data") or holds a count ("1.8M data points") reports a result. */
const RESULT = /^(?:more|less|fewer|higher|lower|better|worse|larger|smaller|greater|increased|decreased|elevated)\b|(?:^|\s)[\d.,]+[%KMBx×]?(?:\s|$)/i;

/**
 * A phrase that opens with a quantity, a comparison with other work or praise ("other communities",
 * "a variety of tasks", "existing toxicity classifiers", "proposed method") points back into the
 * abstract: read alone, as a subtitle, it says nothing (content-word share within 0.003 either way
 * on all four lists; 0.449 → 0.452 on acl-bare).
 */
const VAGUE = /^(?:(?:a|an|the) )?(?:existing|proposed|previous|prior|significant|average|current|recent|given|original|overall|main|additional|further|better|best|strong|simple|novel|new|own|other|different|various|several|many|multiple|numerous|certain|particular|specific|identical|similar|same|whole|entire|respective|corresponding|(?:small|large|huge|great|wide|broad)?\s?(?:number|variety|set|range|amount|lot|kind|type|series|couple|array|family|class) of)\b/i;
const contentWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 3 && !NOT_CONTENT.has(w)).map(stem);
/**
 * A phrase's content words, made once per phrase object: the caller tries each of its readings
 * against the same phrases (english.ts READINGS_SUBTITLED), and stemming them again for each reading
 * was most of this module's cost.
 */
const phraseContent = new WeakMap<object, readonly string[]>();
function contentOf(p: { text: string }): readonly string[] {
  let cw = phraseContent.get(p);
  if (!cw) phraseContent.set(p, (cw = contentWords(p.text)));
  return cw;
}

/**
 * `title` with the phrase (of `phrases`, each with the preposition before it in the abstract, ''
 * when none) that adds most of the abstract's recurring words; undefined when the title already
 * carries them or no phrase qualifies. `counts`: the abstract's stemmed word counts; `weight`: a
 * word's weight in the list (keyness.ts); `central`: stemmed words of the abstract's topic, worth
 * CENTRAL_BONUS more each.
 */
export function withSubtitle(title: string, phrases: ReadonlyArray<{ text: string; after: string; preposition?: boolean }>, counts: Map<string, number>, weight: WordWeight, central: ReadonlySet<string> = new Set()): string | undefined {
  const titleWords = words(title);
  if (titleWords > MAX_WORDS_BEFORE) return undefined;
  const have = new Set(title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 2).map(stem));
  const count = (w: string) => counts.get(w) ?? 0;
  let best: { text: string; after: string; gain: number } | undefined;
  for (const p of phrases) {
    // Cheap tests first: the caller tries each of its readings against the same phrases.
    if (titleWords + words(p.text) > MAX_WORDS_WITH) continue;
    const cw = contentOf(p);
    if (cw.length === 0 || cw.filter((w) => count(w) < RECURS).length > ONCE_SAID || !cw.some((w) => !have.has(w) && count(w) >= TOPIC_COUNT)) continue;
    // A title with a colon takes no second one: only a phrase its own preposition joins
    // (acl-bare 0.422 → 0.423, ACL 2023 0.459 → 0.465, against giving up on such titles).
    if (title.includes(':') && !joinsBy(p.after, title)) continue;
    // A phrase the abstract writes as a measurement's condition ("brittle at room temperature") names
    // no subject of the paper: after a colon it reads as a subtitle of its own (": Room Temperature").
    if (p.preposition && CIRCUMSTANCE.has(p.after)) continue;
    if (p.text.includes(':') || RESULT.test(p.text) || VAGUE.test(p.text) || overlaps(title, p.text) || overlaps(p.text, title)) continue;
    const gain = [...new Set(cw)].filter((w) => !have.has(w)).reduce((g, w) => g + inTitleChance(count(w), weight(w)) + (central.has(w) && count(w) >= TOPIC_COUNT ? CENTRAL_BONUS : 0), 0) - SUBTITLE_WORD_COST * cw.length;
    if (!best || gain > best.gain) best = { ...p, gain };
  }
  if (!best) return undefined;
  if (joinsBy(best.after, title)) return `${title} ${best.after} ${best.text}`;
  return `${title}: ${capitalise(best.text)}`;
}

/** The abstract's preposition before a phrase can join it to `title` (the title has none of its own). */
function joinsBy(preposition: string, title: string): boolean {
  return JOINED.has(preposition) && !new RegExp(String.raw`\b${preposition}\b`, 'i').test(title);
}
