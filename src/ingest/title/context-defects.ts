/**
 * Defects a derived title shows only against its own abstract (title/defects.ts judges a title alone).
 * Each rejects a candidate so that the next one wins (derive-title.ts); where the abstract shows how
 * to mend one, mendColon does so first. Found by a new-user review of a mixed list (session 9), each
 * rule general to its kind; on acl-bare 7 of 150 derived titles broke one, on the review's list 6 of
 * 60 (none after):
 * - a part cut after a verb the tagger read as a noun: the abstract goes on "… attacks exhibit a
 *   spurious correlation", so "Backdoor Poisoning Attacks Exhibit" ends on its verb (an English noun
 *   is never followed straight by an article or a possessive);
 * - a part that ends or starts inside a phrase the abstract writes as one unit: "… with Theory: Mind
 *   Inference" where the abstract writes "theory of mind" (a word the abstract only ever writes in
 *   one "X of/for Y"; a colon across such a phrase is mended instead);
 * - a discourse marker read as a phrase: "… for Example" (a closed class, DISCOURSE_MARKERS, or a
 *   "preposition + word" the abstract sets off by commas, as it does an aside);
 * - one word twice in a part where the abstract does not say it so: "the Hallucination in
 *   Hallucinations" (real titles repeat words as a figure, "Diffusion over Diffusion", which the
 *   abstract then says too; 17% of the 700 real titles repeat a stem somewhere, so only a joined
 *   repetition counts);
 * - a weak part: one whose every content word most abstracts of the list use ("…: Language Model"),
 *   which names nothing this paper is about;
 * - a part cut where its phrase goes on into math ("… via a Novel" of "via a novel $\ell_1$ surrogate"):
 *   the title reader ends its phrases at math, restored math too (stripped-tex.ts).
 * Tried and dropped: a part whose last words the abstract always follows with "and"/"or" (a cut
 * coordination, "… for the Hallucination" of "the hallucination and omission phenomena"): MEDLINE
 * content-word share 0.346 → 0.337, ACL 2023 0.469 → 0.461. A colon between any two words the
 * abstract joins by a preposition (not only a fixed "X of Y"): ACL 2023 0.469 → 0.466.
 */
import { ARTICLES, CONJUNCTIONS, DISCOURSE_MARKERS, PREPOSITIONS } from '../../core/english/function-words.ts';
import { COMMON_WORD_WEIGHT, stem, type WordWeight } from './keyness.ts';

/** Words that end a phrase rather than continue it. */
const FUNCTION_WORDS = new Set([...ARTICLES, ...CONJUNCTIONS, ...PREPOSITIONS]);

export type ContextDefect = 'cut-phrase' | 'split-unit' | 'discourse-marker' | 'repeated-word' | 'weak-part';

/** Words a verb's object can open with, never a noun's next word. */
const OBJECT_OPENERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'these', 'those']);
/** Tokens that set an aside off: "…, for example, …", "For example, …". */
const SET_OFF = new Set([',', ';', '.', '(', '']);

/** Words apart within which a repeat is a joining fault ("Hallucination in Hallucinations": 2). */
const REPEAT_REACH = 3;

const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const wordsOf = (part: string) => part.split(/\s+/).map(bare).filter(Boolean);

/** An abstract's lower-case tokens (words, and punctuation marks apart) and where each word occurs. */
interface Index {
  tokens: string[];
  at: Map<string, number[]>;
}
/**
 * The last abstract indexed: a candidate list is checked against one abstract at a time. Indexing
 * once instead of a regular expression per rule and candidate: 3.3 → 2.15 ms CPU an abstract (the
 * deriver alone on the 700 real abstracts; main 2.07).
 */
let last: { abstract: string; index: Index } | undefined;
function indexOf(abstract: string): Index {
  if (last?.abstract === abstract) return last.index;
  const tokens = abstract.toLowerCase().match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]/gu) ?? [];
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => (at.get(t) ?? at.set(t, []).get(t)!).push(i));
  last = { abstract, index: { tokens, at } };
  return last.index;
}
/** Where the abstract writes `words` in a row (index of the first). */
function occurrences(ix: Index, words: readonly string[]): number[] {
  return (ix.at.get(words[0]!) ?? []).filter((i) => words.every((w, k) => ix.tokens[i + k] === w));
}

/**
 * Every rule of this module `title` breaks against `abstract`; empty when none. `weight` is the
 * list's word weight (keyness.ts); a list too short for one (weight 1 everywhere) has no weak parts.
 */
