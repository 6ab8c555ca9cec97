/**
 * Papers the list's vocabulary does not reach: written in another language than most of the list,
 * and sharing too little with its papers (acronyms, loanwords, formulas, names) for their words to
 * say which field they belong to. Such a paper has a TF-IDF vector orthogonal to nearly every other,
 * so clustering puts it wherever a tie falls: on a 358-paper list of ACL and MEDLINE papers (session
 * 9), a French paper on reinforcement learning for building energy and a German one on fine-tuning
 * language models landed in "Amino Acid Residues", a Russian neural time-series paper and an Arabic
 * machine-translation paper in "Neuroscience & Neurology". A topic of their own that says what they
 * share (their language) tells a reader more than a topic of another field; topics.ts makes it.
 * A paper in another language whose shared words do tie it to the list (an English abstract under a
 * Hebrew title, Latin-script terms) is read with the others.
 */
import { functionWords } from '../../core/english/everyday.ts';
import { paperLanguage, type PaperText } from './corpus.ts';
import type { Vectors } from './vectors.ts';

/**
 * A paper in another language is reached when the share of its vector on the list's shared
 * vocabulary (see `reach`) is at least this times a typical (median) paper's of the list's language.
 * The nearest neighbour's cosine was tried first and is fooled by one coincidence: on the 358-paper
 * mixed list the German paper's one kept phrase was also in one MEDLINE paper (cosine 0.25 against a
 * typical nearest neighbour of 0.20), the French paper met "par" in "on Par with" (0.09). Shares on
 * that list: typical 0.71; Arabic, Russian, German 0; French 0.76 with its function words, 0.09
 * without ("agents", "cent"); the Hebrew-titled paper has an English abstract and is English.
 */
const REACH = 0.25;
/** A feature is the list's shared vocabulary when at least this many papers of the list's language use it. */
const SHARED_BY = 2;

/**
 * The papers (indexes, ascending) the list's vocabulary does not reach, with the ISO 639-1 code of
 * each one's language ('und' when unknown). `phraseOf(f)` is the text of vector feature f. Cost: one
 * pass over the vectors, and a language guess per paper (franc-min, skipped for English text),
 * shared with topic naming.
 */
export function unreachedPapers(texts: readonly PaperText[], vectors: Vectors, phraseOf: (feature: number) => string): { papers: number[]; languages: string[] } {
  const n = texts.length;
  // The guess topic naming makes too (corpus.ts paperLanguage): once per paper.
  const language = texts.map(paperLanguage);
  const counts = new Map<string, number>();
  for (const l of language) counts.set(l, (counts.get(l) ?? 0) + 1);
  const [main, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  // Only a list that has a language: three papers in three languages are not "the others".
  if (main === 'und' || count <= n / 2 || count === n) return { papers: [], languages: [] };
  // Papers of the list's language that use each feature (a phrase of the vectors).
  const users = new Int32Array(vectors.dims);
  for (let d = 0; d < n; d++) if (language[d] === main) for (let i = vectors.start[d]!; i < vectors.start[d + 1]!; i++) users[vectors.ids[i]!]!++;
  // The share of a paper's vector (squared weights, which sum to 1) on features at least
  // SHARED_BY other papers of the list's language use: what its words have in common with the list.
  const reach = (d: number): number => {
    const self = language[d] === main ? 1 : 0;
    // A function word of the paper's own language that the tokenizer kept ("de", "par", "le" of a
    // French abstract) meets names and titles of the others ("on Par with") by chance.
    const small = self ? undefined : functionWords(language[d]!);
    let s = 0;
    for (let i = vectors.start[d]!; i < vectors.start[d + 1]!; i++) {
      const f = vectors.ids[i]!;
      if (users[f]! - self >= SHARED_BY && !(small && (small.has(phraseOf(f)) || phraseOf(f).length < 2))) s += vectors.weights[i]! ** 2;
    }
    return s;
  };
  const own = language.flatMap((l, d) => (l === main ? [reach(d)] : [])).sort((a, b) => a - b);
  const typical = own[Math.floor(own.length / 2)]!;
  const papers: number[] = [];
  const languages: string[] = [];
  for (let d = 0; d < n; d++) {
    if (language[d] === main || reach(d) >= REACH * typical) continue;
    papers.push(d);
    languages.push(language[d]!);
  }
  return { papers, languages };
}

/**
 * A topic name for papers grouped by language: "Papers in German", "Papers in French & German",
 * else "Papers in Other Languages" (English language names, Intl.DisplayNames).
 */
export function languageTopicName(languages: readonly string[]): string {
  const display = new Intl.DisplayNames(['en'], { type: 'language' });
  const names = [...new Set(languages)].map((l) => (l === 'und' ? '' : (display.of(l) ?? ''))).sort();
  if (names.some((x) => !x) || names.length > 2) return 'Papers in Other Languages';
  return `Papers in ${names.join(' & ')}`;
}
