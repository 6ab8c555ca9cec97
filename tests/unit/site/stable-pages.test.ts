/**
 * Paginated lists whose pages stay put when a paper is added (issue #18: a rebuild after adding a dump does work
 * proportional to what changed). With pages of a fixed 50, a paper added near the start of the all-papers list
 * shifted every later page, and all of them were rendered again.
 */
import { describe, expect, test } from 'vitest';
import type { PaperFrontMatter } from '../../../src/core/paper.ts';
import { buildCatalog } from '../../../src/site/lib/catalog.ts';
import { MAX_ITEMS, MIN_ITEMS, stablePages } from '../../../src/site/lib/stable-pages.ts';
import { indexSection, sectionOf, titleSections } from '../../../src/site/lib/title-sections.ts';
import { listPageSignatures } from '../../../scripts/lib/incremental-pages.ts';

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['attention', 'graph', 'learning', 'sparse', 'neural', 'bayesian', 'robust', 'efficient', 'towards', 'on', 'deep', 'a', 'the', 'diffusion', 'language', 'models', 'zero-shot', 'vision', 'kernel', 'xenon', 'quantum', '3d', 'yield'];
const TAGS = ['transformers', 'graphs', 'optimisation', 'vision', 'language models', 'causal inference'];

function entry(rand: () => number, n: number): { id: string; data: PaperFrontMatter } {
  const words = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  const title = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const id = Math.floor(rand() * 2 ** 48).toString(16).padStart(12, '0');
  const tags = TAGS.filter(() => rand() < 0.3);
  return { id: `paper-${n}`, data: { id, title, derivedTitle: false, topic: rand() < 0.5 ? 'Topic One' : 'Topic Two', tags, sources: [{ file: 'content/sources/a.txt', line: n }], aliases: [], related: [] } };
}

const changedPages = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([path, sig]) => before.get(path) !== sig).map(([path]) => path);

