/**
 * Counting the term candidates of each paper of a list (the first half of countTerms, termhood.ts):
 * a paper's word streams are cut into runs of nominal words, and every run's candidates (its
 * sub-runs ending in a noun) are counted in a CandidateTrie, per list and per paper.
 */
import { wordKey } from '../../core/english/everyday.ts';
import { CandidateTrie, WordIds } from './term-trie.ts';
import { Pos, type PaperStreams, type Stream, type Word } from './term-words.ts';

/** Longest candidate, in words: "in vitro fertilization", "large language model" fit; 98 % of gold tags do. */
export const MAX_TERM_WORDS = 4;

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

/** A number as written: "2.5", "1,550", "10-fold". */
const NUMBER = /^\d/;

/** Candidates counted over a list, paper by paper (addPaper in list order). */
export class TermCounter {
  readonly trie = new CandidateTrie();
  readonly words = new WordIds();
  /** Per word id: runs it occurs in, and runs it ends (is the head noun of). */
  readonly wordRuns: number[] = [];
  readonly wordHeads: number[] = [];
  /** Per word id: runs it ends that a clause word (Word.opensClause), or else a verb reading (maybe a misread noun), follows. */
  readonly wordClauses: number[] = [];
  readonly wordVerbEnds: number[] = [];
  /** Per word id: runs it opens right after a number ("sigma" of "2.5 sigma", "kpc" of "30 kpc"). */
  readonly wordAfterNumber: number[] = [];
  /** Per paper, its candidates with their title and abstract counts (the layout of corpus.ts). */
  readonly entryIds: number[] = [];
  readonly entryTitle: number[] = [];
  readonly entryBody: number[] = [];
  /** Candidates the current paper has counted. */
  private readonly touched: number[] = [];
  private readonly glued: ReadonlySet<string>;
  private readonly englishStop: ReadonlySet<string>;

  /** `glued`: function word + word pairs that are one expression (gluedWords); `englishStop` ends runs. */
  constructor(glued: ReadonlySet<string>, englishStop: ReadonlySet<string>) {
    this.glued = glued;
    this.englishStop = englishStop;
  }

  /** Counts one paper's candidates; returns the number of entries counted so far (the paper's end). */
  addPaper(paper: PaperStreams): number {
    const lowerAcronyms = new Map<string, readonly string[]>();
    for (const [a, words] of paper.acronyms) {
      lowerAcronyms.set(a.toLowerCase(), words);
      lowerAcronyms.set(`${a.toLowerCase()}s`, words);
    }
    this.walk(paper, paper.title, true, lowerAcronyms);
    this.walk(paper, paper.abstract, false, lowerAcronyms);
    const trie = this.trie;
    for (const id of this.touched) {
      const t = trie.localTitle[id]!;
      this.entryIds.push(id);
      this.entryTitle.push(Math.min(t, 65535));
      this.entryBody.push(Math.min(trie.localBody[id]!, 65535));
      trie.df[id]!++;
      if (t) trie.titleDf[id]!++;
      trie.localTitle[id] = 0;
      trie.localBody[id] = 0;
    }
    this.touched.length = 0;
    return this.entryIds.length;
  }

