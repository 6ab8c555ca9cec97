/**
 * Tags on a list the shipped taxonomy was not written for (issue 19, "Done when"): the hand-written
 * mixed list of tests/fixtures/mixed-list (ten astrophysics and ten linguistics papers), tagged with
 * the shipped ML taxonomy as a user would. No tag is everyday English, none is a fragment, and the ML
 * taxonomy gives no paper of these fields a tag it does not write. Abstracts in other languages get
 * whole terms of their language or none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { functionWords, wordKey, zipf } from '../../../src/core/english/everyday.ts';
import { classifyPapers, parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import type { ClassifyInput } from '../../../src/ingest/classify/classification.ts';
import { TERM_STOPWORDS as STOPWORDS } from '../../../src/core/english/function-words.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const shipped = parsed.taxonomy;

function papersOf(file: string): ClassifyInput[] {
  const bytes = new TextEncoder().encode(readFileSync(file, 'utf8'));
  return ingestSources([{ path: `x/${file.split('/').pop()}` as SourcePath, bytes }]).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
}

/** Lowercase words, split on anything but letters and digits (hyphen parts apart), plurals made singular as the gold measure does. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.endsWith('ies') && w.length > 4 ? w.slice(0, -3) + 'y' : /(sses|xes|ches|shes)$/.test(w) ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') && w.length > 3 ? w.slice(0, -1) : w));

/** Whether `tag`'s words occur one after another in `text`. */
function written(tag: string, text: string): boolean {
  const t = wordsOf(tag).join(' ');
  return ` ${wordsOf(text).join(' ')} `.includes(` ${t} `);
}

/** The words the issue names as everyday English that nobody browses by. */
const ISSUE_EVERYDAY = ['dependent', 'american', 'males', 'regulates', 'center', 'aware', 'loop', 'late', 'acute', 'healthy', 'acid', 'surveys', 'place', 'thousands', 'soft', 'spaces', 'volume', 'activities'];

describe('tags of a mixed list (astrophysics and linguistics) with the shipped ML taxonomy', () => {
  const papers = papersOf('tests/fixtures/mixed-list/mixed-list.txt');
  const labels = classifyPapers(papers, shipped);
  const tagged = papers.map((p) => ({ p, tags: labels.get(p.id)!.tags }));
  const text = (p: ClassifyInput) => `${p.title} ${p.abstract}`;

  test('twenty papers, each with tags', () => {
    expect(papers).toHaveLength(20);
    for (const { tags } of tagged) expect(tags.length).toBeGreaterThanOrEqual(1);
  });

  test('the ML taxonomy gives no tag a paper does not write (no "medical imaging" on a gamma-ray burst)', () => {
    const vocabulary = new Set(shipped.tags.map((t) => t.name));
    for (const { p, tags } of tagged) for (const tag of tags.filter((t) => vocabulary.has(t))) expect(written(tag, text(p)), `${tag} on "${p.title}"`).toBe(true);
  });

  test('no tag is everyday English: not every word is said ten times per million words (SUBTLEX-US, Zipf ≥ 4)', () => {
    for (const tag of tagged.flatMap((x) => x.tags)) {
      expect(ISSUE_EVERYDAY).not.toContain(tag);
      const words = tag.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOPWORDS.has(w));
      expect(words.every((w) => zipf(wordKey(w)) >= 4), tag).toBe(false);
    }
  });

  test('no tag is a fragment: it is written in its paper, starts and ends with a content word, and is not cut out of a longer term', () => {
    const all = papers.map(text).join(' \n ');
    for (const { p, tags } of tagged) {
      for (const tag of tags) {
        expect(written(tag, text(p)), `${tag} on "${p.title}"`).toBe(true);
        const words = tag.split(/\s+/);
        expect(STOPWORDS.has(words[0]!) || STOPWORDS.has(words[words.length - 1]!), tag).toBe(false);
        // Cut: every occurrence in the list follows one same word that everyday English seldom
        // writes (Zipf < 3), as "cell carcinoma" always follows "squamous". A label ("type Ia
        // supernova", "class II") is not part of the term.
        const before = new Set<string>();
        // A comma or other mark between them parts two phrases ("photometric calibration, host galaxy
        // dust extinction"): the word before it is no part of the term.
        const seq = ` ${all.split(/[,;:()]/).map((part) => wordsOf(part).join(' ')).join(' | ')} `;
        const t = ` ${wordsOf(tag).join(' ')} `;
        for (let at = seq.indexOf(t); at >= 0; at = seq.indexOf(t, at + 1)) before.add(seq.slice(0, at).split(' ').pop()!);
        const [only] = [...before];
        const label = only !== undefined && /^(?:\d+[a-z]?|[ivx]+[abc]?)$/.test(only);
        expect(before.size === 1 && only !== undefined && only !== '|' && !label && !STOPWORDS.has(only) && zipf(wordKey(only)) < 3, `${tag} always after "${only}"`).toBe(false);
      }
    }
  });
});

