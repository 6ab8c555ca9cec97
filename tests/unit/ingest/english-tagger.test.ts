/**
 * Sentences tagged once for both readers (english-tagger.ts `SentenceTags`): the title reader leaves the
 * tags of the sentences it reads, and term extraction takes them instead of tagging them again. Issue 18
 * asks for the saving with outputs unchanged, so what is asserted is sameness: the shared tags are the tags
 * the whole abstract gets, and the term table is the one made without sharing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deriveTitles } from '../../../src/ingest/derive-title.ts';
import { extractTerms } from '../../../src/ingest/classify/terms.ts';
import { SEPARATOR, tagSentences, tagText, type SentenceTags, type TaggedText } from '../../../src/ingest/english-tagger.ts';
import { tagEach } from '../../../src/ingest/title/pos.ts';

/** The EMNLP 2023 abstracts of the real-dumps fixture, one a line, with no titles (its README). */
const ABSTRACTS = readFileSync('tests/fixtures/real-dumps/acl-bare.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

/** Splits on sentence ends as term extraction does. */
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d(])/u);

/** What term extraction reads of a tagging: texts, tags and types, and where a token is glued to the one before. */
const reading = (t: TaggedText) => ({ texts: t.texts, pos: t.pos, types: t.types, glued: t.spaces.map((s) => s === '') });

describe('tagSentences', () => {
  test('sentences the title reader tagged read as the whole abstract tagged at once', () => {
    let taken = 0;
    for (const abstract of ABSTRACTS.slice(0, 40)) {
      const sentences = sentencesOf(abstract);
      const known: SentenceTags = new Map();
      // The title reader tags some sentences, not all: every other one here.
      tagEach(sentences.filter((_, k) => k % 2 === 1), known);
      const before = known.size;
      const shared = tagSentences(sentences, known);
      taken += before - known.size;
      expect(reading(shared)).toEqual(reading(tagText(sentences.join(' '))));
    }
    expect(taken).toBeGreaterThan(40);
  });

  test('a sentence holding the separator is tagged with the others, not cut apart wrongly', () => {
    const sentences = ['We propose a retrieval model.', `It reads ${SEPARATOR} twice.`, 'Results improve on three benchmarks.'];
    const known: SentenceTags = new Map();
    tagEach([sentences[2]!], known);
    expect(known.size).toBe(1);
    expect(reading(tagSentences(sentences, known))).toEqual(reading(tagText(sentences.join(' '))));
  });
});

describe('extractTerms with the title reader\'s tags', () => {
  test('gives the term table it gives alone, taking the sentences the titles read', () => {
    const known: SentenceTags = new Map();
    const titles = deriveTitles(ABSTRACTS, [], [], known);
    const papers = ABSTRACTS.map((abstract, i) => ({ id: `p${i}`, title: titles[i]!, abstract }));
    const before = known.size;
    const shared = extractTerms(papers, known);
    const alone = extractTerms(papers);
    // Most sentences of these abstracts are read by the titles and again by the terms.
    expect(before - known.size).toBeGreaterThan(before / 2);
    expect(shared.count).toBe(alone.count);
    const all = (t: typeof alone) => Array.from({ length: t.count }, (_, i) => [t.key(i), t.name(i), t.freq[i], t.cvalue[i], t.nounHead[i], t.modifierFirst[i], t.runEnds[i]]);
    expect(all(shared)).toEqual(all(alone));
    expect([...shared.ids]).toEqual([...alone.ids]);
    expect([...shared.start]).toEqual([...alone.start]);
  });
});
