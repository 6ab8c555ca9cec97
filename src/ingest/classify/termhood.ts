/**
 * Counting term candidates over a list and their termhood: the C-value of Frantzi, Ananiadou &
 * Mima (2000), "Automatic recognition of multi-word terms: the C-value/NC-value method", IJDL 3(2).
 *
 *   C-value(a) = log2(|a| + 1) · (f(a) − (1 / |T_a|) · Σ_{b ∈ T_a} f(b))
 *
 * f is the frequency in the list, T_a the longer candidates that contain a. |a| + 1 instead of |a|
 * so that one-word terms are not all zero (the usual extension, e.g. Barrón-Cedeño et al. 2009).
 */
import { wordKey, zipf } from './english.ts';

// Part-of-speech classes of a token, as far as term extraction cares.
export const Pos = {
  Break: 0,
  Noun: 1,
  Adj: 2,
  /** A participle ending in -ed: a modifier ("supervised learning"), never a head. */
  Participle: 3,
  /** A gerund ending in -ing: a noun ("question answering", "prompting"). */
  Gerund: 4,
  /** "of", allowed inside a term only. */
  Of: 5,
  /** A function word that may prove to be part of a term ("in" of "in vitro"). */
  Function: 6,
} as const;
export type Pos = (typeof Pos)[keyof typeof Pos];

/** One written word: its lowercase text and class. Hyphen and apostrophe parts are joined. */
export interface Word {
  readonly text: string;
  readonly pos: Pos;
}

/** The words of one sentence-free stretch of text; Break words separate phrases. */
export type Stream = Word[];

/** Longest candidate, in words: "in vitro fertilization", "large language model" fit; 98 % of gold tags do. */
export const MAX_TERM_WORDS = 4;

/**
 * A function word becomes part of a term ("in vitro", "de novo") when it precedes at least this share
 * of a word's occurrences, the word occurs at least twice and everyday English rarely writes it on
 * its own (Zipf below GLUE_MAX_ZIPF). "in vitro" in the real dumps: 1.0; "in patients": 0.2.
 */
const GLUE_SHARE = 0.9;
const GLUE_MAX_ZIPF = 3;

export interface TermTable {
  readonly size: number;
  /** Entries of paper d are start[d] … start[d + 1] − 1 of ids, title and body. */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly title: Uint16Array;
  readonly body: Uint16Array;
  readonly count: number;
  readonly words: Uint8Array;
  readonly df: Int32Array;
  readonly titleDf: Int32Array;
  /** C-value of each term. */
  readonly cvalue: Float64Array;
  /** (f(a) − mean f of the terms containing it) / f(a): 0 for a piece that never occurs alone. */
  readonly independence: Float64Array;
  /** Key: word keys (lowercase, singular, American spelling) joined by spaces. */
  key(id: number): string;
  /** The term as written most of the time (lowercase). */
  name(id: number): string;
  /** Zipf value of the term's rarest content word in everyday English (0: English never writes it). */
  rarestZipf(id: number): number;
}

interface PaperStreams {
  readonly title: Stream;
  readonly abstract: Stream;
  /** Acronyms the abstract defines, as written ("GNN"), to the words of their expansion. */
  readonly acronyms: ReadonlyMap<string, readonly string[]>;
}

/** A word of a run: key for counting, text for display. */
interface RunWord {
  readonly key: string;
  readonly text: string;
  readonly pos: Pos;
}