  /** Cuts a stream into runs of words a term may hold and counts each run. */
  private walk(paper: PaperStreams, stream: Stream, inTitle: boolean, lowerAcronyms: ReadonlyMap<string, readonly string[]>): void {
    let run: RunWord[] = [];
    let afterNumber = false;
    const flush = (next?: Word) => {
      // "of" never ends a run.
      while (run.length && run[run.length - 1]!.pos === Pos.Of) run.pop();
      for (const w of run) this.wordRuns[w.id] = (this.wordRuns[w.id] ?? 0) + 1;
      if (run.length) {
        const head = run[run.length - 1]!.id;
        this.wordHeads[head] = (this.wordHeads[head] ?? 0) + 1;
        if (next?.opensClause) this.wordClauses[head] = (this.wordClauses[head] ?? 0) + 1;
        else if (next?.verb) this.wordVerbEnds[head] = (this.wordVerbEnds[head] ?? 0) + 1;
        if (afterNumber) this.wordAfterNumber[run[0]!.id] = (this.wordAfterNumber[run[0]!.id] ?? 0) + 1;
        this.countRun(paper, run, inTitle);
      }
      run = [];
    };
    for (let i = 0; i < stream.length; i++) {
      const w = stream[i]!;
      const expansion = lowerAcronyms.get(w.text);
      if (expansion) {
        expansion.forEach((e, k) => this.pushWord(run, e, Pos.Noun, false, k < expansion.length - 1));
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
        (w.pos === Pos.Function && next !== undefined && this.glued.has(`${w.text} ${next.text}`));
      // A verb's -ed form right after a noun is the verb of a clause, its subject before it and its
      // object after ("banks expanded refinancing", "households experienced windfall gains"): the
      // tagger reads it as a verb, and a noun phrase writes such a modifier hyphenated
      // ("drug-induced", "cell-mediated", one word here). It breaks the run as a verb does. Not in a
      // title, a noun phrase whose Title Case words the tagger misreads ("Explicit Pairwise
      // Factorized Graph Neural Network" lost its name).
      const verbAfterNoun = !inTitle && w.pos === Pos.Participle && run[run.length - 1]?.pos === Pos.Noun;
      if (!inside || verbAfterNoun || (this.englishStop.has(w.text) && w.pos !== Pos.Of && w.pos !== Pos.Function)) {
        flush(w);
        continue;
      }
      // A verb's -ing form before an adjective is a verb ("promoting filopodial elongation").
      if (w.pos === Pos.Gerund && run.length === 0 && next !== undefined && (next.pos === Pos.Adj || next.pos === Pos.Participle)) continue;
      if (!run.length) afterNumber = NUMBER.test(stream[i - 1]?.text ?? '');
      const prev = run[run.length - 1];
      const bound = prev !== undefined && prev.pos === Pos.Function && this.glued.has(`${prev.text} ${w.text}`);
      if (w.pos === Pos.Function || w.pos === Pos.Of) run.push({ id: this.words.idOf(w.text), text: w.text, pos: w.pos, bound });
      else this.pushWord(run, w.text, w.pos, bound, false);
    }
    flush();
  }

  /** A content word onto a run, a hyphenated one as its parts. */
  private pushWord(run: RunWord[], text: string, pos: Pos, bound: boolean, inner: boolean): void {
    if (!text.includes('-')) {
      run.push({ id: this.words.idOf(wordKey(text)), text, pos, bound, inner });
      return;
    }
    const parts = text.split('-').filter(Boolean);
    parts.forEach((part, k) => run.push({ id: this.words.idOf(wordKey(part)), text: part, pos, bound: bound || k > 0, inner: inner || k < parts.length - 1, joined: k > 0 }));
  }

  /** Counts the candidates of one run. */
  private countRun(paper: PaperStreams, run: readonly RunWord[], inTitle: boolean): void {
    const trie = this.trie;
    if (paper.wholeRuns) {
      // A title is a noun phrase where an abstract's runs are often clauses, so the abstract
      // only adds mentions of the title's runs.
      if (run.length > MAX_TERM_WORDS) return;
      let node = -1;
      for (const w of run) {
        node = trie.nodeOf(node, w.id);
        trie.seen[node]!++;
      }
      if (inTitle || trie.localTitle[node]! > 0) this.add(run, 0, run.length, node, inTitle);
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
        node = trie.nodeOf(node, w.id);
        trie.seen[node]!++;
        if ((w.pos !== Pos.Noun && w.pos !== Pos.Gerund) || w.inner || (opensWithFunction && n < 3)) continue;
        // After "of" the term runs to the end of the noun phrase: "power of graph" is "power of graph
        // neural networks" cut in half.
        if (withOf && i + n < run.length && NOMINAL.has(run[i + n]!.pos)) continue;
        this.add(run, i, n, node, inTitle);
      }
    }
  }

  /** One occurrence of candidate `id`, the words run[i..i+n). */
  private add(run: readonly RunWord[], i: number, n: number, id: number, inTitle: boolean): void {
    const trie = this.trie;
    const last = run[i + n - 1]!;
    const isPlural = last.text !== this.words.keys[last.id] && !last.text.includes('-');
    if (isPlural) {
      trie.plural[id]!++;
      if (trie.pluralName[id] === undefined) trie.pluralName[id] = joinText(run, i, n);
    } else if (trie.singularName[id] === undefined) trie.singularName[id] = joinText(run, i, n);
    if (trie.written[id] === undefined) {
      let w = 0;
      for (let j = i; j < i + n; j++) if (!run[j]!.joined) w++;
      trie.written[id] = w;
    }
    trie.freq[id]!++;
    if (i + n === run.length) trie.runEnds[id]!++;
    if (last.pos === Pos.Noun) trie.nounHead[id]!++;
    const first = run[i]!.pos;
    const separateFirst = n > 1 && !run[i + 1]!.joined;
    if (separateFirst && (first === Pos.Adj || first === Pos.Participle)) trie.modifierFirst[id]!++;
    if (separateFirst && first === Pos.Gerund) trie.gerundFirst[id]!++;
    if (trie.localTitle[id] === 0 && trie.localBody[id] === 0) this.touched.push(id);
    if (inTitle) trie.localTitle[id]!++;
    else trie.localBody[id]!++;
  }
}

function joinText(run: readonly RunWord[], i: number, n: number): string {
  let s = run[i]!.text;
  for (let j = i + 1; j < i + n; j++) s += (run[j]!.joined ? '-' : ' ') + run[j]!.text;
  return s;
}
