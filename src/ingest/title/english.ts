/**
 * Title candidates for an English abstract, best first, each a phrase the abstract itself uses:
 * 1. what the paper contributes — the object of "we propose / introduce / present …", with its
 *    name ("We propose X, a …", "… framework (IAG)") in front: "IAG: Induction-Augmented
 *    Generation Framework for Implicit Reasoning";
 * 2. what it studies — "we evaluate object hallucination in LVLMs" → "Evaluating Object
 *    Hallucination in LVLMs"; a structured abstract's aim ("OBJECTIVE: To estimate …") likewise;
 * 3. what it found, as a statement — "we show that X promotes Y in Z" (title/finding.ts), the usual
 *    form of a biomedical title where nothing is proposed;
 * 4. the subject of the opening sentence, which names the field or the task.
 * A phrase without a task gets the task the abstract opens with ("… for Aspect Sentiment Triplet
 * Extraction"); one that leaves out the word the abstract repeats most gets the phrase holding it
 * (subtitle.ts). An aim of looking at something is titled as a nominal ("Effect of X on Y").
 * Phrases come from part-of-speech chunks (chunk.ts), so they are never cut mid-way.
 */
import { gerund } from '../../core/english/inflection.ts';
import { DEICTIC, nounPhrase, nounPhraseWithAttachments, type Phrase } from './chunk.ts';
import { join, tagEach, type Token } from './pos.ts';
import type { SentenceTags } from '../english-tagger.ts';
import { definitions, expansion, ownName, spellOut } from './acronyms.ts';
import { contextDefects, mendColon } from './context-defects.ts';
import { MAX_TITLE_WORDS } from './defects.ts';
import { expectedTitleWords, keyness, stem, wordCounts, type WordWeight } from './keyness.ts';
import { capitalise, openingTask, overlaps, phrasesIn, phraseText, subjectPhrase, words } from './phrases.ts';
import { FINDING, finding } from './finding.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { RELATION_CLAUSE, relation } from './relation.ts';
import { withSubtitle } from './subtitle.ts';

/** Verbs whose object is the paper's contribution. */
const CONTRIBUTE = new Set(['propose', 'introduce', 'present', 'develop', 'design', 'build', 'construct', 'create', 'release', 'devise', 'formulate', 'offer', 'provide', 'describe', 'contribute', 'curate', 'collect', 'establish', 'derive', 'put', 'unveil', 'compile', 'annotate']);
/** Verbs of means: "we use X to Y" is about Y. Read only among EXAMINE's verbs, so each is one of them too. */
const MEANS = new Set(['use', 'apply', 'leverage']);
/** Tokens read past a means' object for its "to <verb>" (past 40 million children and their parents). */
const PURPOSE_REACH = 12;
/** Verbs whose object is what the paper examines; the title is their gerund phrase. */
const EXAMINE = new Set(['study', 'investigate', 'explore', 'analyze', 'analyse', 'examine', 'evaluate', 'assess', 'revisit', 'benchmark', 'characterize', 'characterise', 'measure', 'quantify', 'compare', 'probe', 'address', 'tackle', 'estimate', 'determine', 'identify', 'improve', 'test', 'model', 'predict', 'detect', 'leverage', 'extend', 'enhance', 'use', 'apply', 'examine', 'survey', 'review', 'explain', 'understand', 'mitigate', 'reduce', 'learn']);
/**
 * Verbs of looking: "to assess the effect of X on Y" is titled "Effect of X on Y", the nominal form
 * real titles use (3 of the 150 MEDLINE titles open with a gerund; the derived ones did 40 times).
 * acl-bare 0.391 → 0.392, MEDLINE 0.275 → 0.276; verbs that change things (improve, reduce) keep theirs.
 */
