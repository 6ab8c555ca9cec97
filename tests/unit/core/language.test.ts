/**
 * A paper page's `lang` (core/language.ts): the abstracts of the non-English fixture are in Russian,
 * German and French (tests/fixtures/real-world/README.md, 13-non-english), those of the CJK fixture in
 * Chinese and Japanese with one English paper (06-search-cjk); English texts are told without franc.
 */
import { describe, expect, test } from 'vitest';
import { languageOf, mostlyEnglish, sampleWords } from '../../../src/core/language.ts';
import { ingestSources, sourcesIn } from '../../support/ingest-fixtures.ts';

const texts = (dir: string) => ingestSources(sourcesIn(`tests/fixtures/real-world/${dir}/input`)).papers.map((p) => `${p.title}. ${p.body}`);

describe('page language', () => {
  test('Russian, German and French abstracts get their own tags', () => {
    expect(texts('13-non-english').map(languageOf).sort()).toEqual(['de', 'fr', 'ru']);
  });

  test('Chinese and Japanese abstracts get theirs, the English one en', () => {
    expect(texts('06-search-cjk').map(languageOf).sort()).toEqual(['en', 'ja', 'zh']);
  });

  test('only a text of mostly English function words takes the English shortcut', () => {
    expect(mostlyEnglish(sampleWords('We propose a method for the segmentation of retinal images.'))).toBe(true);
    for (const text of texts('13-non-english')) expect(mostlyEnglish(sampleWords(text))).toBe(false);
    expect(mostlyEnglish(sampleWords(''))).toBe(false);
  });

  test('the sample counts the words of /\\p{L}+/u over its lower-cased first 1,200 characters', () => {
    // The definition the scan replaces, over texts with what it must get right: capitals, letters beyond
    // U+0080 and beyond U+FFFF (a surrogate pair), marks and digits between letters, a lone surrogate,
    // 'İ' that lower-cases to 'i' and a combining dot, and a text longer than the sample.
    const byRegex = (text: string) => {
      const words = text.slice(0, 1200).toLowerCase().match(/\p{L}+/gu) ?? [];
      const english = new Set('the of and a an in to is are for with on by this that we from as be our which these it at or'.split(' '));
      return { words: words.length, english: words.filter((w) => english.has(w)).length };
    };
    const tricky = ['THE Of and', 'İstanbul the İİ of', 'naïve the café, œuvre', '𝐀𝐁 the 𝐂 of', 'e\u0301t\u00e9 de la', 'x\ud800y the', 'a1b2 of-the and\'s', `${'the data '.repeat(200)}of`, ''];
    for (const text of [...tricky, ...texts('13-non-english'), ...texts('06-search-cjk')]) expect(sampleWords(text)).toEqual(byRegex(text));
  });
});
