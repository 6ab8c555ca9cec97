/**
 * Counting term candidates over a list and their termhood: the C-value of Frantzi, Ananiadou &
 * Mima (2000), "Automatic recognition of multi-word terms: the C-value/NC-value method", IJDL 3(2).
 *
 *   C-value(a) = log2(|a| + 1) · (f(a) − (1 / |T_a|) · Σ_{b ∈ T_a} f(b))
 *
 * f is the frequency in the list, T_a the longer candidates that contain a. |a| + 1 instead of |a|
 * so that one-word terms are not all zero (the usual extension, e.g. Barrón-Cedeño et al. 2009).
 */
import { wordKey, zipf } from '../../core/english/everyday.ts';
import { TermCounter } from './term-count.ts';
import type { TermTable } from './term-table.ts';
import type { CandidateTrie } from './term-trie.ts';
import { gluedWords, type PaperStreams } from './term-words.ts';

export { MAX_TERM_WORDS } from './term-count.ts';
export { Pos, type Stream, type Word } from './term-words.ts';
export type { TermTable } from './term-table.ts';

/**
 * Share of a word's phrases that it ends from which it is a head noun: a candidate ending in it is
 * not a piece of the longer candidates around it.
 */
const HEAD_SHARE = 0.5;

/**
 * Counts every candidate of every paper, then their C-values.
 *
 * Candidates are nodes of a trie over word ids (a candidate's id is its node), so counting a run
 * never builds a string: building and hashing joined keys cost about 2.8 times the tagging itself.
 */
export function countTerms(papers: readonly PaperStreams[], englishStop: ReadonlySet<string>, symbols: ReadonlySet<string> = new Set()): TermTable {
  const counter = new TermCounter(gluedWords(papers), englishStop);
  const start = new Int32Array(papers.length + 1);
  papers.forEach((paper, d) => (start[d + 1] = counter.addPaper(paper)));
  const { trie, words: wordIds, wordRuns, wordHeads, wordClauses, wordVerbEnds, wordAfterNumber } = counter;
  const { count, freq, lastWord } = trie;
  const { words, rest, cvalue, independence } = cValues(trie, wordHeads, wordRuns, wordIds.ids.get('of') ?? -1, wordIds.ids.get('and') ?? -1);
  const rarest = new Float64Array(count).fill(-1);
  const keyOf = (id: number) => trie.wordsOf(id).map((w) => wordIds.keys[w]!).join(' ');
  const nameOf = (id: number) => (trie.plural[id]! * 2 > freq[id]! ? trie.pluralName[id] : trie.singularName[id]) ?? trie.singularName[id] ?? trie.pluralName[id] ?? keyOf(id);
  const writtenKeys = (id: number) => nameOf(id).split(' ').map(wordKey);
  const headShare = (w: number) => (wordHeads[w] ?? 0) / Math.max(1, wordRuns[w] ?? 0);
  return {
    size: papers.length,
    start,
    ids: Int32Array.from(counter.entryIds),
    title: Uint16Array.from(counter.entryTitle),
    body: Uint16Array.from(counter.entryBody),
    count,
    words,
    freq: freq.slice(0, count),
    df: trie.df.slice(0, count),
    titleDf: trie.titleDf.slice(0, count),
    cvalue,
    independence,
    nounHead: trie.nounHead.slice(0, count),
    modifierFirst: trie.modifierFirst.slice(0, count),
    gerundFirst: trie.gerundFirst.slice(0, count),
    symbols,
    rest,
    prefix: trie.parent.slice(0, count),
    seen: trie.seen.slice(0, count),
    runEnds: trie.runEnds.slice(0, count),
    headZipf: (id) => {
      const ws = writtenKeys(id);
      return zipf(ws[ws.length - 1]!);
    },
    key: keyOf,
    idOf: (key) => {
      let node = -1;
      for (const w of key.split(' ')) {
        const word = wordIds.ids.get(w);
        node = word === undefined ? -2 : trie.childOf(node, word);
        if (node === -2) return -1;
      }
      return node >= 0 && freq[node]! > 0 ? node : -1;
    },
    name: nameOf,
    // Everyday English is judged on written words, a compound by its rarest part: "real-world" is
    // as everyday as "world", "non-small-cell" as "non".
    rarestZipf: (id) => {
      if (rarest[id]! < 0) rarest[id] = Math.min(...writtenKeys(id).filter((w) => !englishStop.has(w)).map((w) => compoundZipf(w, englishStop)));
      return rarest[id]!;
    },
    firstZipf: (id) => zipf(writtenKeys(id)[0]!),
    firstHeadShare: (id) => headShare(trie.wordsOf(id)[0]!),
    lastHeadShare: (id) => headShare(lastWord[id]!),
    clauseShare: (id) => {
      const w = lastWord[id]!;
      // Once is no evidence: a relative clause follows a noun now and then ("the accuracy that").
      return (wordClauses[w] ?? 0) < 2 ? 0 : wordClauses[w]! / Math.max(1, wordHeads[w] ?? 0);
    },
    afterNumberShare: (id) => {
      const w = trie.wordsOf(id)[0]!;
      return (wordAfterNumber[w] ?? 0) / Math.max(1, wordRuns[w] ?? 0);
    },
    nounHeadShare: (id) => {
      const w = lastWord[id]!;
      const unsure = wordVerbEnds[w] ?? 0;
      return ((wordHeads[w] ?? 0) - unsure) / Math.max(1, (wordRuns[w] ?? 0) - unsure);
    },
  };
}