const LOOK = new Set(['study', 'investigate', 'explore', 'analyze', 'examine', 'assess', 'evaluate', 'determine', 'characterize', 'characterise', 'quantify', 'measure', 'estimate', 'identify', 'describe', 'report']);
/** A sentence that may hold a reading: one of the verbs above in any form, a survey noun, or an aim. */
const READING_VERB = new RegExp(String.raw`\b(?:${[...new Set([...CONTRIBUTE, ...EXAMINE, ...FINDING].map((v) => v.replace(/e$|y$/, '')))].join('|')}|overview|to \w)`);
/** A survey says so early (sentences 1–5 in the seed list's three surveys); "we conclude with a survey of …" is not one. */
const SURVEY_SENTENCES = 6;
/** The contribution verbs in any form. */
const CONTRIBUTION_VERB = new RegExp(String.raw`\b(?:${[...CONTRIBUTE].map((v) => v.replace(/e$|y$/, '')).join('|')})`);
/** Verbs that state an aim anywhere before its "to"; nouns only close to it ("the objective of this study was to"). */
const AIM_VERB = /\b(?:aim|aimed|aims|seek|sought|propose|attempt|try|strive|set out)\b/i;
const AIM_NOUN = /\b(?:objective|purpose|goal)\b/i;
const AIM_REACH = 6;
/** Nouns that make the paper a survey. */
const SURVEY = new Set(['overview', 'survey', 'review', 'surveys', 'reviews']);
/** Subjects that are the paper speaking. */
const SELF = /^(?:we|this (?:paper|work|study|article|note|report|survey|review|research|thesis)|the present (?:study|work|paper)|here we|in this (?:paper|work|study|article),? we|our (?:study|work|paper)|(?:our|these) (?:results|data|findings))$/i;
/** Sentences read: contribution statements come early; this bounds the tagging cost. */
const SENTENCES_READ = 10;
/** Prepositional phrases read after an object ("a corpus for X of Y in Z"). */
const OBJECT_ATTACHED = 3; // 2 → 3: acl-bare content-word share 0.374 → 0.381 (4 measures the same)
/**
 * Where a reading can start: the paper speaking, or an aim. Only the text from here to the end of
 * the sentence is tagged, which halves the tagging cost (0.55 → 0.25 ms an abstract on acl-bare).
 */
const TRIGGER = /\b(?:we|this (?:paper|work|study|article|note|report)|(?:the )?present (?:study|work)|our (?:study|work|paper)|(?:our|these) (?:results|data|findings)|(?:aims?|aimed|objectives?|purpose|goals?) (?:\w+ ){0,4}?to|(?:overview|survey|review) (?:of|on))\b|^To /gi;
/** Characters tagged before a trigger: enough for "a comprehensive" before "overview of". */
const LOOK_BEHIND_CHARS = 30;
/**
 * Any other noun phrase starts this far behind, so it wins only where no reading does or where it
 * carries far more of the abstract's recurring words: −1 → −2 cost acl-bare 0.005 in content-word
 * share and restored 3 of the seed list's titles.
 */
const PHRASE_PRIOR = -2;
/**
 * How much a reading's kind is worth, before its words: a contribution names the paper best. A
 * finding ("we show that X promotes Y") ranks with an examination: 1–2.5 measure within 0.003 on
 * acl-bare and MEDLINE, 1.5 best on both.
 */
const KIND_PRIOR = { contribution: 3, aim: 2.5, examination: 1.5, finding: 1.5, subject: 1, task: 0.5, phrase: PHRASE_PRIOR } as const;
/**
 * Sentences with a trigger that are tagged, at most: 3 keeps the cost at about a third of tagging
 * whole abstracts (0.42 ms CPU each on acl-bare) and loses no contribution sentence there.
 */
const TRIGGER_SENTENCES_READ = 3;
/**
 * Characters tagged from a trigger on: a contribution, its name and its purpose fit. On acl-bare,
 * 320 keeps the content-word share of whole sentences (0.384; 240 gives 0.382) at 0.8× their cost.
 */
