/**
 * A paper page's `lang` (core/language.ts): the abstracts of the non-English fixture are in Russian,
 * German and French (tests/fixtures/real-world/README.md, 13-non-english), those of the CJK fixture in
 * Chinese and Japanese with one English paper (06-search-cjk); English texts are told without franc.
 */
import { describe, expect, test } from 'vitest';
import { languageOf, mostlyEnglish, textWords } from '../../../src/core/language.ts';
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
    expect(mostlyEnglish(textWords('We propose a method for the segmentation of retinal images.'))).toBe(true);
    for (const text of texts('13-non-english')) expect(mostlyEnglish(textWords(text))).toBe(false);
    expect(mostlyEnglish([])).toBe(false);
  });
});