/** Counts every candidate of every paper, then their C-values. */
export function countTerms(papers: readonly PaperStreams[], englishStop: ReadonlySet<string>): TermTable {
  const glued = gluedWords(papers);
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const parts: string[][] = [];
  const singularName: (string | undefined)[] = [];
  const pluralName: (string | undefined)[] = [];
  let plural = new Int32Array(1024);
  let freq = new Int32Array(1024);
  let df = new Int32Array(1024);
  let titleDf = new Int32Array(1024);
  const start = new Int32Array(papers.length + 1);
  const entryIds: number[] = [];
  const entryTitle: number[] = [];
  const entryBody: number[] = [];

  papers.forEach((paper, d) => {
    const local = new Map<number, [number, number]>();
    const lowerAcronyms = new Map<string, readonly string[]>();
    for (const [a, words] of paper.acronyms) {
      lowerAcronyms.set(a.toLowerCase(), words);
      lowerAcronyms.set(`${a.toLowerCase()}s`, words);
    }
    const add = (run: readonly RunWord[], i: number, n: number, inTitle: boolean) => {
      const ws = run.slice(i, i + n);
      const key = ws.map((w) => w.key).join(' ');
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        parts.push(ws.map((w) => w.key));
        if (id >= freq.length) [plural, freq, df, titleDf] = [grow(plural), grow(freq), grow(df), grow(titleDf)];
      }
      const last = ws[ws.length - 1]!;
      const text = ws.map((w) => w.text).join(' ');
      if (last.text !== last.key && !/-/.test(last.text)) {
        plural[id]!++;
        pluralName[id] ??= text;
      } else singularName[id] ??= text;
      freq[id]!++;
      const counts = local.get(id) ?? [0, 0];
      counts[inTitle ? 0 : 1]++;
      local.set(id, counts);
    };
    const countRun = (run: readonly RunWord[], inTitle: boolean) => {
      for (let i = 0; i < run.length; i++) {
        const first = run[i]!.pos;
        if (first === Pos.Of || (first === Pos.Function && !(i + 1 < run.length && glued.has(run[i + 1]!.text)))) continue;
        for (let n = 1; n <= MAX_TERM_WORDS && i + n <= run.length; n++) {
          const last = run[i + n - 1]!.pos;
          if (last === Pos.Function) {
            if (n === 1) continue;
            break;
          }
          if (last === Pos.Noun || last === Pos.Gerund) add(run, i, n, inTitle);
        }
      }
    };
    const walk = (stream: Stream, inTitle: boolean) => {
      let run: RunWord[] = [];
      const flush = () => {
        // "of" never ends a run.
        while (run.length && run[run.length - 1]!.pos === Pos.Of) run.pop();
        if (run.length) countRun(run, inTitle);
        run = [];
      };
      for (let i = 0; i < stream.length; i++) {
        const w = stream[i]!;
        const expansion = lowerAcronyms.get(w.text);
        if (expansion) {
          for (const e of expansion) run.push({ key: wordKey(e), text: e, pos: Pos.Noun });
          continue;
        }
        const next = stream[i + 1];
        const inside =
          w.pos === Pos.Noun || w.pos === Pos.Adj || w.pos === Pos.Participle || w.pos === Pos.Gerund ||
          // "of" between two words of a term; a glued function word before its word.
          (w.pos === Pos.Of && run.length > 0 && next !== undefined && next.pos !== Pos.Break && next.pos !== Pos.Function) ||
          (w.pos === Pos.Function && next !== undefined && glued.has(next.text));
        if (!inside || englishStop.has(w.text) && w.pos !== Pos.Of && w.pos !== Pos.Function) {
          flush();
          continue;
        }
        run.push({ key: w.pos === Pos.Function || w.pos === Pos.Of ? w.text : wordKey(w.text), text: w.text, pos: w.pos });
      }
      flush();
    };
    walk(paper.title, true);
    walk(paper.abstract, false);
    for (const [id, [t, b]] of local) {
      entryIds.push(id);
      entryTitle.push(Math.min(t, 65535));
      entryBody.push(Math.min(b, 65535));
      df[id]!++;
      if (t) titleDf[id]!++;
    }
    start[d + 1] = entryIds.length;
  });

  const count = keys.length;
  const words = new Uint8Array(count);
  const nestSum = new Float64Array(count);
  const nestN = new Int32Array(count);
  for (let id = 0; id < count; id++) {
    const p = parts[id]!;
    words[id] = p.length;
    // Each shorter candidate inside this one is nested in it (counted once per containing term).
    const inside = new Set<number>();
    for (let i = 0; i < p.length; i++) {
      for (let n = 1; i + n <= p.length; n++) {
        if (n === p.length) continue;
        const sub = ids.get(p.slice(i, i + n).join(' '));
        if (sub !== undefined) inside.add(sub);
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
  return {
    size: papers.length,
    start,
    ids: Int32Array.from(entryIds),
    title: Uint16Array.from(entryTitle),
    body: Uint16Array.from(entryBody),
    count,
    words,
    df: df.slice(0, count),
    titleDf: titleDf.slice(0, count),
    cvalue,
    independence,
    key: (id) => keys[id]!,
    name: (id) => (plural[id]! * 2 > freq[id]! ? pluralName[id] : singularName[id]) ?? singularName[id] ?? pluralName[id]!,
    rarestZipf: (id) => {
      if (rarest[id]! < 0) rarest[id] = Math.min(...parts[id]!.filter((w) => !englishStop.has(w)).map(zipf));
      return rarest[id]!;
    },
  };
}

/**
 * Words nearly always written after the same function word ("vitro" after "in"): the two are one
 * term, so a candidate must not start between them.
 */
function gluedWords(papers: readonly PaperStreams[]): Set<string> {
  const occurrences = new Map<string, number>();
  const after = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const stream of [paper.title, paper.abstract]) {
      for (let i = 0; i < stream.length; i++) {
        const w = stream[i]!;
        if (w.pos !== Pos.Noun && w.pos !== Pos.Adj) continue;
        occurrences.set(w.text, (occurrences.get(w.text) ?? 0) + 1);
        const prev = stream[i - 1];
        if (prev?.pos === Pos.Function) {
          const m = after.get(w.text) ?? new Map<string, number>();
          m.set(prev.text, (m.get(prev.text) ?? 0) + 1);
          after.set(w.text, m);
        }
      }
    }
  }
  const out = new Set<string>();
  for (const [word, m] of after) {
    const n = occurrences.get(word)!;
    const best = Math.max(...m.values());
    if (n >= 2 && best >= GLUE_SHARE * n && zipf(wordKey(word)) < GLUE_MAX_ZIPF) out.add(word);
  }
  return out;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