describe('abstracts in other languages get whole terms of their language or none', () => {
  test('an Arabic paper gets whole runs of its title between function words as tags, never a part of one ("الكبيرة للترجمة الآلية")', () => {
    const papers = papersOf('tests/fixtures/real-world/10-og-rtl-emoji/input/rtl-emoji.txt');
    const arabic = papers.find((p) => /[\u0600-\u06ff]/.test(p.title))!;
    const tags = classifyPapers(papers, shipped).get(arabic.id)!.tags;
    const stop = functionWords('ar');
    const runs = arabic.title.split(/\s+/).reduce<string[][]>((acc, w) => (stop.has(w) ? [...acc, []] : [...acc.slice(0, -1), [...acc[acc.length - 1]!, w]]), [[]]);
    const whole = new Set(runs.map((r) => r.join(' ')));
    for (const tag of tags) expect(whole.has(tag), tag).toBe(true);
    expect(tags).not.toContain('الكبيرة للترجمة الآلية');
    expect(tags).not.toContain('الآلية العربية');
  });

  test('a German abstract gives no clause as a tag ("Ergebnisse deutlich verringern")', () => {
    const papers = papersOf('tests/fixtures/real-world/13-non-english/input/multilingual.txt');
    const tags = [...classifyPapers(papers, shipped).values()].flatMap((l) => l.tags);
    expect(tags).not.toContain('ergebnisse deutlich verringern');
    expect(tags.length).toBeGreaterThan(0);
  });
});

describe('tags of the MEDLINE dump built alone (tests/fixtures/real-dumps/other-field-listing.txt)', () => {
  const papers = papersOf('tests/fixtures/real-dumps/other-field-listing.txt');
  const labels = classifyPapers(papers, shipped);
  const tagged = papers.map((p) => ({ p, tags: labels.get(p.id)!.tags }));
  const all = [...new Set(tagged.flatMap((x) => x.tags))];

  test('the tags a reviewer found are gone: a study\'s participants, a subject cut from its verb\'s object, a metadata label', () => {
    for (const found of ['participants', 'patients undergoing', 'pmid']) expect(all).not.toContain(found);
  });

  test('no tag is a label its paper writes alone before a colon and a number ("[…: PMID: 22828228]")', () => {
    for (const { p, tags } of tagged) for (const tag of tags) expect(`${p.title} ${p.abstract}`.toLowerCase(), tag).not.toMatch(new RegExp(`[[(;:,.]\\s*${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s*\\d`));
  });

  test('a species is one tag: no abbreviated genus ("l. infantum"), and no epithet alone beside the species ("infantum")', () => {
    for (const tag of all) expect(tag, tag).not.toMatch(/^\p{L}\.\s/u);
    // Genus and epithet: two words, the genus capitalized where the list writes them ("Leishmania infantum").
    const text = papers.map((p) => `${p.title} ${p.abstract}`).join(' ');
    // and a word English seldom writes (Zipf < 3: "Leishmania", not "Gene Ontology").
    const species = all.filter((t) => /^\p{L}+ \p{L}+$/u.test(t) && text.includes(t[0]!.toUpperCase() + t.slice(1)) && zipf(wordKey(t.split(' ')[0]!)) < 3);
    for (const tag of all.filter((t) => !t.includes(' '))) expect(species.filter((s) => s.endsWith(` ${tag}`)), tag).toEqual([]);
  });

  test('an abbreviation and its word are one tag ("mir-200" and "microrna-200")', () => {
    const split = (t: string) => /^([\p{L}]+)([-\s].*)$/u.exec(t);
    const clipping = (s: string, l: string) => s.length < l.length && s[0] === l[0] && [...l].reduce((j, c) => (c === s[j] ? j + 1 : j), 0) === s.length;
    for (const a of all) {
      for (const b of all) {
        const [x, y] = [split(a), split(b)];
        if (a === b || !x || !y || x[2] !== y[2]) continue;
        expect(clipping(x[1]!, y[1]!), `${a} beside ${b}`).toBe(false);
      }
    }
  });
});

