/**
 * Names for discovered topics, from the terms their papers share and other topics' papers do not:
 * class-based TF-IDF (c-TF-IDF, Grootendorst 2022, the naming step of BERTopic). The candidates are
 * the papers' own tags, so a name is a domain term the tagger already judged worth browsing by, and a
 * candidate only counts where it is written in a paper's title or abstract, so every name describes
 * papers of its topic, never a concept the taxonomy merely implies. Each candidate, best first, is
 * read where its papers write it and made the whole noun phrase a librarian would write, or refused
 * (name-phrase.ts: never a cut phrase, never an everyday word alone); two terms are joined as "A &
 * B" only when most papers of the second also carry the first. A candidate weighs more the more alike
 * the papers that write it are (topical coherence: a domain term, not a general academic noun), and
 * no name repeats the words of another with some added ("Large Language Models" beside "Language Models").
 * Phrases that most of a topic's papers write are candidates too, though no tag holds them
 * (`sharedPhrases`): a tag sets a paper apart, a name says what papers share.
 */
import { TAG_NAME_MINOR } from '../../core/english/function-words.ts';
import { naiveSingular } from '../../core/english/inflection.ts';
import { titleCaseTag } from '../../core/english/title-case.ts';
import type { Corpus, PaperText } from './corpus.ts';
import { isEveryday, librarianName, MAJORITY } from './name-phrase.ts';
import { phraseKey } from './tokenize.ts';
import { meanPairwise } from './coherence.ts';
import type { Vectors } from './vectors.ts';

/** A phrase names a concept more often than a single word does (measured on the seeds: "Speech Recognition" over "Speech"). */
const PHRASE_WEIGHT = 1.5;
/**
 * A second term joins the name ("Exoplanets & Transit Photometry") only when it is nearly as typical
 * and most of the papers that carry it also carry the first: two facets of one subject, never two
 * unrelated labels. Chosen by reading the names on the seeds and the real dumps.
 */
const SECOND_SCORE = 0.7;
/**
 * c-TF-IDF weighs a term by its frequency in the group; here by the share of the group's papers that
 * write it, squared, so a name describes most of its papers rather than a few with a rare term
 * (measured on the real dumps: with the plain share, "Diffusion Models" named 68 NLP papers of which
 * 7% mention diffusion; squared, names cover 22-95% of their topic's papers, median about 50%).
 */
const COVERAGE_POWER = 2;
/** A term of one paper only names its group only when no shared term does. */
const SINGLE_PAPER = 0.01;
const SECOND_OVERLAP = 0.6;
/**
 * In a topic of two or three papers any two terms of one paper co-occur, so only larger topics get a
 * two-term name ("Text Generation & Privacy", "Chronic Insomnia & Severe Phenotype" on gold-cross).
 */
const PAIR_MIN_PAPERS = 5;
/**
 * Candidates read in context per topic (name-phrase.ts), best c-TF-IDF first: each costs a few
 * part-of-speech taggings of short windows, about 1 ms.
 */
const SHAPED_CANDIDATES = 25;
/** A name should be written by at least this share of its topic's papers (preferred, not required). */
const NAME_COVERAGE = 0.5;

/**
 * One name per group. `groupOf[d]` is paper d's group (0 … groups − 1, or −1 for none); `tagNames[d]`
 * its tags. Names are title-cased, distinct, and never empty ("Topic N" only when a group's papers
 * share no term at all). `reserved` names are taken already (taxonomy topics). `isTerm` says whether
 * a phrase (as written, lowercase) is a term, for the phrases a topic's papers share beyond their
 * tags (`sharedPhrases`); without it only tags name topics.
 */
