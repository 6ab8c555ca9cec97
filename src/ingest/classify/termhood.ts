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
import type { TermTable } from './term-table.ts';
import { gluedWords, Pos, type PaperStreams, type Stream, type Word } from './term-words.ts';

export { Pos, type Stream, type Word } from './term-words.ts';
export type { TermTable } from './term-table.ts';

/** Longest candidate, in words: "in vitro fertilization", "large language model" fit; 98 % of gold tags do. */
export const MAX_TERM_WORDS = 4;

/**
 * Share of a word's phrases that it ends from which it is a head noun: a candidate ending in it is
 * not a piece of the longer candidates around it.
 */
const HEAD_SHARE = 0.5;

/** A word of a run: word id for counting, text for display. */
interface RunWord {
  readonly id: number;
  readonly text: string;
  readonly pos: Pos;
  /** A glued word right after its function word ("vitro" of "in vitro"): no candidate starts here. */
  readonly bound: boolean;
  /** A word of an acronym's expansion before its last: no candidate ends here ("temporal" of TKG). */
  readonly inner?: boolean;
  /**
   * A part of a hyphenated word after its first ("cell" of "non-small-cell"): a hyphenated word is
   * counted as its parts, so "non-small-cell lung cancer" and "non-small cell lung cancer",
   * "question-answering" and "question answering" are one candidate.
   */
  readonly joined?: boolean;
}

const NOMINAL: ReadonlySet<Pos> = new Set([Pos.Noun, Pos.Adj, Pos.Participle, Pos.Gerund]);

/**
 * A label after a noun: "type 1", "class II", "phase 3", "type Ia" (supernovae), "class IIb". The
 * noun is a label, not part of the term.
 */
const LABEL = /^(?:\d+[a-z]?|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[abc]?)$/;

/**
 * Counts every candidate of every paper, then their C-values.
 *
 * Candidates are nodes of a trie over word ids (a candidate's id is its node), so counting a run
 * never builds a string: building and hashing joined keys cost about 2.8 times the tagging itself.
 */