const READ_CHARS = 320;
/** Characters of the first sentence tagged: its subject and verb fit in 160 on acl-bare and MEDLINE. */
const OPENING_CHARS = 160;
/** Per word (up to 12): of two readings with the same key words, the fuller one says more. */
const LENGTH_BONUS = 0.05;
/** Per sentence before the reading's: the contribution is stated early, a closing survey of other work late. */
const SENTENCE_DECAY = 0.15;

/** Prepositions after which a phrase names what a method is for: "… for aspect sentiment triplet extraction", "… on text-to-SQL". */
const PURPOSE_PREPOSITION = new Set(['for', 'on']);
/**
 * A phrase the abstract does not attach to the reading itself must carry this much more keyness to
 * be added. Swept 0–2 on acl-bare and the seed list: content-word share 0.373 → 0.366 at 1.5, and the
 * seed titles with a phrase that does not belong ("… for Very Different Values") 6 → 4.
 */
const ADDED_PHRASE_PENALTY = 1.5;
/** A reading longer than this gets no phrase added: the title would run past 16 words. */
const MAX_WORDS_BEFORE_TASK = 10;
/** The abstract's phrases tried as a reading's object, best first (2 and 3 measure the same on acl-bare). */
const TASK_PHRASES_TRIED = 2;
/** A name is put in front of a reading of at most this many words, so the title stays within 16. */
const MAX_WORDS_WITH_NAME = 14;
/**
 * The best readings each get their subtitle, and the one then carrying most of the abstract's key
 * words (expectedTitleWords, weighted by KEY_WORDS_WEIGHT against the reading's score) leads. Against
 * subtitling the best reading alone: acl-bare 0.432 → 0.445, MEDLINE 0.336 → 0.341, ACL 2023
 * 0.470 → 0.472, seeds 0.450 → 0.459 at weight 2 (3 readings and weight 1: 0.436, 0.341, 0.469,
 * 0.455; 8 readings measure within 0.003). Weights 2–3 are a plateau on all four lists; 2.5 is its middle.
 * Tried and dropped: a word's chance also by whether the opening or the contribution sentence holds
 * it (better calibrated on all four lists, but the choice it makes measured acl-bare −0.011,
 * ACL 2023 +0.002, MEDLINE +0.008, seeds +0.010: a wash), and names said only once or twice.
 */
const READINGS_SUBTITLED = 5;
const KEY_WORDS_WEIGHT = 2.5;

export interface Candidate {
  title: string;
  /** Which kind of reading made it. */
  kind: keyof typeof KIND_PRIOR;
  /** Prior plus keyness: higher is better. */
  score: number;
}

/**
 * Candidates, best first; empty when the abstract gives nothing a title can be read from. `read`, when given,
 * receives the tags of the sentences read (english-tagger.ts `SentenceTags`).
 */