export function nameGroups(
  corpus: Corpus,
  texts: readonly PaperText[],
  groupOf: Int32Array,
  groups: number,
  tagNames: readonly (readonly string[])[],
  reserved: ReadonlySet<string>,
  vectors?: Vectors,
  isTerm: (phrase: string) => boolean = () => false,
): string[] {
  const n = corpus.size;
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let d = 0; d < n; d++) if (groupOf[d]! >= 0) members[groupOf[d]!]!.push(d);
  // Candidate phrase ids, and which papers contain each (written, not implied).
  const candidate = new Map<number, string>();
  for (let d = 0; d < n; d++) {
    if (groupOf[d]! < 0) continue;
    for (const name of tagNames[d]!) {
      const id = phraseOf(corpus, name);
      // Named as the papers write it most often, so the name's words are in them.
      if (id !== undefined && nameable(name) && nameable(corpus.surface(id)) && !candidate.has(id)) candidate.set(id, corpus.surface(id));
    }
  }
  // Phrases most of a topic's papers share, though no tag holds them; a tag is a term the tagger
  // judged worth browsing by, so such a phrase weighs as a one-word tag does (no PHRASE_WEIGHT):
  // with it, "Employment Effects" named the two papers tagged "minimum wage" (a tie, broken by the alphabet).
  // Nor is such a phrase a name's second term: "Open-Domain Dialogues & Experimental Results" (gold-cross,
  // empty taxonomy) joined a phrase most papers of any topic write to the topic's term.
  const untagged = new Set<number>();
  for (const [id, surface] of sharedPhrases(corpus, members, isTerm)) {
    if (candidate.has(id)) continue;
    candidate.set(id, surface);
    untagged.add(id);
  }
  const papersWith = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    if (groupOf[d]! < 0) continue;
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      if (!candidate.has(p)) continue;
      const list = papersWith.get(p);
      if (list) list.push(d);
      else papersWith.set(p, [d]);
    }
  }
  const average = n / Math.max(1, groups);
  const coherence = topicalCoherence(vectors, papersWith);
  const taken = new Set([...reserved].map((r) => r.toLowerCase()));
  const order = members.map((_, g) => g).sort((a, b) => members[b]!.length - members[a]!.length || a - b);
  const names = new Array<string>(groups).fill('');
  for (const g of order) {
    const own = members[g]!;
    const inGroup = new Map<number, number[]>();
    for (const [p, ds] of papersWith) {
      const mine = ds.filter((d) => groupOf[d] === g);
      if (mine.length) inGroup.set(p, mine);
    }
    const scored = [...inGroup]
      .map(([p, ds]) => {
        const share = ds.length / own.length;
        const weight =
          (ds.length > 1 || own.length === 1 ? 1 : SINGLE_PAPER) * share ** COVERAGE_POWER * Math.log(1 + average / corpus.df[p]!) * (corpus.words[p]! > 1 && !untagged.has(p) ? PHRASE_WEIGHT : 1) * coherence(p);
        return { p, name: candidate.get(p)!, papers: ds, weight };
      })
      .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
    let name = '';
    // Each candidate as the whole noun phrase its papers write (null: not a name, see name-phrase.ts);
    // a topic none of whose candidates reads as a name in two papers' words takes one paper's words.
    // Candidates written by at least half the topic's papers come first (a name describes most of
    // its papers), then the rest; within each, extensions two papers agree on, then one paper's.
    const covering = scored.slice(0, SHAPED_CANDIDATES).filter((s) => s.papers.length >= NAME_COVERAGE * own.length);
    const rest = scored.slice(0, SHAPED_CANDIDATES).filter((s) => s.papers.length < NAME_COVERAGE * own.length);
    const beyond = scored.slice(SHAPED_CANDIDATES);
    // Last, a term its papers write with the commonest modifier, though most do not ("clauses" of
    // "subordinate clauses" and "relative clauses").
    // Then any candidate with its commonest extension, before a tag is taken as it stands: a tag
    // unshaped may be cut from a longer term ("Math Word" of "math word problems").
    for (const [pool, minAgreeing, majority] of [[covering, 2, MAJORITY], [covering, 1, MAJORITY], [rest, 2, MAJORITY], [rest, 1, MAJORITY], [beyond, 1, MAJORITY], [covering, 1, 0], [[...rest, ...beyond], 1, 0]] as const) {
      const shaped = new Map<(typeof scored)[number], string | null>();
      const shape = (s: (typeof scored)[number]): string | null => {
        if (!shaped.has(s)) shaped.set(s, librarianName(s.name, s.papers.map((d) => texts[d]!), minAgreeing, majority));
        return shaped.get(s)!;
      };
      for (const first of pool) {
        const title = shape(first);
        if (!title || clashes(title, taken)) continue;
        name = title;
        const second = scored.slice(0, SHAPED_CANDIDATES).find(
          (s) =>
            own.length >= PAIR_MIN_PAPERS &&
            s !== first &&
            !untagged.has(s.p) &&
            s.weight >= SECOND_SCORE * first.weight &&
            !sharesWord(s.name, first.name) &&
            s.papers.filter((d) => first.papers.includes(d)).length >= SECOND_OVERLAP * s.papers.length &&
            shape(s) !== null &&
            !sharesWord(shape(s)!.toLowerCase(), title.toLowerCase()),
        );
        // One joiner across the list: the taxonomy's names join with "&" ("Speech & Audio").
        const pair = second && `${title} & ${shape(second)}`;
        if (pair && !clashes(pair, taken)) name = pair;
        break;
      }
      if (name) break;
    }
    // No candidate reads as a name: the best one as the tags write it, one that is not everyday English if any.
    for (const first of name ? [] : [...scored.filter((s) => !isEveryday(s.name)), ...scored.filter((s) => isEveryday(s.name))]) {
      const title = titleCaseTag(first.name);
      if (clashes(title, taken)) continue;
      name = title;
      break;
    }
    if (!name) for (let i = 1; !name || taken.has(name.toLowerCase()); i++) name = `Topic ${i}`;
    taken.add(name.toLowerCase());
    names[g] = name;
  }
  return names;
}