export function countTerms(papers: readonly PaperStreams[], englishStop: ReadonlySet<string>, symbols: ReadonlySet<string> = new Set()): TermTable {
  const glued = gluedWords(papers);
  const wordIds = new Map<string, number>();
  const wordKeys: string[] = [];
  const wordIdOf = (key: string): number => {
    let id = wordIds.get(key);
    if (id === undefined) {
      id = wordKeys.length;
      wordIds.set(key, id);
      wordKeys.push(key);
    }
    return id;
  };
  // Trie: child of (node + 1, word) in one number key; node −1 is the root.
  const child = new Map<number, number>();
  const WORD_SPACE = 2 ** 21;
  let cap = 1024;
  let parent = new Int32Array(cap);
  let lastWord = new Int32Array(cap);
  let depth = new Uint8Array(cap);
  let freq = new Int32Array(cap);
  let plural = new Int32Array(cap);
  let df = new Int32Array(cap);
  let titleDf = new Int32Array(cap);
  let nounHead = new Int32Array(cap);
  let modifierFirst = new Int32Array(cap);
  let gerundFirst = new Int32Array(cap);
  let seen = new Int32Array(cap);
  let localTitle = new Int32Array(cap);
  let localBody = new Int32Array(cap);
  let count = 0;
  const singularName: (string | undefined)[] = [];
  const pluralName: (string | undefined)[] = [];
  const nodeOf = (from: number, word: number): number => {
    const k = (from + 1) * WORD_SPACE + word;
    let id = child.get(k);
    if (id === undefined) {
      id = count++;
      if (id >= cap) {
        cap *= 2;
        [parent, lastWord, freq, plural, df, titleDf] = [grow(parent, cap), grow(lastWord, cap), grow(freq, cap), grow(plural, cap), grow(df, cap), grow(titleDf, cap)];
        [nounHead, modifierFirst, gerundFirst, localTitle, localBody] = [grow(nounHead, cap), grow(modifierFirst, cap), grow(gerundFirst, cap), grow(localTitle, cap), grow(localBody, cap)];
        seen = grow(seen, cap);
        const d = new Uint8Array(cap);
        d.set(depth);
        depth = d;
      }
      child.set(k, id);
      parent[id] = from;
      lastWord[id] = word;
      depth[id] = from < 0 ? 1 : depth[from]! + 1;
    }
    return id;
  };
  // Per word id: phrases it occurs in, and phrases it ends (is the head noun of).
  const wordRuns: number[] = [];
  const wordHeads: number[] = [];
  // Per word id: runs it ends that a clause word (Word.opensClause) or a verb reading, maybe a misread noun, follows.
  const wordClauses: number[] = [];
  const wordVerbEnds: number[] = [];
  const start = new Int32Array(papers.length + 1);
  const entryIds: number[] = [];
  const entryTitle: number[] = [];
  const entryBody: number[] = [];
  const touched: number[] = [];
  /** Written words of each candidate (a hyphenated word is one), as first seen. */
  const written: (number | undefined)[] = [];

  papers.forEach((paper, d) => {
    const lowerAcronyms = new Map<string, readonly string[]>();
    for (const [a, words] of paper.acronyms) {
      lowerAcronyms.set(a.toLowerCase(), words);
      lowerAcronyms.set(`${a.toLowerCase()}s`, words);
    }
    const add = (run: readonly RunWord[], i: number, n: number, id: number, inTitle: boolean) => {
      const last = run[i + n - 1]!;
      const isPlural = last.text !== wordKeys[last.id] && !last.text.includes('-');
      if (isPlural) {
        plural[id]!++;
        if (pluralName[id] === undefined) pluralName[id] = joinText(run, i, n);
      } else if (singularName[id] === undefined) singularName[id] = joinText(run, i, n);
      if (written[id] === undefined) {
        let w = 0;
        for (let j = i; j < i + n; j++) if (!run[j]!.joined) w++;
        written[id] = w;
      }
      freq[id]!++;
      if (last.pos === Pos.Noun) nounHead[id]!++;
      const first = run[i]!.pos;
      const separateFirst = n > 1 && !run[i + 1]!.joined;
      if (separateFirst && (first === Pos.Adj || first === Pos.Participle)) modifierFirst[id]!++;
      if (separateFirst && first === Pos.Gerund) gerundFirst[id]!++;
      if (localTitle[id] === 0 && localBody[id] === 0) touched.push(id);
      if (inTitle) localTitle[id]!++;
      else localBody[id]!++;
    };
    const countRun = (run: readonly RunWord[], inTitle: boolean) => {
      if (paper.wholeRuns) {
        // A title is a noun phrase where an abstract's runs are often clauses, so the abstract
        // only adds mentions of the title's runs.
        if (run.length > MAX_TERM_WORDS) return;
        let node = -1;
        for (const w of run) {
          node = nodeOf(node, w.id);
          seen[node]!++;
        }
        if (inTitle || localTitle[node]! > 0) add(run, 0, run.length, node, inTitle);
        return;
      }
      for (let i = 0; i < run.length; i++) {
        const first = run[i]!;
        if (first.pos === Pos.Of || first.bound) continue;
        // A function word opens a term only before its glued word and a head: "in vitro fertilization".
        const opensWithFunction = first.pos === Pos.Function;
        if (opensWithFunction && !(i + 1 < run.length && run[i + 1]!.bound)) continue;
        let node = -1;
        let words = 0;
        let withOf = false;
        for (let n = 1; i + n <= run.length; n++) {
          const w = run[i + n - 1]!;
          if (w.pos === Pos.Function && n > 1) break;
          if (!w.joined && ++words > MAX_TERM_WORDS) break;
          if (w.pos === Pos.Of) withOf = true;
          node = nodeOf(node, w.id);
          seen[node]!++;
          if ((w.pos !== Pos.Noun && w.pos !== Pos.Gerund) || w.inner || (opensWithFunction && n < 3)) continue;
          // After "of" the term runs to the end of the noun phrase: "power of graph" is "power of graph
          // neural networks" cut in half.
          if (withOf && i + n < run.length && NOMINAL.has(run[i + n]!.pos)) continue;
          add(run, i, n, node, inTitle);
        }
      }
    };
    /** A content word onto a run, a hyphenated one as its parts. */
    const pushWord = (run: RunWord[], text: string, pos: Pos, bound: boolean, inner: boolean) => {
      if (!text.includes('-')) {
        run.push({ id: wordIdOf(wordKey(text)), text, pos, bound, inner });
        return;
      }
      const parts = text.split('-').filter(Boolean);
      parts.forEach((part, k) => run.push({ id: wordIdOf(wordKey(part)), text: part, pos, bound: bound || k > 0, inner: inner || k < parts.length - 1, joined: k > 0 }));
    };
    const walk = (stream: Stream, inTitle: boolean) => {
      let run: RunWord[] = [];
      const flush = (next?: Word) => {
        // "of" never ends a run.
        while (run.length && run[run.length - 1]!.pos === Pos.Of) run.pop();
        for (const w of run) wordRuns[w.id] = (wordRuns[w.id] ?? 0) + 1;
        if (run.length) {
          const head = run[run.length - 1]!.id;
          wordHeads[head] = (wordHeads[head] ?? 0) + 1;
          if (next?.opensClause) wordClauses[head] = (wordClauses[head] ?? 0) + 1;
          else if (next?.verb) wordVerbEnds[head] = (wordVerbEnds[head] ?? 0) + 1;
          countRun(run, inTitle);
        }
        run = [];
      };
      for (let i = 0; i < stream.length; i++) {
        const w = stream[i]!;
        const expansion = lowerAcronyms.get(w.text);
        if (expansion) {
          expansion.forEach((e, k) => pushWord(run, e, Pos.Noun, false, k < expansion.length - 1));
          continue;
        }
        const next = stream[i + 1];
        if (w.pos === Pos.Noun && next !== undefined && LABEL.test(next.text) && (next.pos === Pos.Break || next.pos === Pos.Noun)) {
          // "herpes simplex virus type 1": the term is "herpes simplex virus".
          flush();
          i++;
          continue;
        }
        const inside =
          w.pos === Pos.Noun || w.pos === Pos.Adj || w.pos === Pos.Participle || w.pos === Pos.Gerund ||
          // "of" between two words of a term; a glued function word before its word.
          (w.pos === Pos.Of && run.length > 0 && next !== undefined && next.pos !== Pos.Break && next.pos !== Pos.Function) ||
          (w.pos === Pos.Function && next !== undefined && glued.has(`${w.text} ${next.text}`));
        if (!inside || (englishStop.has(w.text) && w.pos !== Pos.Of && w.pos !== Pos.Function)) {
          flush(w);
          continue;
        }
        // A verb's -ing form before an adjective is a verb ("promoting filopodial elongation").
        if (w.pos === Pos.Gerund && run.length === 0 && next !== undefined && (next.pos === Pos.Adj || next.pos === Pos.Participle)) continue;
        const prev = run[run.length - 1];
        const bound = prev !== undefined && prev.pos === Pos.Function && glued.has(`${prev.text} ${w.text}`);
        if (w.pos === Pos.Function || w.pos === Pos.Of) run.push({ id: wordIdOf(w.text), text: w.text, pos: w.pos, bound });
        else pushWord(run, w.text, w.pos, bound, false);
      }
      flush();
    };
    walk(paper.title, true);
    walk(paper.abstract, false);
    for (const id of touched) {
      const t = localTitle[id]!;
      entryIds.push(id);
      entryTitle.push(Math.min(t, 65535));
      entryBody.push(Math.min(localBody[id]!, 65535));
      df[id]!++;
      if (t) titleDf[id]!++;
      localTitle[id] = 0;
      localBody[id] = 0;
    }
    touched.length = 0;
    start[d + 1] = entryIds.length;
  });

  const wordsOf = (id: number): number[] => {
    const out: number[] = [];
    for (let x = id; x >= 0; x = parent[x]!) out.push(lastWord[x]!);
    return out.reverse();
  };
  const find = (ws: readonly number[], from: number, to: number): number => {
    let node = -1;
    for (let i = from; i < to && node !== -2; i++) node = child.get((node + 1) * WORD_SPACE + ws[i]!) ?? -2;
    return node;
  };
  const words = new Uint8Array(count);
  const rest = new Int32Array(count).fill(-1);
  const nestSum = new Float64Array(count);
  const nestN = new Int32Array(count);
  const inside = new Set<number>();
  for (let id = 0; id < count; id++) {
    words[id] = written[id] ?? depth[id]!;
    if (!freq[id]) continue;
    const p = wordsOf(id);
    if (p.length > 1) rest[id] = Math.max(-1, find(p, 1, p.length));
    // Each shorter candidate inside this one is nested in it (counted once per containing term),
    // unless it keeps its head: a tail ("short sleep duration" in "objective short sleep
    // duration") or a phrase ending in a word the list mostly writes as a head ("orthognathic
    // surgery" in "orthognathic surgery patients") is a term of its own; "non-small-cell lung"
    // ("lung" is nearly always a modifier) is not.
    inside.clear();
    for (let i = 0; i < p.length; i++) {
      let node = -1;
      for (let n = 1; i + n <= p.length && node !== -2; n++) {
        node = child.get((node + 1) * WORD_SPACE + p[i + n - 1]!) ?? -2;
        if (node < 0 || n === p.length || !freq[node]) continue;
        const last = p[i + n - 1]!;
        if (i + n === p.length || (wordHeads[last] ?? 0) >= HEAD_SHARE * (wordRuns[last] ?? 1)) continue;
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
  const rarest = new Float64Array(count).fill(-1);
  const keyOf = (id: number) => wordsOf(id).map((w) => wordKeys[w]!).join(' ');
  const nameOf = (id: number) => (plural[id]! * 2 > freq[id]! ? pluralName[id] : singularName[id]) ?? singularName[id] ?? pluralName[id] ?? keyOf(id);
  const writtenKeys = (id: number) => nameOf(id).split(' ').map(wordKey);
  return {
    size: papers.length,
    start,
    ids: Int32Array.from(entryIds),
    title: Uint16Array.from(entryTitle),
    body: Uint16Array.from(entryBody),
    count,
    words,
    freq: freq.slice(0, count),
    df: df.slice(0, count),
    titleDf: titleDf.slice(0, count),
    cvalue,
    independence,
    nounHead: nounHead.slice(0, count),
    modifierFirst: modifierFirst.slice(0, count),
    gerundFirst: gerundFirst.slice(0, count),
    symbols,
    rest,
    prefix: parent.slice(0, count),
    seen: seen.slice(0, count),
    headZipf: (id) => {
      const ws = writtenKeys(id);
      return zipf(ws[ws.length - 1]!);
    },
    key: keyOf,
    idOf: (key) => {
      let node = -1;
      for (const w of key.split(' ')) {
        const word = wordIds.get(w);
        node = word === undefined ? -2 : (child.get((node + 1) * WORD_SPACE + word) ?? -2);
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
    firstHeadShare: (id) => {
      const w = wordsOf(id)[0]!;
      return (wordHeads[w] ?? 0) / Math.max(1, wordRuns[w] ?? 0);
    },
    clauseShare: (id) => {
      const w = lastWord[id]!;
      // Once is no evidence: a relative clause follows a noun now and then ("the accuracy that").
      return (wordClauses[w] ?? 0) < 2 ? 0 : wordClauses[w]! / Math.max(1, wordHeads[w] ?? 0);
    },
    nounHeadShare: (id) => {
      const w = lastWord[id]!;
      const unsure = wordVerbEnds[w] ?? 0;
      return ((wordHeads[w] ?? 0) - unsure) / Math.max(1, (wordRuns[w] ?? 0) - unsure);
    },
    lastHeadShare: (id) => {
      const w = lastWord[id]!;
      return (wordHeads[w] ?? 0) / Math.max(1, wordRuns[w] ?? 0);
    },
  };
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

function joinText(run: readonly RunWord[], i: number, n: number): string {
  let s = run[i]!.text;
  for (let j = i + 1; j < i + n; j++) s += (run[j]!.joined ? '-' : ' ') + run[j]!.text;
  return s;
}

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