export function contextDefects(title: string, abstract: string, weight: WordWeight = () => 1): ContextDefect[] {
  const ix = indexOf(abstract);
  const parts = title.split(/:\s+/).map(wordsOf).filter((p) => p.length > 0);
  const out: ContextDefect[] = [];
  if (parts.some((p) => endsOnVerb(p, ix) || endsOnModifier(p, ix) || cutBeforeMath(p, ix))) out.push('cut-phrase');
  if (splitsUnit(parts, ix)) out.push('split-unit');
  if (parts.some((p) => hasDiscourseMarker(p, ix))) out.push('discourse-marker');
  if (parts.some((p) => repeatsWord(p, ix))) out.push('repeated-word');
  if (parts.length > 1 && parts.some((p) => weakPart(p, weight))) out.push('weak-part');
  return out;
}

/**
 * `title` mended where a colon cuts what the abstract writes as one phrase: a verb and its object
 * ("Squared Norm of Static Word Embedding Encodes: Information Gain" → "… Encodes Information Gain",
 * the abstract saying "… encodes the information gain"), or a phrase joined by a preposition ("…
 * Text Game with Theory: Mind Inference Tasks" → "… with Theory of Mind Inference Tasks"); a part
 * still ending on its verb loses it ("Backdoor Poisoning Attacks Exhibit: Defence Method" →
 * "Backdoor Poisoning Attacks: Defence Method"). Rejecting these titles instead cost the best
 * title of three acl-bare papers (content-word share 1.00 → 0.17, 0.50 → 0.38, 0.43 → 0.29). A part
 * of only list-common words (weakPart) is dropped: "…: Language Model". `weight`: as contextDefects.
 */
export function mendColon(title: string, abstract: string, weight: WordWeight = () => 1): string {
  if (!title.includes(': ')) return title;
  // A weak part is dropped rather than the title rejected: seeds' content-word share 0.4616 → 0.4625, others unchanged.
  const strong = title.split(': ').filter((p) => !weakPart(wordsOf(p), weight));
  if (strong.length > 0 && strong.length < title.split(': ').length) title = strong.join(': ');
  const ix = indexOf(abstract);
  const parts = title.split(': ');
  const out = [parts[0]!];
  for (let k = 1; k <= parts.length; k++) {
    const prev = out.at(-1)!;
    const head = wordsOf(prev);
    const next = parts[k];
    const link = next === undefined ? undefined : joining(head, wordsOf(next), ix);
    if (link !== undefined) {
      out[out.length - 1] = `${prev} ${link}${next}`;
      continue;
    }
    // Not when that leaves the part on a function word ("A Framework for: …" of "A Framework for Computing: …", the
    // abstract computing something the title reader cut off): the cut phrase stays, for contextDefects to reject.
    if (head.length > 2 && endsOnVerb(head, ix) && !FUNCTION_WORDS.has(head.at(-2)!)) out[out.length - 1] = prev.slice(0, prev.trimEnd().lastIndexOf(' '));
    if (next !== undefined) out.push(next);
  }
  return out.join(': ');
}

/** What joins `head` to `tail` where the abstract writes them as one phrase ('' or "of "), else undefined. */
function joining(head: string[], tail: string[], ix: Index): string | undefined {
  if (head.length === 0 || tail.length === 0) return undefined;
  const end = head.slice(-2);
  const verb = head.length >= 2 && endsOnVerb(head, ix);
  for (const i of occurrences(ix, end)) {
    const [next, after] = [ix.tokens[i + end.length] ?? '', ix.tokens[i + end.length + 1]];
    if (verb && (next === tail[0] || (after === tail[0] && OBJECT_OPENERS.has(next)))) return '';
    if (after === tail[0] && PREPOSITIONS.has(next)) return `${next} `;
  }
  return undefined;
}

/** The part's last two words are, wherever the abstract writes them, followed by an object. */
function endsOnVerb(part: string[], ix: Index): boolean {
  if (part.length < 2) return false;
  const found = occurrences(ix, part.slice(-2));
  return found.length > 0 && found.every((i) => OBJECT_OPENERS.has(ix.tokens[i + 2] ?? ''));
}

/**
 * The part ends on an article and a participle that the abstract, wherever it writes them, follows
 * with the rest of their phrase: "Localisation of the Repeating" where the abstract says "the
 * repeating fast radio burst source" (the tagger had read "repeating" as the phrase's noun).
 */