/**
 * Phrases of two or more words that at least half of a topic's papers (two at least) write, though
 * their tags need not hold them: a name is what the papers share, and a paper's 3-6 tags are what sets
 * it apart. On lists the product had never seen (session 14: astrophysics, linguistics, economics,
 * ecology), the papers of a topic wrote "coral reefs", "relative clauses", "exchange rates", and no
 * paper's tags held them; the topics were named "Consecutive Years", "Constraints", "Area Sovereign
 * Debt Crisis", after one paper's tag or a word both fields use. Single words are left to the tags:
 * a word most of a topic's papers write is mostly an academic one ("constraints", "estimates"). A
 * phrase must be a term by the term extractor's filters (`isTerm`, term-filters.ts phraseTerm: a
 * noun phrase, no free modifier, no generic head) and not everyday by naming's own bar
 * (`isEveryday`): without the filters "Experimental Results", "Promising Progress" and "Class II"
 * named topics of gold-cross with an empty taxonomy. Phrase id → its commonest surface form.
 */
function sharedPhrases(corpus: Corpus, members: readonly (readonly number[])[], isTerm: (phrase: string) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  for (const own of members) {
    if (own.length < 2) continue;
    const need = Math.max(2, Math.ceil(NAME_COVERAGE * own.length));
    const count = new Map<number, number>();
    for (const d of own) {
      for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
        const p = corpus.ids[i]!;
        if (corpus.words[p]! > 1 && corpus.df[p]! >= need) count.set(p, (count.get(p) ?? 0) + 1);
      }
    }
    for (const [p, c] of count) {
      if (c < need || out.has(p)) continue;
      const surface = corpus.surface(p);
      if (nameable(surface) && !isEveryday(surface) && isTerm(surface)) out.set(p, surface);
    }
  }
  return out;
}

/**
 * The corpus phrase of a tag, or of its longest ending the corpus counts (its phrases are shorter
 * than the longest tags): "non-small cell lung cancer" → "lung cancer", which librarianName
 * completes again where the papers write it. On the MEDLINE dump, six of ten papers of a topic
 * carried that tag and none could name the topic ("Alpha-Folate Receptors", from one paper, did).
 */