export function englishCandidates(abstract: string, weight: WordWeight = () => 1, counts = wordCounts(abstract), read?: SentenceTags): Candidate[] {
  const allSentences = splitSentences(abstract);
  const sentences = allSentences.slice(0, SENTENCES_READ);
  const out: Candidate[] = [];
  // The opening's subject is all that is read from it: its first OPENING_CHARS are tagged.
  const first = sentences[0]?.text ?? '';
  const openingText = first.length > OPENING_CHARS ? first.slice(0, first.lastIndexOf(' ', OPENING_CHARS)) : first;
  // Everything to be read is tagged in one call: a call costs more than its sentences (0.3 ms an abstract).
  const chosen: Array<{ sentence: Sentence; text: string }> = [];
  for (const sentence of sentences) {
    TRIGGER.lastIndex = 0;
    const m = TRIGGER.exec(sentence.text);
    if (!m || !READING_VERB.test(sentence.text.slice(m.index).toLowerCase())) continue;
    // A few words before the trigger, for its determiner ("a comprehensive overview of").
    const from = m.index > LOOK_BEHIND_CHARS ? sentence.text.lastIndexOf(' ', m.index - LOOK_BEHIND_CHARS) + 1 : 0;
    const rest = sentence.text.slice(from);
    chosen.push({ sentence, text: rest.length > READ_CHARS ? rest.slice(0, rest.lastIndexOf(' ', READ_CHARS)) : rest });
  }
  // Sentences that state a contribution first ("we propose …" after "we observe …"), then in order.
  const contributes = (c: { text: string }) => (CONTRIBUTION_VERB.test(c.text.toLowerCase()) ? 0 : 1);
  chosen.sort((a, b) => contributes(a) - contributes(b) || a.sentence.index - b.sentence.index);
  chosen.length = Math.min(chosen.length, TRIGGER_SENTENCES_READ);
  // The other sentences are tagged too, in the same call, for the phrases a subtitle may take:
  // a paper's key phrase is often only in its method or results (acl-bare 0.392 → 0.398, MEDLINE
  // 0.277 → 0.306, ACL 2023 0.426 → 0.433, seeds 0.402 → 0.409, subtitles as before).
  const others = allSentences
    .filter((s) => s.index > 0 && !chosen.some((c) => c.sentence.index === s.index))
    .map((s) => s.text);
  if (first.length > openingText.length) others.push(first.slice(openingText.length));
  const [opening = [], ...taggedRest] = tagEach([openingText, ...chosen.map((c) => c.text), ...others], read);
  const taggedChosen = taggedRest.slice(0, chosen.length);
  const taggedOthers = taggedRest.slice(chosen.length);
  let taskPhrase: string | undefined | null = null;
  const task = () => (taskPhrase === null ? (taskPhrase = openingTask(sentences, opening)) : taskPhrase);
  const scored = (title: string, kind: Candidate['kind'], index = 0): Candidate => ({
    title,
    kind,
    score: KIND_PRIOR[kind] + keyness(title, counts, weight) - SENTENCE_DECAY * index + LENGTH_BONUS * Math.min(words(title), 12),
  });
  const add = (title: string, kind: Candidate['kind'], index = 0) => out.push(scored(title, kind, index));
  const tagged: Token[][] = [opening, ...taggedChosen];
  chosen.forEach(({ sentence }, k) => {
    const tokens = taggedChosen[k] ?? [];
    for (const r of readSentence(tokens, sentence)) for (const title of withTask(r, tokens, task)) add(title, r.kind, sentence.index);
  });
  const subject = subjectPhrase(opening);
  if (subject) add(subject, 'subject');
  const t = task();
  if (t && t !== subject) add(t, 'task');
  // Abbreviations spelled out, as titles do ("ASTE" → "Aspect Sentiment Triplet Extraction").
  const defined = definitions(abstract);
  if (defined.size > 0) {
    for (const c of out) c.title = spellOut(c.title, defined);
  }
  // Every other noun phrase of the sentences read, for an abstract that states no contribution
  // ("Hormone treatment …") and to complete a reading too short alone.
  const readings = out.filter((c) => c.kind !== 'subject' && c.kind !== 'task');
  const phrases: Candidate[] = [];
  const phraseTexts: Array<{ text: string; after: string }> = [];
  const purposes: Candidate[] = [];
  for (const tokens of tagged) {
    for (const p of phrasesIn(tokens)) {
      if (p.text === subject || p.text === t) continue;
      phrases.push(scored(p.text, 'phrase'));
      phraseTexts.push(p);
      if (PURPOSE_PREPOSITION.has(p.after)) purposes.push(phrases.at(-1)!);
    }
  }
  out.push(...phrases);
  // A reading without its object of study gets the abstract's most telling purpose phrase:
  // "A Dual-Channel Span Generation Method" + "for Aspect Sentiment Triplet Extraction".
  purposes.sort((a, b) => b.score - a.score);
  for (const r of readings) {
    if (/\bfor\b/i.test(r.title) || words(r.title) > MAX_WORDS_BEFORE_TASK) continue;
    for (const p of purposes.slice(0, TASK_PHRASES_TRIED)) {
      if (overlaps(r.title, p.title) || words(r.title) + words(p.title) >= MAX_TITLE_WORDS) continue;
      const joined = scored(spellOut(`${r.title} for ${p.title}`, defined), r.kind);
      out.push({ ...joined, score: joined.score - ADDED_PHRASE_PENALTY });
    }
  }
  out.sort((a, b) => b.score - a.score);
  // The paper's own name in front of a reading that lacks it: "HalOmi: A Benchmark for …".
  const introducedFrom = chosen[0] ? Math.max(first.length, abstract.indexOf(chosen[0].sentence.text)) : abstract.length;
  const name = ownName(abstract, introducedFrom, defined);
  const best = out[0];
  if (name && best && !best.title.includes(':') && !best.title.includes(name) && !expansion(best.title.split(/\s+/), name, true) && words(best.title) <= MAX_WORDS_WITH_NAME) {
    out.unshift({ title: `${name}: ${best.title}`, kind: best.kind, score: best.score });
  }
  // The abstract's topic, when a reading leaves it out: "…: ERBB2 Amplification". The opening's
  // subject and task are the likeliest topic; then the phrases read, then those of other sentences.
  const opened = [subject, t].flatMap((s) => (s ? [{ text: s, after: '' }] : []));
  const seen = new Set<string>();
  const pool = [...opened, ...phraseTexts, ...taggedOthers.flatMap((tokens) => phrasesIn(tokens))].filter((p) => !seen.has(`${p.after} ${p.text}`) && !!seen.add(`${p.after} ${p.text}`));
  const central = openingTopic(opening);
  let lead: (Candidate & { value: number }) | undefined;
  for (const c of out.slice(0, READINGS_SUBTITLED)) {
    const subtitled = withSubtitle(c.title, pool, counts, weight, central);
    // A subtitle that breaks a rule against the abstract (a repeated word, a weak part) is left off.
    const mended = subtitled && mendColon(spellOut(subtitled, defined), abstract, weight);
    const title = mended && contextDefects(mended, abstract, weight).length === 0 ? mended : c.title;
    const value = c.score + KEY_WORDS_WEIGHT * expectedTitleWords(title, counts, weight);
    if (!lead || value > lead.value) lead = { ...c, title, value };
  }
  // Without a duplicate: the deriver keeps only the first few candidates for its fallbacks.
  if (lead) return [{ title: lead.title, kind: lead.kind, score: lead.score }, ...out.filter((c) => c.title !== lead.title)];
  return out;
}

