/**
 * Turning abstracts into comparable word keys.
 *
 * Hand-written rather than taken from a library: the measures and the taxonomy merge singular and plural
 * forms only (a full Porter stemmer would fuse "learning"/"learned", "network"/"networking" and make
 * tag names unreadable), hyphenated prefixes must meet their closed forms ("pre-training" = "pretraining"),
 * and the tokens must keep their surface form so a tag can be shown as readers write it. The word rules
 * (stop words, the plural rule) are in src/core/english/.
 */
import { TERM_STOPWORDS } from '../../core/english/function-words.ts';
import { singular } from '../../core/english/inflection.ts';

/**
 * Prefixes that writers attach with a hyphen, a space or nothing; joining them gives one key for
 * "pre-training", "pre training" and "pretraining".
 */
const JOINED_PREFIXES: ReadonlySet<string> = new Set([
  'pre', 'post', 'multi', 'non', 'semi', 're', 'co', 'sub', 'un', 'de', 'anti', 'hyper', 'fine', 'inter', 'intra', 'over',
  'under', 'mid', 'meta', 'cross', 'bi', 'tri', 'uni', 'auto',
]);
// The prefixes that are never words of their own, so a following word may join them across a space.
const SPACE_JOINED: ReadonlySet<string> = new Set(['pre', 'post', 'multi', 'non', 'semi', 'fine', 'meta', 'sub', 'hyper', 'cross', 'bi']);

export interface Token {
  /** Lowercase singular form, the identity used for counting and matching. */
  readonly key: string;
  /** Lowercase form as written, for display. */
  readonly surface: string;
  readonly stop: boolean;
  /** Written hyphenated to the token before ("self-supervised"), so shown with a hyphen. */
  readonly joined: boolean;
}

/** A run of tokens with no punctuation inside: phrases never cross a chunk boundary. */
export type Chunk = Token[];

// Punctuation that ends a phrase: a phrase never spans a comma, bracket, colon, slash or sentence end.
export const BREAKS: ReadonlySet<string> = new Set([...'.,;:!?()[]{}"“”|/=<>+*&%–—…']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/**
 * Words of `text` in chunks. `acronyms` maps an uppercase acronym (as written, singular) to the words of
 * its expansion, which replace it so that "GNNs" counts as "graph neural networks". A hand-written
 * scanner rather than a regular expression: it is the hot loop of the whole step (several times faster).
 */
export function tokenize(text: string, acronyms?: { get(acronym: string): readonly string[] | undefined }): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Token[] = [];
  const end = () => {
    if (chunk.length) {
      chunks.push(chunk);
      chunk = [];
    }
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isWordChar(text, i)) {
      const start = i;
      let capitals = 0;
      let inner = false;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c >= 65 && c <= 90) capitals++;
        if (isWordChar(text, i)) i++;
        else if ((c === 45 || c === 39 || c === 8217) && i + 1 < n && isWordChar(text, i + 1)) {
          inner = true;
          i++;
        } else break;
      }
      const raw = text.slice(start, i);
      if (acronyms && capitals >= 2) {
        const expansion = acronyms.get(raw) ?? (raw.endsWith('s') ? acronyms.get(raw.slice(0, -1)) : undefined);
        if (expansion) {
          for (const w of expansion) pushWords(chunk, w, true);
          continue;
        }
      }
      pushWords(chunk, capitals ? raw.toLowerCase() : raw, inner);
      continue;
    }
    const ch = text[i]!;
    // Inline math carries symbols, not concepts; dropping it keeps "$\ell_1$" from becoming a word.
    if (ch === '$') {
      const close = text.indexOf('$', i + 1);
      i = close < 0 ? n : close + 1;
      end();
      continue;
    }
    if (BREAKS.has(ch) || (ch === '-' && i > 0 && text[i - 1] === ' ')) end();
    i++;
  }
  end();
  return chunks;
}

function pushWords(chunk: Token[], word: string, inner: boolean): void {
  const { tokens, spaceJoin } = wordTokens(word, inner);
  for (const t of tokens) chunk.push(t);
  if (spaceJoin) joinSpacedPrefix(chunk);
}

/**
 * The tokens of one written word (lowercase unless it had no ASCII capitals): hyphen parts split,
 * known prefixes joined to the part after them. `spaceJoin`: the last token may still join a
 * prefix written as its own word before it. A pure function of the word, so callers may cache it.
 */