describe('stable pages', () => {
  test('pages hold MIN_ITEMS to MAX_ITEMS + MIN_ITEMS - 1 items, in order, and a short list is one page', () => {
    const rand = random(1);
    const ids = Array.from({ length: 5000 }, () => Math.floor(rand() * 2 ** 48).toString(16));
    const pages = stablePages(ids, (id) => id);
    expect(pages.flat()).toEqual(ids);
    for (const page of pages) {
      expect(page.length).toBeGreaterThanOrEqual(MIN_ITEMS);
      expect(page.length).toBeLessThan(MAX_ITEMS + MIN_ITEMS);
    }
    const mean = ids.length / pages.length;
    expect(mean).toBeGreaterThan(40);
    expect(mean).toBeLessThan(60);
    expect(stablePages(ids.slice(0, 2 * MIN_ITEMS - 1), (id) => id)).toHaveLength(1);
    expect(stablePages([], (id: string) => id)).toEqual([[]]);
  });

  test('a paper added to a list of 2,000 re-renders about one all-papers page, and about one page of each tag and topic it joins besides their first', () => {
    const rand = random(7);
    const entries = Array.from({ length: 2000 }, (_, n) => entry(rand, n));
    const before = listPageSignatures(buildCatalog(entries), 'site');
    const allChanged: number[] = [];
    const termChanged: number[] = [];
    for (let trial = 0; trial < 40; trial++) {
      const added = entry(rand, 10_000 + trial);
      const after = listPageSignatures(buildCatalog([...entries, added]), 'site');
      const changed = changedPages(before, after);
      allChanged.push(changed.filter((p) => p.startsWith('papers/')).length);
      // A term's first page shows its size, so it changes with every paper added; the others should not.
      const terms = changed.filter((p) => !p.startsWith('papers/') && /\/\d+\.html$/.test(p));
      termChanged.push(terms.length / (added.data.tags.length + 1));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Fixed pages of 50 changed 20 of the 40 pages on average (every page after the paper's).
    expect(median(allChanged)).toBeLessThanOrEqual(1);
    expect(Math.max(...allChanged)).toBeLessThanOrEqual(12); // a new break renumbers one letter's pages, rarely
    expect(median(termChanged)).toBeLessThanOrEqual(1);
  });
});

describe('title sections', () => {
  test('titles file under their base letter, digits together, other alphabets by their capital, uncased scripts together', () => {
    expect(['Attention', 'éclair', 'Ærø Island', 'Łódź Data', 'Øresund', 'ß-Sets', '3D Scenes', '∑-Nets', 'Ωmega', 'ёлка', '日本語の研究', '∞'].map((t) => sectionOf(t).label)).toEqual([
      'A', 'E', 'A', 'L', 'O', 'S', '0–9', 'N', 'Ω', 'Е', 'Other scripts', '#',
    ]);
  });

  test('sections follow the title order and each letter is one section', () => {
    const titles = ['Zebra', 'Apple', 'Æsop Fables', 'Aesthetics', 'Afar', '2 Layers', 'Ωmega', 'Banana'];
    const catalog = buildCatalog(titles.map((title, i) => ({ id: `p${i}`, data: { id: `id${i}`, title, derivedTitle: false, topic: '', tags: [], sources: [{ file: 'content/sources/a.txt', line: i + 1 }], aliases: [], related: [] } })));
    const sections = titleSections(catalog.papers, 1);
    expect(sections.map((s) => [s.label, s.papers.map((p) => p.plainTitle)])).toEqual([
      ['0–9', ['2 Layers']],
      ['A', ['Æsop Fables', 'Aesthetics', 'Afar', 'Apple']],
      ['B', ['Banana']],
      ['Z', ['Zebra']],
      ['Ω', ['Ωmega']],
    ]);
  });

  test('a letter written as a subscript, superscript, full-width or math letter files under its letter, as the collation sorts it', () => {
    expect(['∑ᵢ₌₁ⁿ xᵢ', 'ⁿ-grams', 'Ｆull Width', '𝐁old Claims', 'ﬁne Tuning', 'ℓ₁-Regularised Regression'].map((t) => sectionOf(t).label)).toEqual(['I', 'N', 'F', 'B', 'F', 'L']);
  });

  test("a title sorted away from its section's others joins that section, not the section before it", () => {
    // 'en' collation sorts Þ after Z (Þ files under T, as transliterated) and Hebrew after Cyrillic: before the
    // fix, 'Þróun' was listed under Z and the Hebrew title under the Cyrillic 'Н' once a title had opened 'T' or
    // 'Other scripts' earlier (a mixed list's '∑ᵢ₌₁ⁿ xᵢ' opened 'Other scripts' between H and I).
    const titles = ['Zeta Functions', 'Tala', 'Þróun máltækni', '日本語の研究', 'Нейронные сети', 'זיהוי דיבור'];
    const catalog = buildCatalog(titles.map((title, i) => ({ id: `p${i}`, data: { id: `id${i}`, title, derivedTitle: false, topic: '', tags: [], sources: [{ file: 'content/sources/a.txt', line: i + 1 }], aliases: [], related: [] } })));
    const sections = titleSections(catalog.papers, 1);
    expect(sections.map((s) => [s.label, s.papers.map((p) => p.plainTitle)])).toEqual([
      ['T', ['Tala', 'Þróun máltækni']],
      ['Z', ['Zeta Functions']],
      ['Н', ['Нейронные сети']],
      ['Other scripts', ['זיהוי דיבור', '日本語の研究']],
    ]);
  });

  test('a letter of few titles joins its neighbours into a range; a small last letter joins the range before it', () => {
    const titles = [
      ...Array.from({ length: 12 }, (_, i) => `Attention ${i}`),
      'Bandits',
      ...Array.from({ length: 3 }, (_, i) => `Convolution ${i}`),
      ...Array.from({ length: 9 }, (_, i) => `Diffusion ${i}`),
      ...Array.from({ length: 10 }, (_, i) => `Embedding ${i}`),
      'Zero-Shot',
      'Ωmega',
    ];
    const catalog = buildCatalog(titles.map((title, i) => ({ id: `p${i}`, data: { id: `id${i}`, title, derivedTitle: false, topic: '', tags: [], sources: [{ file: 'content/sources/a.txt', line: i + 1 }], aliases: [], related: [] } })));
    const sections = titleSections(catalog.papers, 10);
    expect(sections.map((s) => [s.key, s.label, s.papers.length])).toEqual([
      ['a', 'A', 12],
      ['b-d', 'B–D', 13],
      ['e-z', 'E–Z', 11],
      ['grek', 'Greek', 1],
    ]);
  });

  test('an alphabet of few titles is one section named by its script; of many, its letters fold into ranges of its own letters', () => {
    // A mixed list's one Russian title filed under a Cyrillic 'Н' that read as a second H after Z.
    const latin = Array.from({ length: 12 }, (_, i) => `Hashing ${i}`);
    const few = ['Нейронные сети', 'Анализ текстов', 'Ωmega'];
    const many = [...Array.from({ length: 10 }, (_, i) => `Анализ ${i}`), 'Бета', 'Вектор', ...Array.from({ length: 8 }, (_, i) => `Граф ${i}`), ...Array.from({ length: 10 }, (_, i) => `Нейрон ${i}`)];
    const sectionsOf = (titles: string[]) => {
      const catalog = buildCatalog(titles.map((title, i) => ({ id: `p${i}`, data: { id: `id${i}`, title, derivedTitle: false, topic: '', tags: [], sources: [{ file: 'content/sources/a.txt', line: i + 1 }], aliases: [], related: [] } })));
      return titleSections(catalog.papers, 10).map((s) => [s.key, s.label, s.papers.length]);
    };
    expect(sectionsOf([...latin, ...few])).toEqual([
      ['h', 'H', 12],
      ['grek', 'Greek', 1],
      ['cyrl', 'Cyrillic', 2],
    ]);
    expect(sectionsOf([...latin, ...many])).toEqual([
      ['h', 'H', 12],
      ['u410', 'А', 10],
      ['u411-u413', 'Б–Г', 10],
      ['u41d', 'Н', 10],
    ]);
  });

  test("the list's index page shows the first letter, not the few titles that open with a digit or a symbol", () => {
    expect(indexSection([{ key: '0-9' }, { key: 'symbols' }, { key: 'a' }, { key: 'b' }])).toBe(2);
    expect(indexSection([{ key: 'c' }, { key: 'd' }])).toBe(0);
    expect(indexSection([{ key: 'u3c9' }])).toBe(0);
    // A list whose every title opens with a digit still has an index page.
    expect(indexSection([{ key: '0-9' }])).toBe(0);
  });
});