/**
 * Stemmed nouns of the noun phrase the opening sentence starts with, of any length ("Glioblastoma, the
 * most common primary brain tumor …" → glioblastoma): the abstract's topic, which a subtitle should carry.
 */
function openingTopic(opening: Token[]): Set<string> {
  const start = opening.findIndex((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ');
  const phrase = start >= 0 ? nounPhrase(opening, start) : undefined;
  return new Set((phrase?.tokens ?? []).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map((t) => stem(t.lower)));
}

interface Reading {
  title: string;
  kind: Candidate['kind'];
  /** The phrase names no task yet ("IAG: Induction-Augmented Generation Framework"). */
  needsTask: boolean;
  /** Where the rest of the sentence starts, to look for a purpose there. */
  rest: number;
}

/** Readings of one sentence: "we propose X", "we evaluate X", "to estimate X". */
function readSentence(tokens: Token[], sentence: Sentence): Reading[] {
  const out: Reading[] = [];
  // Infinitives that state what a means is used for: "we use X to describe Y" (index of the verb).
  const purposes = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const surveyed = SURVEY.has(t.lower) && t.pos === 'NOUN' && tokens.slice(Math.max(0, i - 3), i).some((x) => x.lower === 'a' || x.lower === 'an' || x.lower === 'this' || x.lower === 'our');
    if (surveyed && sentence.index < SURVEY_SENTENCES && (tokens[i + 1]?.lower === 'of' || tokens[i + 1]?.lower === 'on')) {
      // A survey's title says so, whatever else it proposes: "a comprehensive overview of X".
      const object = nounPhraseWithAttachments(tokens, i + 2, 2, 11);
      if (object) out.push({ title: `A Survey of ${phraseText(object.tokens.filter((x) => x.lower !== 'a' && x.lower !== 'an'))}`, kind: 'contribution', needsTask: false, rest: object.end });
      continue;
    }
    // After an infinitive's "to" a noun is a verb the tagger missed ("To estimate/NOUN how …").
    const afterTo = t.pos === 'NOUN' && tokens[i - 1]?.lower === 'to' && tokens[i - 1]?.pos === 'PART';
    if (t.pos !== 'VERB' && !afterTo && !(t.pos === 'NOUN' && t.lower === 'present')) continue;
    const lemma = t.lemma === 'analyse' ? 'analyze' : t.lemma;
    const subject = subjectBefore(tokens, i);
    // An aim governs its infinitive closely ("we aim to", "the objective of this study was to"),
    // not from afar ("objective functions that have been used to train …").
    const infinitive = tokens[i - 1]?.lower === 'to' && (sentence.aim || i === 1 || purposes.has(i) || AIM_VERB.test(join(tokens.slice(0, i))) || AIM_NOUN.test(join(tokens.slice(Math.max(0, i - AIM_REACH), i))));
    if (!subject && !infinitive) continue;
    // "we propose to smooth X": what is proposed is the contribution.
    const proposed = infinitive && CONTRIBUTE.has(tokens[i - 2]?.lemma ?? '');
    // "we propose to smooth X": the second verb is read, as an infinitive.
    if (tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.pos === 'VERB') continue;
    if (FINDING.has(lemma) && tokens[i + 1]?.lower === 'that' && !infinitive) {
      const title = finding(tokens, i + 2);
      if (title) out.push({ title, kind: 'finding', needsTask: false, rest: tokens.length });
    } else if (CONTRIBUTE.has(lemma) && !infinitive) {
      const r = contribution(tokens, i + 1);
      if (r) out.push(r);
    } else if ((EXAMINE.has(lemma) || infinitive) && RELATION_CLAUSE.has(tokens[i + 1]?.lower ?? '')) {
      const r = relation(tokens, i + 2);
      if (r) out.push({ ...r, kind: infinitive ? 'aim' : 'examination' });
    } else if (EXAMINE.has(lemma) || infinitive) {
      const object = nounPhraseWithAttachments(tokens, i + 1, OBJECT_ATTACHED, 12, true);
      // "we use administrative records … to describe intergenerational mobility": the means is not
      // the subject; what it is used for is read instead, as an aim.
      const purpose = MEANS.has(lemma) && !infinitive && object ? purposeInfinitive(tokens, object.end) : undefined;
      if (purpose !== undefined) {
        purposes.add(purpose);
        continue;
      }
      if (object && object.tokens.length >= 1) {
        const kind = proposed ? 'contribution' : infinitive ? 'aim' : 'examination';
        if (SURVEY.has(lemma)) {
          // "we survey a range of classical objective functions" → "A Survey of Classical Objective Functions"
          const surveyed = phraseText(object.tokens).replace(/^(?:an? |the )?(?:(?:wide |broad )?(?:range|number|variety|set|family|collection) of )?/i, '');
          out.push({ title: `A Survey of ${surveyed}`, kind, needsTask: !hasAttachment(object), rest: object.end });
        } else {
          const gerundTitle = `${capitalise(gerund(lemma))} ${phraseText(object.tokens)}`;
          // "to assess the effect of X on Y" → "Effect of X on Y": a verb of looking adds nothing a nominal title needs.
          const nominal = object.tokens[0]?.lower === 'the' ? object.tokens.slice(1) : object.tokens;
          if (LOOK.has(lemma) && hasAttachment(object) && nominal.length >= 3 && nominal[0]?.pos === 'NOUN') out.push({ title: phraseText(nominal), kind, needsTask: false, rest: object.end });
          else out.push({ title: gerundTitle, kind, needsTask: !hasAttachment(object), rest: object.end });
        }
      }
    }
  }
  return out;
}

/**
 * Index of the verb of "to <verb>" that follows a means' object in the same clause ("records on the
 * incomes of 40 million children to describe …"), or undefined when a comma or another verb comes first.
 */
function purposeInfinitive(tokens: Token[], from: number): number | undefined {
  for (let k = from; k < tokens.length - 1 && k < from + PURPOSE_REACH; k++) {
    const t = tokens[k]!;
    // Not after an adjective, which takes its own "to" ("bursts localised/ADJ to host/VERB galaxies").
    if (t.lower === 'to' && t.pos === 'PART' && tokens[k + 1]!.pos === 'VERB' && tokens[k - 1]?.pos !== 'ADJ') return k + 1;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return undefined;
  }
  return undefined;
}

/** The subject of the verb at `i` is the paper speaking ("we", "this paper", "here, we also"). */
function subjectBefore(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.lower === 'and' || tokens[k]!.lower === ',')) k--;
  for (let start = Math.max(0, k - 2); start <= k; start++) {
    if (SELF.test(join(tokens.slice(start, k + 1)))) return true;
  }
  // "we first collect X and then propose Y": the subject is further back in the same clause.
  const clause = tokens.slice(Math.max(0, i - 12), i);
  return clause.some((t) => t.lower === 'we') && clause.some((t) => t.lower === 'and') && !clause.some((t) => t.lower === 'that' || t.lower === 'which');
}

