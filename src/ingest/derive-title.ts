/**
 * Titles for abstracts that came without one, read from what the paper says it contributes
 * ("We propose IAG, a framework …" → "IAG: Induction-Augmented Generation Framework for Implicit
 * Reasoning"), what it studies, or the task it opens with (title/english.ts); in the abstract's own
 * language when that is not English (title/other-language.ts, language by franc-min). Every title
 * keeps the rules of title/defects.ts, and those it breaks only against its own abstract
 * (title/context-defects.ts, which also mends a colon that cuts one phrase), when any candidate does;
 * titles are unique within a list.
 *
 * Measured by `npm run eval` (scripts/lib/title-eval.ts) against the real titles of EMNLP and
 * MEDLINE abstracts.
 */
import { francLanguage } from '../core/language.ts';
import { titleCase } from '../core/english/title-case.ts';
import { MAX_TITLE_WORDS, titleDefects } from './title/defects.ts';
import { contextDefects, mendColon } from './title/context-defects.ts';
import { englishCandidates } from './title/english.ts';
import { listWeights, type WordWeight } from './title/keyness.ts';
import { otherLanguageTitle } from './title/other-language.ts';
import type { SentenceTags } from './english-tagger.ts';

export { titleCase };

/** Shortest text franc-min is asked about; below it, guesses are noise (franc's own default is 10). */
const LANGUAGE_MIN_CHARS = 60;
/** franc reads this much: 0.46 ms an abstract instead of 1.4 ms for whole ones (acl-bare). */
const LANGUAGE_SAMPLE_CHARS = 400;
/** Candidates kept per abstract, best first: enough for a clean one and for telling duplicates apart. */
const CANDIDATES_KEPT = 6;

/** ISO 639-3 code of the abstract's language; 'eng' when unsure (franc's Scots is English to a reader). */
function languageOf(abstract: string): string {
  const language = francLanguage(abstract.slice(0, LANGUAGE_SAMPLE_CHARS), LANGUAGE_MIN_CHARS);
  return language === 'und' || language === 'sco' ? 'eng' : language;
}

/** `title` keeps every rule, alone and against its abstract. */
function clean(title: string, abstract: string, weight: WordWeight): boolean {
  return titleDefects(title).length === 0 && contextDefects(title, abstract, weight).length === 0;
}

/** Candidate titles for one abstract, best first, each in final form. */
function candidates(abstract: string, weight: WordWeight, counts: Map<string, number>, read?: SentenceTags): string[] {
  const language = languageOf(abstract);
  if (language !== 'eng') {
    const title = otherLanguageTitle(abstract, language);
    if (title) return [title];
  }
  // Candidates come best first; a broken one goes last (checking is lazy: the best usually passes).
  const found = [...new Set(englishCandidates(abstract, weight, counts, read).slice(0, CANDIDATES_KEPT).map((c) => titleCase(mendColon(c.title.replace(/\s+/g, ' ').trim(), abstract, weight))))];
  const firstClean = found.findIndex((t) => clean(t, abstract, weight));
  if (firstClean < 0) {
    // No reading keeps the rules alone (most often: too short); two together may.
    const pairs = found.slice(0, 3).flatMap((a) => found.filter((b) => b !== a && !a.includes(':')).map((b) => `${a}: ${titleCase(b.replace(/^\w/, (c) => c.toUpperCase()))}`));
    const pair = pairs.find((t) => clean(t, abstract, weight));
    return pair ? [pair, ...found] : found;
  }
  return [found[firstClean]!, ...found.slice(0, firstClean), ...found.slice(firstClean + 1)];
}

/** A title for one abstract (see deriveTitles for a list, where titles must also be unique). */
export function deriveTitle(abstract: string): string {
  return deriveTitles([abstract])[0]!;
}

/**
 * A title for each abstract, unique within the list and distinct from `taken` (the list's real
 * titles). A repeated title gets a further phrase of its own abstract ("Large Language Models:
 * Evaluating Object Hallucination"), never a number. `kept[i]`, when given, is abstract i's title from
 * the last ingest, kept unless a real title took it: only the other abstracts are read (the costly part),
 * still weighed against the whole list. `read`, when given, receives the tags of the sentences read, for
 * term extraction (english-tagger.ts `SentenceTags`).
 */
export function deriveTitles(abstracts: readonly string[], taken: Iterable<string> = [], kept: readonly (string | undefined)[] = [], read?: SentenceTags): string[] {
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const used = new Set([...taken].map(key));
  const titles: string[] = new Array(abstracts.length);
  kept.forEach((t, i) => {
    if (t === undefined || used.has(key(t))) return;
    titles[i] = t;
  });
  for (const t of titles) if (t !== undefined) used.add(key(t));
  const { weight, counts } = listWeights(abstracts);
  const lists = abstracts.map((a, i) => (titles[i] === undefined ? candidates(a, weight, counts[i]!, read) : []));
  // Shorter lists choose first: a paper with a single reading should keep it.
  const order = abstracts.flatMap((_, i) => (titles[i] === undefined ? [i] : [])).sort((a, b) => lists[a]!.length - lists[b]!.length || a - b);
  for (const i of order) {
    const list = lists[i]!;
    const free = (t: string) => !used.has(key(t));
    // The first candidate is clean when any is; later ones are checked only when needed.
    const ok = (t: string) => clean(t, abstracts[i]!, weight);
    let title = list.find((t, k) => free(t) && (k === 0 || ok(t)));
    title ??= combined(list, (t) => free(t) && ok(t));
    title ??= list.find(free);
    title ??= fallback(abstracts[i]!, list[0], free);
    used.add(key(title));
    titles[i] = title;
  }
  return titles;
}

/** "First: Second" from two candidates, when that is free and within the word limit. */
function combined(list: string[], free: (t: string) => boolean): string | undefined {
  for (const second of list.slice(1)) {
    const t = `${list[0]}: ${second.replace(/^\w/, (c) => c.toUpperCase())}`;
    if (free(t) && t.split(' ').length <= MAX_TITLE_WORDS && !list[0]!.includes(':')) return t;
  }
  return undefined;
}

/** The title of a paper whose abstract has no words to derive one from (only markup, say). */
export const UNTITLED = 'Untitled paper';

/** The abstract's opening words, cut after a word that is not a function word; last resort. */
function fallback(abstract: string, best: string | undefined, free: (t: string) => boolean): string {
  const words = abstract.replace(/\s+/g, ' ').trim().split(' ');
  for (let n = 8; n <= Math.min(words.length, MAX_TITLE_WORDS); n++) {
    const t = best && n === 8 ? best : titleCase(words.slice(0, n).join(' ').replace(/[.,;:!?]+$/, ''));
    if (free(t) && (t === best || titleDefects(t).length === 0)) return t;
  }
  const t = titleCase(words.slice(0, MAX_TITLE_WORDS).join(' '));
  return t || abstract.trim().slice(0, 80) || UNTITLED;
}