describe('tags of a field (taxonomy field-tags) go to the papers of that field only', () => {
  // Six clinical trials and ten reinforcement-learning papers, six of which write "randomized controlled trial".
  /** The taxonomy with the trial tag under field-tags (`scoped`) or under tags. */
  const taxonomyText = (scoped: boolean) => {
    const indent = scoped ? '    ' : '  ';
    const entry = [`${indent}randomized controlled trials:`, `${indent}  aliases: [randomized controlled trial]`, `${indent}  implied-by: [randomly assigned]`];
    return [
      'topics:',
      '  - name: Medicine & Health',
      '    field: true',
      '    keywords: [clinical trial, blood pressure, heart failure]',
      '    subtopics:',
      '      - name: Cardiology',
      '        keywords: [heart failure, blood pressure]',
      '      - name: Oncology',
      '        keywords: [breast cancer]',
      'tags:',
      '  reinforcement learning: [deep reinforcement learning]',
      ...(scoped ? ['field-tags:', '  Medicine & Health:', ...entry] : entry),
    ].join('\n');
  };
  const drugs = ['sacubitril', 'spironolactone', 'dapagliflozin', 'empagliflozin', 'vericiguat', 'omecamtiv'];
  const games = ['Atari games', 'robot locomotion', 'board games', 'card games', 'traffic control', 'portfolio trading', 'chip placement', 'drone racing', 'elevator dispatch', 'video compression'];
  const papers: ClassifyInput[] = [
    ...drugs.map((drug, i) => ({
      id: `c${i}`,
      title: `${drug} in patients with heart failure: a randomized controlled trial`,
      abstract: `In this clinical trial, patients with chronic heart failure were randomly assigned to ${drug} or placebo. Blood pressure and heart failure hospitalization were recorded over two years; ${drug} lowered blood pressure and hospitalization for heart failure.`,
    })),
    ...games.map((task, i) => ({
      id: `r${i}`,
      title: `Deep reinforcement learning for ${task}`,
      // Four of them write no phrase of the medical field at all, as most papers of another field.
      abstract:
        i < 6
          ? `We train a deep reinforcement learning agent for ${task} with a policy gradient method. As in a randomized controlled trial, training and evaluation seeds are kept apart; this randomized controlled trial of policies shows the agent's reward rises with the replay buffer size.`
          : `We train a deep reinforcement learning agent for ${task} with a policy gradient method; the agent's reward rises with the replay buffer size and the reinforcement learning policy generalises.`,
    })),
  ];
  const tagsOf = (scoped: boolean, prefix: string) => {
    const taxonomy = parseTaxonomy(taxonomyText(scoped), 'field.yaml');
    if (!taxonomy.ok) throw new Error(taxonomy.error);
    const labels = classifyPapers(papers, taxonomy.taxonomy);
    return papers.filter((p) => p.id.startsWith(prefix)).map((p) => labels.get(p.id)!.tags);
  };

  test('a clinical trial gets the field\'s tag; a reinforcement-learning paper that writes its words does not, as it would were the tag the taxonomy\'s own', () => {
    for (const tags of tagsOf(true, 'c')) expect(tags).toContain('randomized controlled trials');
    for (const tags of tagsOf(true, 'r')) expect(tags).not.toContain('randomized controlled trials');
    // The same entry under tags: the RL papers write the taxonomy's words, and they get it.
    for (const tags of tagsOf(false, 'r').slice(0, 6)) expect(tags).toContain('randomized controlled trials');
  });
});

describe('tags of the real dumps built together (tests/fixtures/real-dumps)', () => {
  const papers = ['acl-bare.txt', 'acl-listing.txt', 'other-field-listing.txt'].flatMap((f) => papersOf(`tests/fixtures/real-dumps/${f}`));
  const labels = classifyPapers(papers, shipped);
  // Case aside: tags keep the case the papers write them ("Wnt signaling", tag-case.ts).
  const all = new Set(papers.flatMap((p) => labels.get(p.id)!.tags.map((t) => t.toLowerCase())));

  test('no tag is a subject cut before its verb ("dataset consisting" of "consisting of", "instances utilizing")', () => {
    for (const clause of ['dataset consisting', 'instances utilizing', 'factors contributing']) expect(all).not.toContain(clause);
  });

  test('a term ending in a word the list also reads as a noun is no clause ("prefix tuning", "wnt signaling", "invariant learning")', () => {
    for (const term of ['prefix tuning', 'wnt signaling', 'invariant learning']) expect(all).toContain(term);
  });
});