/** "X, a Y for Z", "a Y (X) for Z", "a Y called X", "X, which does Z": name and what it is. */
function contribution(tokens: Token[], i: number): Reading | undefined {
  const object = nounPhraseWithAttachments(tokens, i, OBJECT_ATTACHED);
  if (!object) return undefined;
  let k = object.end;
  // "a new model, known as Graph Transformer, that …", "a method called X"
  const at = tokens[k]?.text === ',' ? k + 1 : k;
  const cue = /^(?:called|named|dubbed|termed|coined)$/.test(tokens[at]?.lower ?? '') ? 1 : tokens[at]?.lower === 'known' && tokens[at + 1]?.lower === 'as' ? 2 : 0;
  let called = '';
  if (cue) {
    let n = at + cue;
    while (n < tokens.length && n < at + cue + 4 && /^\p{Lu}/u.test(tokens[n]!.text)) called += (called ? ' ' : '') + tokens[n++]!.text;
    if (called) k = tokens[n]?.text === ',' ? n + 1 : n;
  }
  let name = object.acronym ?? (called || undefined);
  let described = object;
  const isName = object.tokens.length <= 2 && object.tokens.every((t) => t.pos === 'PROPN' || /[A-Z].*[A-Z]|^[A-Z]/.test(t.text)) && object.tokens.some((t) => /[A-Z].*[A-Z]/.test(t.text));
  const appositive = (tokens[k]?.text === ',' || tokens[k]?.text === ':') && (tokens[k + 1]?.lower === 'a' || tokens[k + 1]?.lower === 'an') ? nounPhraseWithAttachments(tokens, k + 1, OBJECT_ATTACHED, 12) : undefined;
  if (!isName && !name && appositive && object.tokens.length <= 4 && !hasAttachment(object)) {
    // "hyper-deep ensembles, a simple procedure that …": the phrase is the name.
    name = join(object.tokens);
    described = appositive;
  } else if (isName) {
    name = join(object.tokens);
    // "X, a Y for Z" or "X: a Y for Z"
    if (appositive) described = appositive;
    else {
      const purpose = purposeAfter(tokens, k);
      const joined = !purpose ? name : /^for /.test(purpose) ? `${name} ${purpose}` : `${name}: ${purpose}`;
      return { title: joined, kind: 'contribution', needsTask: !purpose, rest: k };
    }
  }
  const words = described.tokens;
  const text = phraseText(words);
  if (!text || words.every((t) => t.lower === 'a' || t.lower === 'an')) return undefined;
  const title = name && !text.includes(name) ? `${name}: ${text}` : text;
  return { title, kind: 'contribution', needsTask: !hasAttachment(described), rest: Math.max(described.end, k) };
}

