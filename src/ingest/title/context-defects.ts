/**
 * Defects a derived title shows only against its own abstract (title/defects.ts judges a title alone).
 * Each rejects a candidate so that the next one wins (derive-title.ts); found by a new-user review of
 * a mixed list (s9), each rule general to its kind:
 * - a part cut after a verb the tagger read as a noun: the abstract goes on "… attacks exhibit a
 *   spurious correlation", so "Backdoor Poisoning Attacks Exhibit" ends on its verb (an English noun
 *   is never followed straight by an article or a possessive);
 * - a part that ends or starts inside a phrase the abstract writes as one unit: "… with Theory: Mind
 *   Inference" where the abstract writes "theory of mind" (across a colon, or a word the abstract
 *   only ever writes in one "X of/for Y");
 * - a discourse marker read as a phrase: "… for Example" (a closed class, DISCOURSE_MARKERS, or a
 *   "preposition + word" the abstract sets off by commas, as it does an aside);
 * - one word twice in a part where the abstract does not say it so: "the Hallucination in
 *   Hallucinations" (real titles repeat words as a figure, "Diffusion over Diffusion", which the
 *   abstract then says too; 17% of the 700 real titles repeat a stem somewhere, so only a joined
 *   repetition counts);
 * - a weak part: one whose every content word most abstracts of the list use ("…: Language Model"),
 *   which names nothing this paper is about.
 */
import { DISCOURSE_MARKERS, PREPOSITIONS } from '../../core/english/function-words.ts';
import { COMMON_WORD_WEIGHT, stem, type WordWeight } from './keyness.ts';

export type ContextDefect = 'cut-phrase' | 'split-unit' | 'discourse-marker' | 'repeated-word' | 'weak-part';

/** Words a verb's object can open with, never a noun's next word. */
const OBJECT_OPENERS = '(?:a|an|the|its|their|his|her|these|those)';

/** Words apart within which a repeat is a joining fault ("Hallucination in Hallucinations": 2). */
const REPEAT_REACH = 3;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const wordsOf = (part: string) => part.split(/\s+/).map(bare).filter(Boolean);

/**
 * Every rule of this module `title` breaks against `abstract`; empty when none. `weight` is the
 * list's word weight (keyness.ts); a list too short for one (weight 1 everywhere) has no weak parts.
 */
export function contextDefects(title: string, abstract: string, weight: WordWeight = () => 1): ContextDefect[] {
  const text = normal(abstract);
  const parts = title.split(/:\s+/).map(wordsOf).filter((p) => p.length > 0);
  const out: ContextDefect[] = [];
  const OFF = (process.env.S9_OFF ?? '').split(',');
  if (OFF.includes('all')) return out;
  if (!OFF.includes('verb') && parts.some((p) => endsOnVerb(p, text))) out.push('cut-phrase');
  if (!OFF.includes('unit') && splitsUnit(parts, text)) out.push('split-unit');
  if (!OFF.includes('disc') && parts.some((p) => hasDiscourseMarker(p, text))) out.push('discourse-marker');
  if (!OFF.includes('rep') && parts.some((p) => repeatsWord(p, text))) out.push('repeated-word');
  if (!OFF.includes('weak') && parts.length > 1 && parts.some((p) => weakPart(p, weight))) out.push('weak-part');
  return out;
}

/**
 * `title` with a colon mended where the abstract writes the two parts as one phrase: a verb and its
 * object ("Squared Norm of Static Word Embedding Encodes: Information Gain" → "… Encodes Information
 * Gain", the abstract saying "… encodes the information gain") or a phrase joined by a preposition
 * ("… Text Game with Theory: Mind Inference Tasks" → "… with Theory of Mind Inference Tasks").
 * Rejecting these instead cost the best title of two acl-bare papers (content-word share 1.00 → 0.17,
 * 0.50 → 0.38). Other titles come back unchanged.
 */
