/**
 * Acronyms and names in an abstract: what an acronym stands for ("aspect sentiment triplet
 * extraction (ASTE)"), titles with acronyms spelled out, and the name a paper gives its own method.
 */
import { MAX_TITLE_WORDS } from './defects.ts';

/** Times a name must recur to be the paper's own (a method is named again and again): 3 on acl-bare. */
const NAME_MIN_COUNT = 3;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Acronyms the abstract defines, "aspect sentiment triplet extraction (ASTE)", by acronym. */
export function definitions(abstract: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of abstract.matchAll(/\(([A-Z][A-Za-z\d-]*[A-Z][A-Za-z\d-]*?)(s?)\)/g)) {
    const phrase = expansion(abstract.slice(0, m.index).trim().split(/\s+/).slice(-6), m[1]!);
    if (phrase && !out.has(m[1]!)) out.set(m[1]!, phrase.replace(/[^\p{L}\p{N}]+$/u, ''));
  }
  return out;
}

/** `title` with defined acronyms spelled out, except a name before a colon, within MAX_TITLE_WORDS. */
export function spellOut(title: string, defined: Map<string, string>): string {
  const colon = title.indexOf(': ');
  const head = colon >= 0 ? title.slice(0, colon + 2) : '';
  let body = colon >= 0 ? title.slice(colon + 2) : title;
  for (const [acronym, phrase] of defined) {
    const re = new RegExp(String.raw`(?<![\w-])${acronym}(s?)(?![\w-])`);
    const m = re.exec(body);
    if (!m || words(title) + words(phrase) - 1 > MAX_TITLE_WORDS || body.toLowerCase().includes(phrase.toLowerCase())) continue;
    body = body.slice(0, m.index) + phrase + (m[1] && !/s$/.test(phrase) ? 's' : '') + body.slice(m.index + m[0].length);
  }
  return head + body;
}

/**
 * The name the paper gives its own method or resource: the most frequent mixed-case or capitalised
 * token ("IAG", "HalOmi", "GATITOS") that recurs NAME_MIN_COUNT times and first appears where the
 * paper starts speaking of its own work (`introducedFrom`, a character offset): a name met before
 * that belongs to the field ("LLMs", "NLP", "ChatGPT"), not to the paper.
 */
export function ownName(abstract: string, introducedFrom: number, defined: Map<string, string>): string | undefined {
  const counts = new Map<string, number>();
  for (const m of abstract.matchAll(/(?<![\w-])([A-Z][a-z]*[A-Z][\w-]*|[A-Z]{2,}[\w-]*)(?![\w-])/g)) {
    const w = m[1]!.replace(/s$/, '');
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const [w, c] of counts) {
    // An acronym of a common noun phrase ("question answering (QA)") names a field, not the paper.
    const stands = defined.get(w) ?? defined.get(`${w}s`);
    if (c < NAME_MIN_COUNT || w.length > 20 || (stands && /^\p{Ll}/u.test(stands)) || (best && c <= best[1])) continue;
    const firstSeen = abstract.search(new RegExp(String.raw`(?<![\w-])${RegExp.escape(w)}`));
    if (firstSeen < introducedFrom) continue;
    if (!best || c > best[1]) best = [w, c];
  }
  return best?.[0];
}

/** The words an acronym stands for: the shortest tail of `before` whose letters spell it in order. */
export function expansion(before: string[], acronym: string, anywhere = false): string | undefined {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '').replace(/s$/, '');
  if (anywhere) {
    // Is the acronym spelled out somewhere in `before`? ("GNN" in "A Survey of Graph Neural Networks")
    for (let end = before.length; end > 0; end--) if (expansion(before.slice(0, end), acronym)) return before.slice(0, end).join(' ');
    return undefined;
  }
  for (let k = 1; k <= before.length; k++) {
    const tail = before.slice(before.length - k);
    if (tail[0]!.charAt(0).toLowerCase() !== letters[0]) continue;
    const parts = tail.flatMap((w) => w.split('-'));
    const initials = parts.map((w) => w.charAt(0).toLowerCase()).join('');
    if (initials === letters || (k >= Math.ceil(letters.length / 2) && subsequence(letters, tail.join('').toLowerCase()))) {
      return /^(?:the|a|an|of|and|in|for)$/i.test(tail[0]!) ? undefined : tail.join(' ');
    }
  }
  return undefined;
}

function subsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (const ch of hay) if (ch === needle[j]) j++;
  return j === needle.length;
}

