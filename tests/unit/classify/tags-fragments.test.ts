/**
 * Issue 19, "no tag is a fragment or a word that is not a concept", on a small mixed list written for
 * it (tests/fixtures/fragment-list: ten NLP and ten orthodontics papers). Each fault kind a new-user
 * review found on an unseen list of the real dumps is written here several times: a piece of a
 * hyphenated compound ("art baselines" of "state-of-the-art baselines"), a phrase the list always
 * continues ("extractive question" of "extractive question answering", "sparse mixture" of "sparse
 * mixture of experts", "rapid maxillary" of "rapid maxillary expansion"), a subject with its verb
 * ("results show" of "results show that"), a verb and its object ("examining nociception"), and a
 * modifier alone ("adversarial", which always comes before a noun; "multi-document", "light-force", whose
 * last parts head phrases of their own). The judges below read the text,
 * not the term extractor's counts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { classifyPapers, parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';
import { englishWords } from '../../../src/ingest/classify/terms.ts';
import { Pos } from '../../../src/ingest/classify/term-words.ts';
import { TERM_STOPWORDS as STOPWORDS } from '../../../src/core/english/function-words.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);

const file = 'tests/fixtures/fragment-list/fragment-list.txt';
const papers = ingestSources([{ path: 'x/fragment-list.txt' as SourcePath, bytes: new TextEncoder().encode(readFileSync(file, 'utf8')) }]).papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract }));
const labels = classifyPapers(papers, parsed.taxonomy);
const tags = [...new Set(papers.flatMap((p) => labels.get(p.id)!.tags))];
/** The list's text in lower case, singular and plural kept apart. */
const text = papers.map((p) => `${p.title}. ${p.abstract}`).join('\n').toLowerCase();

/** What follows each occurrence of `tag` (plural -s allowed) in the text: the next word, or '' at punctuation. */
function after(tag: string): string[] {
  const re = new RegExp(`(?<![\\p{L}-])${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}])( ?)([\\p{L}-]*)`, 'gu');
  return [...text.matchAll(re)].map((m) => (m[1] ? m[2]! : ''));
}

describe('tags of a two-field list written with fragments in mind', () => {
  test('twenty papers, each tagged', () => {
    expect(papers).toHaveLength(20);
    for (const p of papers) expect(labels.get(p.id)!.tags.length, p.title).toBeGreaterThan(0);
  });

  test('a hyphenated word with a function word inside is read whole ("state-of-the-art baselines", not "art baselines")', () => {
    const words = englishWords('Our reader beats state-of-the-art baselines and out-of-the-box readers.').map((w) => w.text);
    expect(words).toContain('state-of-the-art');
    expect(words).toContain('out-of-the-box');
  });

  test('a count before a hyphen is no part of the term that follows ("2-jaw orthognathic surgery" gives "orthognathic surgery")', () => {
    const words = englishWords('Airway changes after 2-jaw orthognathic surgery in 3-year-old children, a 10-fold gain.');
    const at = words.findIndex((w) => w.text === 'orthognathic');
    // The count is one break before the term: no candidate can start at "jaw".
    expect(words[at - 1]).toEqual({ text: '2-jaw', pos: Pos.Break });
    expect(words.map((w) => w.text)).toContain('3-year-old');
    expect(words.map((w) => w.text)).toContain('10-fold');
    expect(words.map((w) => w.text)).not.toContain('jaw');
  });

  test('no tag starts inside a hyphenated word ("art baselines")', () => {
    for (const tag of tags) expect(text, tag).not.toMatch(new RegExp(`-${tag.split(' ')[0]}\\b`));
  });

  test('no tag is nearly always continued by one same word (a piece of a longer term)', () => {
    for (const tag of tags) {
      const next = after(tag);
      const counts = new Map<string, number>();
      for (const w of next) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
      const top = Math.max(0, ...counts.values());
      expect(next.length >= 2 && top >= 0.75 * next.length, `${tag} followed by ${[...counts.keys()]}`).toBe(false);
    }
  });

  test('no tag ends in a verb: it does not run into "that" or "the" ("results show")', () => {
    for (const tag of tags) {
      const next = after(tag);
      expect(next.filter((w) => w === 'that' || w === 'the').length * 2 >= next.length && next.length > 0, tag).toBe(false);
    }
  });

  test('no tag opens with a verb\'s -ing form taking an object ("examining nociception")', () => {
    // The list writes "examining" only as a verb ("Examining nociception, we ...").
    for (const tag of tags) expect(tag, tag).not.toMatch(/^examining\b/);
  });

  test('no tag is a hyphenated word that only ever modifies the next word, though its last part heads phrases ("multi-document", "light-force")', () => {
    // "every document", "orthodontic force" end phrases; "multi-document readers", "light-force aligners" never do.
    expect(tags).not.toContain('multi-document');
    expect(tags).not.toContain('light-force');
  });

  test('no tag is a single word that only ever modifies the next word ("adversarial")', () => {
    // A modifier is never followed by punctuation or a function word; a noun is ("calibration of", "nociception.").
    const modifier = (next: string[]) => next.length > 0 && next.every((w) => w !== '' && !STOPWORDS.has(w));
    for (const tag of tags.filter((t) => !t.includes(' '))) expect(modifier(after(tag)), `${tag} always before a content word`).toBe(false);
  });
});