function endsOnModifier(part: string[], ix: Index): boolean {
  if (part.length < 2 || !ARTICLES.has(part.at(-2)!) || !/(?:ing|ed)$/.test(part.at(-1)!)) return false;
  const found = occurrences(ix, part.slice(-2));
  return found.length > 0 && found.every((i) => /^[\p{L}\p{N}]/u.test(ix.tokens[i + 2] ?? '') && !FUNCTION_WORDS.has(ix.tokens[i + 2]!));
}

/**
 * A part that leaves out the math its words lead to: every time the abstract writes three of its words in a
 * row (or its first one or two), math follows, straight or after an article ("via a Novel" of "via a novel
 * $\ell_1/\ell_2$ latency surrogate", "for Computing in …" of "for computing the $\ell_\infty$ local
 * Lipschitz constant"). The tagger reads math as punctuation, so phrases end at it; such a title names the
 * start of a phrase whose head is gone.
 */
function cutBeforeMath(part: string[], ix: Index): boolean {
  if (!ix.at.has('$')) return false;
  return part.some((_, k) => {
    const words = part.slice(Math.max(0, k - 2), k + 1);
    const after = (i: number, n: number) => ix.tokens[i + words.length - 1 + n];
    const found = occurrences(ix, words);
    return found.length > 0 && found.every((i) => after(i, 1) === '$' || (ARTICLES.has(after(i, 1) ?? '') && after(i, 2) === '$'));
  });
}

/**
 * A part ending on a word the abstract writes (twice or more) only in one "X of/for Y" ("… with
 * Theory" / "theory of mind"), or starting on one it writes only so ("Mind Inference Tasks"). Any
 * colon between words the abstract joins by a preposition also fired, on good titles ("… Natural
 * Language Feedback: Interactive Semantic Parser"): ACL 2023 listing 0.469 → 0.466.
 */
function splitsUnit(parts: string[][], ix: Index): boolean {
  return parts.some((p, i) => onlyInUnit(p.at(-1)!, ix, 1) || (i > 0 && onlyInUnit(p[0]!, ix, -1)));
}

/** `word` is said twice or more, each time as the head (side 1) or tail (side −1) of the same "X of/for Y". */
function onlyInUnit(word: string, ix: Index, side: 1 | -1): boolean {
  const all = ix.at.get(word) ?? [];
  if (all.length < 2) return false;
  const units = new Set<string>();
  for (const i of all) {
    const [link, other] = [ix.tokens[i + side], ix.tokens[i + 2 * side]];
    if ((link !== 'of' && link !== 'for') || !other || !/^[\p{L}\p{N}]/u.test(other)) return false;
    units.add(`${link} ${other}`);
  }
  return units.size === 1;
}

/** A listed marker, or "preposition + word" that the abstract writes only set off by punctuation. */
function hasDiscourseMarker(part: string[], ix: Index): boolean {
  for (let i = 0; i + 1 < part.length; i++) {
    const pair = [part[i]!, part[i + 1]!];
    if (DISCOURSE_MARKERS.has(pair.join(' '))) return true;
    if (!PREPOSITIONS.has(pair[0]!)) continue;
    const uses = occurrences(ix, pair);
    if (uses.length > 0 && uses.every((k) => SET_OFF.has(ix.tokens[k - 1] ?? '') && ix.tokens[k + 2] === ',')) return true;
  }
  return false;
}

/**
 * Two words of one stem close together in a part (REPEAT_REACH), where the stretch between is not the
 * abstract's own wording. Hyphen parts and distant repeats are left: "N-Acetyltransferase 10 Is an
 * RNA Acetyltransferase" is a real title's form, and rejecting them cost acl-bare 0.451 → 0.443 in
 * content-word share (the repeated word is the abstract's key word).
 */
function repeatsWord(part: string[], ix: Index): boolean {
  const stems = part.map((w) => (w.length > 3 ? stem(w) : ''));
  for (let a = 0; a < stems.length; a++) {
    for (let b = a + 1; b <= Math.min(stems.length - 1, a + REPEAT_REACH); b++) {
      if (stems[a] && stems[a] === stems[b] && occurrences(ix, part.slice(a, b + 1)).length === 0) return true;
    }
  }
  return false;
}

/** Every content word of the part is one most abstracts of the list use. */
function weakPart(part: string[], weight: WordWeight): boolean {
  const content = part.filter((w) => w.length > 2 && !PREPOSITIONS.has(w) && w !== 'the' && w !== 'and');
  return content.length > 0 && content.every((w) => weight(stem(w)) < COMMON_WORD_WEIGHT);
}