export function mendColon(title: string, abstract: string): string {
  const at = title.indexOf(': ');
  if (at < 0) return title;
  const [head, tail] = [wordsOf(title.slice(0, at)), wordsOf(title.slice(at + 2))];
  if (tail.length === 0) return title;
  const text = normal(abstract);
  const joined = new RegExp(`\\b${escape(head.slice(-2).join(' '))} (\\w+ )?${escape(tail[0]!)}\\b`).exec(text);
  const between = joined?.[1]?.trim();
  if (!joined) return title;
  if (between && PREPOSITIONS.has(between)) return `${title.slice(0, at)} ${between} ${title.slice(at + 2)}`;
  if (head.length >= 2 && endsOnVerb(head, text)) return `${title.slice(0, at)} ${title.slice(at + 2)}`;
  return title;
}

/** The part's last two words are, wherever the abstract writes them, followed by an object. */
function endsOnVerb(part: string[], text: string): boolean {
  if (part.length < 2) return false;
  const tail = escape(part.slice(-2).join(' '));
  const all = text.match(new RegExp(`\\b${tail}\\b`, 'g'))?.length ?? 0;
  const beforeObject = text.match(new RegExp(`\\b${tail} ${OBJECT_OPENERS}\\b`, 'g'))?.length ?? 0;
  return all > 0 && beforeObject === all;
}

/**
 * A part ending on a word the abstract writes (twice or more) only in one "X of/for Y" ("… with
 * Theory" / "theory of mind"), or starting on one it writes only so ("Mind Inference Tasks"). Any
 * colon between words the abstract joins by a preposition also fired, on good titles ("… Natural
 * Language Feedback: Interactive Semantic Parser"): ACL 2023 listing 0.469 → 0.466.
 */
function splitsUnit(parts: string[][], text: string): boolean {
  return parts.some((p, i) => onlyInUnit(p.at(-1)!, text, 'after') || (i > 0 && onlyInUnit(p[0]!, text, 'before')));
}

/** `word` is said twice or more, each time as the head ('after') or tail ('before') of the same "X of/for Y". */
function onlyInUnit(word: string, text: string, side: 'after' | 'before'): boolean {
  const w = escape(word);
  const all = text.match(new RegExp(`\\b${w}\\b`, 'g'))?.length ?? 0;
  if (all < 2) return false;
  const unit = side === 'after' ? new RegExp(`\\b${w} (?:of|for) \\w+`, 'g') : new RegExp(`\\w+ (?:of|for) ${w}\\b`, 'g');
  const found = text.match(unit) ?? [];
  return found.length === all && new Set(found).size === 1;
}

/** A listed marker, or "preposition + word" that the abstract writes only set off by punctuation. */
function hasDiscourseMarker(part: string[], text: string): boolean {
  for (let i = 0; i + 1 < part.length; i++) {
    const pair = `${part[i]} ${part[i + 1]}`;
    if (DISCOURSE_MARKERS.has(pair)) return true;
    if (!PREPOSITIONS.has(part[i]!)) continue;
    const uses = [...text.matchAll(new RegExp(`(^|[^\\s]?)\\s*\\b${escape(pair)}\\b(.?)`, 'g'))];
    if (uses.length > 0 && uses.every((m) => /^(?:|[,;.(])$/.test(m[1]!) && m[2] === ',')) return true;
  }
  return false;
}

/**
 * Two words of one stem close together in a part (REPEAT_REACH), where the stretch between is not the
 * abstract's own wording. Hyphen parts and distant repeats are left: "N-Acetyltransferase 10 Is an
 * RNA Acetyltransferase" is a real title's form, and rejecting them cost acl-bare 0.451 → 0.443 in
 * content-word share (the repeated word is the abstract's key word).
 */
function repeatsWord(part: string[], text: string): boolean {
  const stems = part.map((w) => (w.length > 3 ? stem(w) : ''));
  for (let a = 0; a < stems.length; a++) {
    for (let b = a + 1; b <= Math.min(stems.length - 1, a + REPEAT_REACH); b++) {
      if (stems[a] && stems[a] === stems[b] && !text.includes(part.slice(a, b + 1).join(' '))) return true;
    }
  }
  return false;
}

/** Every content word of the part is one most abstracts of the list use. */
function weakPart(part: string[], weight: WordWeight): boolean {
  const content = part.filter((w) => w.length > 2 && !PREPOSITIONS.has(w) && w !== 'the' && w !== 'and');
  return content.length > 0 && content.every((w) => weight(stem(w)) < COMMON_WORD_WEIGHT);
}
