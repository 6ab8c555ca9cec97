/**
 * A paper's title subjects: the noun phrases its title names and its abstract repeats, given as
 * tags beside the ones the selection chose (tag-select.ts), as long as the paper has room.
 *
 * A title states what a paper is about, and a phrase the abstract takes up again is that subject
 * rather than the author's wording ("Usher syndrome", "angular synchronization", "floor plan
 * recognition", "African languages", "alcohol use disorder"). The selection keeps most of them out:
 * a term of one paper must not be everyday English (term-filters.ts ownTerm, TITLE_TERM_ZIPF),
 * which disease and task names made of everyday words are, and it must compete with shared terms
 * for the paper's three to six places, where one paper's term gives way to reuse. Here it competes
 * with nothing: it is added, so the paper's other tags stay as they were, and the number of tags
 * follows the evidence (annotators give 4.7-5.2 a paper, the selection a median of 3 on gold-cross).
 *
 * Measured first on the tune halves by the match chance of each kind of phrase (a tag raises a
 * paper's F1 when it matches with more than about half its F1, ~0.23): chosen tags 0.50; phrases of
 * one paper written in its title and twice more in its abstract 0.38-0.67, once more 0.12-0.20;
 * phrases written three times in the abstract only 0.10 (gold-80) and 0.36 (gold-cross), so not
 * these.
 *
 * Where the annotators' tags (A and B, tune halves) are lost, session 10, before -> after this module
 * and contribution.ts: (a) written in the paper, contiguously in its title, in its abstract, or
 * word by word; (b) implied, some or none of its words written. gold-80 (399): matched 174 -> 184;
 * (a) title 19 -> 13, abstract 56 -> 55 ("edgeworth expansion", "mixup", "gradient flow"),
 * scattered 45 -> 42; (b) partial 70 -> 70, unwritten 35 -> 35 ("equivariance", "quantization").
 * gold-cross (479): matched 186 -> 206; (a) title 24 -> 16 ("overall survival", "blood-brain
 * barrier"), abstract 69 -> 67 ("dna repair", "alk rearrangement", "bacterial meningitis",
 * "cone-beam computed tomography"), scattered 45 -> 39; (b) partial 76 -> 72, unwritten 79 -> 79
 * ("genome maintenance", "natural products", "review article", "innate immunity", "neuroplasticity").
 *
 * Tag F1 vs A/B (P and R vs A), tune then held-out halves, before -> after (session 10):
 * gold-80 0.448/0.464 (P 0.48 R 0.43), 0.546/0.486 (P 0.62 R 0.51) -> 0.462/0.477 (P 0.49 R 0.45),
 * 0.565/0.507 (P 0.62 R 0.54); gold-cross 0.435/0.418 (P 0.51 R 0.39), 0.438/0.410 (P 0.53 R 0.39)
 * -> 0.444/0.425 (P 0.50 R 0.41), 0.445/0.414 (P 0.51 R 0.41). Tags used by 2+ papers: seeds 77.8 %
 * -> 65.7 %, real dumps 74.1 % -> 58.5 %, gold-cross 51.3 % -> 43.7 % (the annotators 25-35 %);
 * fragment tags (eval) seeds 5 -> 6, real dumps 27 -> 32, all five new ones "continued" by "of" or
 * "over" ("squared norm of", "natural infection of", "partial order over", "scale mixture of").
 * Measured and not kept (tune halves, gold-80 then gold-cross, A/B; before a common noun could open
 * the phrase, which gave 0.458/0.473, 0.444/0.425): at most one a paper
 * 0.458/0.473, 0.443/0.424 (held-out gold-cross 0.436/0.409); only for papers with three tags
 * 0.448/0.464, 0.442/0.423; mentions >= 4 0.452/0.467, 0.448/0.429 (held-out 0.546/0.488,
 * 0.444/0.418); >= 5 0.448/0.464, 0.445/0.426; phrases several papers write too 0.462/0.477,
 * 0.444/0.421 with reuse real dumps 55.8 %; only when no chosen tag is written in the title
 * 0.452/0.463, 0.439/0.421; in place of the paper's last tag no other paper has instead of beside it
 * 0.448/0.464, 0.436/0.417; with the shared-term filters freeModifier and genericHead and cutTerms's
 * pieces, which keep out "floor plan recognition", "historical documents", "reasoning chains":
 * 0.451/0.466, 0.442/0.424.
 *
 * Session 12, not kept: narrower subjects. Annotators pair a tag with a narrower one in 4-5 of the 80
 * gold-80 papers and 12-18 of the 100 gold-cross ones ("knowledge graphs" and "temporal knowledge
 * graphs", "machine translation" and "unsupervised machine translation", "sleep" and "short sleep
 * duration"), which addBeside's overlap rule never gives. A title phrase of 2-4 words that the abstract
 * writes again, a noun phrase as here, added when every tag of the paper it overlaps has a subset of
 * its words: tag F1 vs A/B, tune then held-out halves, gold-80 0.465/0.480, 0.567/0.509 ->
 * 0.466/0.478, 0.575/0.521; gold-cross 0.466/0.452, 0.452/0.430 -> 0.469/0.452, 0.458/0.435 (partly
 * the measure's containment: "temporal knowledge graph" matches whatever "knowledge graphs" does);
 * but distinct tags seeds 545 -> 645, tags used by 2+ papers seeds 66.1 % -> 56.3 %, real dumps
 * 58.1 % -> 46.8 %, gold-cross 43.7 % -> 39.0 %, and fragment tags seeds 5 -> 10, real dumps 21 -> 29
 * (titles' hyphen pieces: "d convolutions" of "1D convolutions", "end speech recognition"). Only
 * phrases other papers write too (reuse 64.7 %, 55.7 %, 43.3 %): gold-80 0.463/0.477, 0.568/0.510,
 * gold-cross 0.467/0.453, 0.453/0.432; only those mentioned three times: 0.465/0.478, 0.569/0.511,
 * 0.465/0.451, 0.454/0.433.
 */