/**
 * Every counted candidate's written length, its rest (itself without its first word), its C-value and
 * its independence (TermTable), from the counts in the trie. `wordHeads`, `wordRuns`: per word id, the
 * runs it ends and the runs it occurs in; `ofWord`, `andWord`, the ids of "of" and "and" (-1 if no candidate has it).
 */
function cValues(trie: CandidateTrie, wordHeads: readonly number[], wordRuns: readonly number[], ofWord: number, andWord: number): { words: Uint8Array; rest: Int32Array; cvalue: Float64Array; independence: Float64Array } {
  const { count, freq } = trie;
  const words = new Uint8Array(count);
  const rest = new Int32Array(count).fill(-1);
  const nestSum = new Float64Array(count);
  const nestN = new Int32Array(count);
  const inside = new Set<number>();
  for (let id = 0; id < count; id++) {
    words[id] = trie.written[id] ?? trie.depth[id]!;
    if (!freq[id]) continue;
    const p = trie.wordsOf(id);
    if (p.length > 1) rest[id] = Math.max(-1, trie.find(p, 1, p.length));
    // Each shorter candidate inside this one is nested in it (counted once per containing term),
    // unless it keeps its head: a tail ("short sleep duration" in "objective short sleep
    // duration") or a phrase ending in a word the list mostly writes as a head ("orthognathic
    // surgery" in "orthognathic surgery patients") is a term of its own; "non-small-cell lung"
    // ("lung" is nearly always a modifier) is not. An "of" phrase cut after a word before it is
    // always nested: that word modifies the phrase's head, the noun before "of", which without it
    // names nothing ("optimum of larvae" of "thermal optimum of larvae"); written alone elsewhere
    // ("mixture of experts"), those occurrences are its own.
    inside.clear();
    const ofAt = ofWord < 0 ? -1 : p.indexOf(ofWord);
    // An "and" inside a candidate is inside a name (terms.ts reads it so only there): no piece of
    // "strengths and difficulties questionnaire" names anything, its tail "difficulties questionnaire" neither.
    const named = andWord >= 0 && p.includes(andWord);
    for (let i = 0; i < p.length; i++) {
      let node = -1;
      for (let n = 1; i + n <= p.length && node !== -2; n++) {
        node = trie.childOf(node, p[i + n - 1]!);
        if (node < 0 || n === p.length || !freq[node]) continue;
        const last = p[i + n - 1]!;
        const cutOfPhrase = i > 0 && ofAt > i && ofAt < i + n - 1;
        if (!cutOfPhrase && !named && (i + n === p.length || (wordHeads[last] ?? 0) >= HEAD_SHARE * (wordRuns[last] ?? 1))) continue;
        inside.add(node);
      }
    }
    for (const sub of inside) {
      nestSum[sub] = nestSum[sub]! + freq[id]!;
      nestN[sub]!++;
    }
  }
  const cvalue = new Float64Array(count);
  const independence = new Float64Array(count);
  for (let id = 0; id < count; id++) {
    const own = freq[id]! - (nestN[id]! ? nestSum[id]! / nestN[id]! : 0);
    cvalue[id] = Math.log2(words[id]! + 1) * own;
    independence[id] = Math.max(0, own) / Math.max(1, freq[id]!);
  }
  return { words, rest, cvalue, independence };
}

/**
 * Zipf value of a written word; a hyphenated compound of words everyday English writes
 * ("real-world", "end-to-end", "high-quality") is as everyday as its rarest part, one with a part
 * English never writes keeps SUBTLEX's own value (0 for most compounds).
 */
function compoundZipf(word: string, stop: ReadonlySet<string>): number {
  const own = zipf(word);
  if (own > 0 || !word.includes('-')) return own;
  const parts = word.split('-').filter((p) => p && !stop.has(p));
  const values = parts.map((p) => zipf(wordKey(p)));
  return values.length && values.every((v) => v > 0) ? Math.min(...values) : 0;
}