function phraseOf(corpus: Corpus, name: string): number | undefined {
  const words = phraseKey(name).split(' ');
  for (let i = 0; i < words.length; i++) {
    const id = corpus.idOf(words.slice(i).join(' '));
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * Whether a name is taken, or nearly: its words (singular, small words aside) contain or are
 * contained in those of a name taken already. "Large Language Models" beside "Language Models", or
 * "Pretrained Language Model", does not tell a reader which topic is which (real dumps: 131 and 106
 * NLP papers under those two names).
 */
export function clashes(name: string, taken: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  if (taken.has(lower)) return true;
  const mine = conceptWords(lower);
  for (const other of taken) {
    const theirs = conceptWords(other);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    if (shared === mine.size || shared === theirs.size) return true;
  }
  return false;
}

/** A name's words, lowercase and singular (a hyphenated compound is one word), without the small words that join them. */
function conceptWords(name: string): Set<string> {
  return new Set(
    name
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((w) => w && !TAG_NAME_MINOR.has(w))
      .map(naiveSingular),
  );
}

/**
 * A candidate's topical coherence (coherence.ts: the mean pairwise cosine of the list's papers that
 * write it, over the list's), to the power COHERENCE_POWER; 1 without vectors. A domain term's
 * papers are about one thing ("machine translation" 4.5, "lung cancer" 16 on the real dumps); a
 * general academic noun's are about anything ("participants" 2.0, "datasets" 1.3, "benchmark" 1.4),
 * and it names nothing in particular. At most COHERENCE_SAMPLE papers of a term are read.
 */
function topicalCoherence(vectors: Vectors | undefined, papersWith: ReadonlyMap<number, readonly number[]>): (p: number) => number {
  if (!vectors) return () => 1;
  const dense = new Float64Array(vectors.dims);
  const all = Array.from({ length: vectors.size }, (_, d) => d);
  const baseline = meanPairwise(vectors, all.length > COHERENCE_SAMPLE ? all.filter((d) => d % Math.ceil(all.length / COHERENCE_SAMPLE) === 0) : all, dense);
  const cache = new Map<number, number>();
  return (p) => {
    let c = cache.get(p);
    if (c === undefined) {
      const ds = papersWith.get(p) ?? [];
      const mean = meanPairwise(vectors, ds.length > COHERENCE_SAMPLE ? ds.slice(0, COHERENCE_SAMPLE) : ds, dense);
      c = ds.length > 1 && baseline > 0 && mean > 0 ? (mean / baseline) ** COHERENCE_POWER : 1;
      cache.set(p, c);
    }
    return c;
  };
}
/**
 * Chosen by reading the names (names only; ARI unchanged): at 1 rare terms of two similar papers won
 * ("Lottery Ticket Hypothesis" for 46 seed papers on quantization and pruning, "Δ-Opioid Receptor"
 * for 36 on peptides); at 0.5 the real dumps' "Participants", "Induction", "Diptera" became "Blood-Brain
 * Barrier", "Coreference Resolution", "Leishmaniasis"; at 0.3 "Induction" stayed.
 */
const COHERENCE_POWER = 0.5;
const COHERENCE_SAMPLE = 400;

/** Adjectives, participles and adverbs qualify a concept; on their own they make poor topic names. */
export function nameable(tag: string): boolean {
  const last = tag.slice(tag.lastIndexOf(' ') + 1);
  if (tag.includes(' ') || tag.includes('-')) return !/(ly|ed)$/.test(last);
  return tag.length >= 4 && !/(ful|ous|ive|ic|al|ary|ent|ant|ing|ed|ly|able|ible|less)$/.test(tag);
}

/** Whether two terms share a word, or two words with a common stem of STEM letters ("regulates", "regulation"). */
function sharesWord(a: string, b: string): boolean {
  const stems = new Set(a.split(/[ -]/).filter((w) => w.length > 3).map((w) => w.slice(0, STEM)));
  return b.split(/[ -]/).some((w) => w.length > 3 && stems.has(w.slice(0, STEM)));
}
/** Letters of a crude stem: English inflection and derivation rarely change the first six. */
const STEM = 6;