import type { Candidate } from './tag-select.ts';
import { addBeside, MAX_TAGS } from './tag-select.ts';
import type { TermTable } from './terms.ts';
import { titleNounPhrase } from './term-filters.ts';

/** Longest title subject, in words (ownTerm's limit): longer phrases of one paper are clauses or pieces more often ("domain adaptive few-shot misinformation"). */
const MAX_WORDS = 3;
/** Mentions of the phrase in its paper, title included, for it to be a title subject (ownTerm's OWN_MENTIONS). */
const MIN_MENTIONS = 3;
/** Share of a phrase's occurrences outside longer phrases (term-filters.ts MIN_INDEPENDENCE): "deeper graph" of "deeper graph neural networks" is not one. */
const MIN_INDEPENDENCE = 0.35;

export interface TitleSubjectContext {
  readonly terms: TermTable;
  /** A tag would repeat one the paper has (tags.ts overlaps). */
  readonly overlapping: (a: Candidate, b: Candidate) => boolean;
  /** The term may be a tag at all: not a stop tag, not a piece cut from a longer term. */
  readonly allowed: (t: number) => boolean;
}

/**
 * `chosen` (tags per paper, best first) with each paper's title subjects appended after its
 * chosen tags, up to MAX_TAGS, most mentioned first. Pure: returns new arrays.
 */
export function addTitleSubjects(chosen: readonly (readonly Candidate[])[], ctx: TitleSubjectContext): Candidate[][] {
  const { terms } = ctx;
  return chosen.map((tags, d) => {
    const out = [...tags];
    if (out.length >= MAX_TAGS) return out;
    const found: { t: number; mentions: number }[] = [];
    for (let i = terms.start[d]!; i < terms.start[d + 1]!; i++) {
      const t = terms.ids[i]!;
      const mentions = terms.title[i]! + terms.body[i]!;
      if (terms.title[i] === 0 || terms.body[i] === 0 || mentions < MIN_MENTIONS || terms.df[t] !== 1) continue;
      if (terms.words[t]! < 2 || terms.words[t]! > MAX_WORDS || terms.independence[t]! < MIN_INDEPENDENCE) continue;
      if (!ctx.allowed(t) || !titleNounPhrase(terms, t)) continue;
      found.push({ t, mentions });
    }
    found.sort((a, b) => b.mentions - a.mentions || terms.words[b.t]! - terms.words[a.t]! || a.t - b.t);
    for (const { t } of found) addBeside(out, { slot: t, score: 0, backup: false }, ctx.overlapping);
    return out;
  });
}
