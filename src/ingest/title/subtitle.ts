/**
 * A subtitle for a title that misses the abstract's topic: the words an abstract repeats are the
 * ones its real title carries (on acl-bare and MEDLINE alike, a content word used once in the
 * abstract is in the real title 4–5 % of the time, one used 4 times 28–43 %, 6 or more times
 * 52–71 %). When the best reading leaves out such a word, the abstract's own phrase that holds it
 * is added, with the preposition the abstract put before it ("… in Colon Cancer") or after a colon
 * ("Identifying Two Distinct Resistance Mechanisms: ERBB2 Amplification").
 */
import { stem, type WordWeight } from './keyness.ts';
import { capitalise, overlaps, words } from './phrases.ts';

/** A reading of more words says enough; 9 and 10 measure the same, 7 adds less. */
const MAX_WORDS_BEFORE = 9;
/** The title with its subtitle stays within this many words (the median real title has 9–14). */
const MAX_WORDS_WITH = 14;
/**
 * A word missing from the title must recur this often for a subtitle: 4 (P(in title) ≥ 0.28 on
 * both lists). 3 adds more words (acl-bare 0.405 instead of 0.393) but mostly phrases that do not
 * belong; 5 measures 0.390.
 */
const TOPIC_COUNT = 4;
/** Every word of a subtitle recurs: a phrase said once is a detail, not what the paper is about. */
const RECURS = 2;
/** Prepositions that carry over from the abstract: "… for X", "… in X". */
const JOINED = new Set(['for', 'in', 'on', 'with', 'via', 'from']);
/** Words that are not content words (long prepositions and pointers). */
const NOT_CONTENT = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'this', 'between', 'through', 'within', 'across', 'using', 'without', 'towards', 'toward', 'among', 'under', 'upon', 'about', 'beyond']);
/** A phrase that opens with a comparison ("more training data") or holds a count ("1.8M data points") reports a result. */
const RESULT = /^(?:more|less|fewer|higher|lower|better|worse|larger|smaller)\b|(?:^|\s)[\d.,]+[%KMB]?(?:\s|$)/i;

const contentWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 3 && !NOT_CONTENT.has(w)).map(stem);

/**
 * `title` with the phrase (of `phrases`, each with the preposition before it in the abstract, ''
 * when none) that adds most of the abstract's recurring words; undefined when the title already
 * carries them or no phrase qualifies. `counts`: the abstract's stemmed word counts; `weight`: a
 * word's weight in the list (keyness.ts).
 */
export function withSubtitle(title: string, phrases: ReadonlyArray<{ text: string; after: string }>, counts: Map<string, number>, weight: WordWeight): string | undefined {
  if (words(title) > MAX_WORDS_BEFORE) return undefined;
  const have = new Set(title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 2).map(stem));
  const count = (w: string) => counts.get(w) ?? 0;
  let best: { text: string; after: string; gain: number } | undefined;
  for (const p of phrases) {
    const cw = contentWords(p.text);
    if (cw.length === 0 || cw.some((w) => count(w) < RECURS) || !cw.some((w) => !have.has(w) && count(w) >= TOPIC_COUNT)) continue;
    if (p.text.includes(':') || RESULT.test(p.text) || overlaps(title, p.text) || overlaps(p.text, title) || words(title) + words(p.text) > MAX_WORDS_WITH) continue;
    // Expected real-title words the phrase adds: the share of real titles a word with this count is in, roughly.
    const gain = [...new Set(cw)].filter((w) => !have.has(w)).reduce((g, w) => g + weight(w) * Math.min(1, (count(w) - 1) / 5), 0);
    if (!best || gain > best.gain) best = { ...p, gain };
  }
  if (!best) return undefined;
  const ownPreposition = JOINED.has(best.after) && !new RegExp(String.raw`\b${best.after}\b`, 'i').test(title);
  if (ownPreposition) return `${title} ${best.after} ${best.text}`;
  return title.includes(':') ? undefined : `${title}: ${capitalise(best.text)}`;
}