export function wordTokens(word: string, inner = /[-'’]/.test(word)): { tokens: Token[]; spaceJoin: boolean } {
  if (!inner) {
    const key = singular(word);
    return { tokens: [{ key, surface: word, stop: TERM_STOPWORDS.has(key), joined: false }], spaceJoin: true };
  }
  const parts = word.replace(/['’]s$/, '').split(/[-'’]/).filter(Boolean);
  const tokens: Token[] = [];
  for (let i = 0; i < parts.length; i++) {
    const joined = i > 0;
    let surface = parts[i]!;
    let key = singular(surface);
    // Join a known prefix with the word after it, whether hyphenated here or not.
    if (JOINED_PREFIXES.has(surface) && i + 1 < parts.length) {
      const next = parts[++i]!;
      surface = `${surface}-${next}`;
      key = singular(surface.replace('-', ''));
    }
    tokens.push({ key, surface, stop: TERM_STOPWORDS.has(key), joined });
  }
  return { tokens, spaceJoin: parts.length === 1 };
}

/** Whether a prefix written as its own word ("pre training") joins the next word that is no stop word. */
export function joinsNext(prev: Token): boolean {
  return SPACE_JOINED.has(prev.key) && !prev.surface.includes('-');
}

/** A prefix written as its own word ("pre training") joins the next word: the joined token, or null. */
export function spacedJoin(prev: Token, cur: Token): Token | null {
  if (SPACE_JOINED.has(prev.key) && !cur.stop && !prev.surface.includes('-')) {
    return { key: singular(prev.surface + cur.surface), surface: `${prev.surface}-${cur.surface}`, stop: false, joined: prev.joined };
  }
  return null;
}

// A prefix written as its own word ("pre training") also joins the next word.
function joinSpacedPrefix(chunk: Token[]): void {
  const n = chunk.length;
  if (n < 2) return;
  const joined = spacedJoin(chunk[n - 2]!, chunk[n - 1]!);
  if (joined) chunk.splice(n - 2, 2, joined);
}

/**
 * Keys already made (`phraseKey` is pure). The taxonomy's phrases are keyed over and over: tag-index.ts
 * impliedPhrases compared each implied-by phrase with every other tag's name and aliases, 0.41 s of a
 * 10k cold ingest's CPU when each was tokenized again (profile, session 10); the list is bounded by
 * the taxonomy, so the cache is cleared only as a guard.
 */
const phraseKeys = new Map<string, string>();
const PHRASE_KEYS_KEPT = 100_000;

/** The key of a phrase written by a person (taxonomy entries), using the same rules as the text. */
export function phraseKey(phrase: string): string {
  let key = phraseKeys.get(phrase);
  if (key === undefined) {
    key = tokenize(phrase)
      .flat()
      .map((t) => t.key)
      .join(' ');
    if (phraseKeys.size >= PHRASE_KEYS_KEPT) phraseKeys.clear();
    phraseKeys.set(phrase, key);
  }
  return key;
}

/**
 * Acronyms that a text defines, as in "graph neural networks (GNNs)": each maps to the words just
 * before the brackets whose initials spell it. Hand-written because the match is on initials of
 * words (and of hyphen parts), which general abbreviation libraries do not expose.
 */
export function definedAcronyms(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(/\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*?)s?\)/g)) {
    const acronym = m[1]!;
    const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
    if (letters.length < 2 || letters.length > 8) continue;
    const before = text.slice(Math.max(0, m.index - 120), m.index);
    if (!/[\p{L}\p{N}]\s*$/u.test(before)) continue;
    const words = before.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean).slice(-10);
    const expansion = matchInitials(words, letters);
    if (expansion) found.set(acronym, expansion);
  }
  return found;
}

function matchInitials(words: string[], letters: string): string[] | null {
  // Walk back from the last word, consuming letters from the end of the acronym; a word may give
  // one letter per hyphen part ("Self-Supervised Learning" → SSL) and small words may be skipped.
  let li = letters.length - 1;
  let wi = words.length - 1;
  while (wi >= 0 && li >= 0) {
    const parts = words[wi]!.toLowerCase().split(/[-'’]/).filter(Boolean);
    const initials = parts.map((p) => p[0]).join('');
    const want = letters.slice(Math.max(0, li - initials.length + 1), li + 1);
    if (initials.length > 1 && want === initials) li -= initials.length;
    else if (parts[0]![0] === letters[li]) li -= 1;
    else if (!TERM_STOPWORDS.has(parts[0]!)) return null;
    wi--;
  }
  if (li >= 0) return null;
  const expansion = words.slice(wi + 1);
  if (TERM_STOPWORDS.has(expansion[0]!.toLowerCase())) return null;
  return expansion.map((w) => w.toLowerCase());
}