const hasAttachment = (p: Phrase) => p.tokens.some((t) => t.pos === 'ADP' || t.lower === 'to');

/**
 * A purpose stated later in the sentence: "… that utilizes X for implicit reasoning" → "for
 * Implicit Reasoning"; "… to answer implicit questions" → "for Answering Implicit Questions";
 * "…, which induces a graph" → "Inducing a Graph".
 */
function purposeAfter(tokens: Token[], from: number): string | undefined {
  const relative = tokens[from]?.lower === ',' ? from + 1 : from;
  let v = relative + 1;
  while (tokens[v]?.pos === 'ADV') v++; // "a method that substantially improves …"
  const verb = tokens[v];
  // A third-person verb; the tagger reads some as plural nouns ("that enriches/NOUN cross-modal …").
  const finite = !!verb && /[^s]s$/.test(verb.lower) && (verb.pos === 'VERB' || (verb.pos === 'NOUN' && ['DET', 'ADJ', 'NOUN'].includes(tokens[v + 1]?.pos ?? '')));
  if ((tokens[relative]?.lower === 'that' || tokens[relative]?.lower === 'which') && finite) {
    // "a procedure that involves a random search" → "Involving a Random Search"
    const np = nounPhraseWithAttachments(tokens, v + 1, 1, 8, true);
    const base = verb.pos === 'VERB' ? verb.lemma : verb.lower.replace(/(?:(?<=(?:sh|ch|ss|x|z))es|s)$/, '');
    if (np) return `${gerund(base)} ${phraseText(np.tokens)}`;
  }
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.lower === ';' || (t.lower === 'and' && tokens[k + 1]?.pos === 'PRON')) break;
    if (t.lower === 'for' && (t.pos === 'ADP' || t.pos === 'SCONJ')) {
      const gerundPhrase = tokens[k + 1]?.lower.endsWith('ing') && tokens[k + 1]?.pos === 'VERB' ? nounPhrase(tokens, k + 2) : undefined;
      if (gerundPhrase) return `for ${tokens[k + 1]!.text} ${join(gerundPhrase.tokens)}`;
      const np = nounPhrase(tokens, k + 1);
      if (np && !np.tokens.some((x) => DEICTIC.has(x.lower))) return `for ${join(np.tokens.filter((x) => x.lower !== 'a' && x.lower !== 'an'))}`;
    }
    if (t.lower === 'to' && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1]?.lemma !== 'be') {
      const np = nounPhraseWithAttachments(tokens, k + 2, 1, 8, true);
      if (np) return `for ${gerund(tokens[k + 1]!.lemma)} ${join(np.tokens.filter((x) => x.lower !== 'a' && x.lower !== 'an'))}`;
    }
  }
  return undefined;
}

/** Adds the task to a phrase that names none: from the same sentence, else the opening's. */
function withTask(r: Reading, tokens: Token[], task: () => string | undefined): string[] {
  const out = [r.title];
  // A statement is whole: "X Promotes Y in Z" takes no "for <task>".
  if (r.kind === 'finding') return out;
  const purpose = r.needsTask ? purposeAfter(tokens, r.rest) : undefined;
  if (purpose && words(r.title) + words(purpose) <= 14) out.push(`${r.title} ${purpose}`);
  const t = task();
  const base = out.at(-1)!;
  if (t && !overlaps(base, t)) {
    if (words(base) + words(t) <= 13 && !/\bfor\b/i.test(base)) out.push(`${base} for ${t}`);
    else if (words(base) + words(t) <= 14 && !base.includes(':') && !/\bin\b/i.test(base)) out.push(`${base} in ${t}`);
  }
  return out;
}

