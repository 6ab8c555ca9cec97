/**
 * The real-world cases (tests/fixtures/real-world/README.md, a copy of shared/fixtures/real-world):
 * what people really paste. Each case is ingested alone (its expected report and entries are
 * compared in fixture-cases.test.ts) and all of them together, as one list; every expected value
 * here is the README's. What needs the built site (cards, search served, KaTeX in page headings) is
 * tested over dist/; here is what the ingest hands the site.
 */
import { paperLinks } from '../../../src/core/paper-links.ts';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../src/core/paper.ts';
import { isSlug } from '../../../src/core/slug.ts';
import { renderAbstract } from '../../../src/site/markdown/abstract-html.ts';
import { casesIn, caseSources, ingestCase } from '../../support/fixture-cases.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';

const DIR = 'tests/fixtures/real-world';
const CASES = casesIn(DIR);
const alone = new Map(CASES.map((name) => [name, ingestCase(join(DIR, name))]));
const together = ingestSources(CASES.flatMap((name) => caseSources(join(DIR, name))));
/** Source file → its case, for the papers of the list built together. */
const caseOfFile = new Map(CASES.flatMap((name) => caseSources(join(DIR, name)).map((s) => [s.path as string, name])));

/** Papers of one case, as ingested alone. */
const papersOf = (name: string): Paper[] => alone.get(name)!.papers;
const titlesOf = (name: string) => papersOf(name).map((p) => p.title);
const formatsOf = (name: string) => alone.get(name)!.report.files.map((f) => f.format);
const rulesOf = (name: string) => alone.get(name)!.issues.map((i) => [i.kind, i.rule]);

/** The README's "what must come out": papers per case. */
const EXPECTED_PAPERS: Record<string, number> = {
  '01-pdf-ligatures': 2,
  '02-pdf-linebreaks': 2,
  '03-arxiv-listing': 3,
  '06-search-cjk': 3,
  '10-og-rtl-emoji': 3,
  '12-math-escaped-dollar': 2,
  '13-non-english': 3,
  '14-url-special-chars': 3,
  '15-pubmed-structured': 2,
  '17-formula-title': 3,
  '20-utf16-powershell': 3,
};

describe('all cases', () => {
  test('are the eleven of the README', () => {
    expect(CASES).toEqual(Object.keys(EXPECTED_PAPERS));
  });

  test.each(CASES)('%s alone gives the expected number of papers', (name) => {
    expect(papersOf(name)).toHaveLength(EXPECTED_PAPERS[name]!);
  });

  test('built together in one list give 29 papers, each case its own', () => {
    expect(together.papers).toHaveLength(29);
    for (const name of CASES) {
      const fromCase = together.papers.filter((p) => caseOfFile.get(p.sources[0]!.file) === name);
      expect(fromCase.map((p) => p.title).sort(), name).toEqual(titlesOf(name).sort());
    }
  });

  test('no file is skipped and no title is left without its abstract', () => {
    expect(together.report.skipped).toEqual([]);
  });

  test('every slug is URL-safe and unique', () => {
    const slugs = together.papers.map((p) => p.slug);
    expect(slugs.every(isSlug)).toBe(true);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

describe('01-pdf-ligatures', () => {
  const LIGATURES = /[\ufb00-\ufb06\u00ad]/;

  test('titles in plain letters', () => {
    expect(titlesOf('01-pdf-ligatures')).toEqual(['Efficient Fine-Tuning of Sparse Mixture Models', 'Workflow Graphs for Scientific Data Pipelines']);
  });

  test('abstracts, bodies and tags hold no ligature or soft hyphen, and keep the words whole', () => {
    const [fine, workflow] = papersOf('01-pdf-ligatures');
    for (const paper of [fine!, workflow!]) {
      expect(paper.abstract).not.toMatch(LIGATURES);
      expect(paper.body).not.toMatch(LIGATURES);
      expect(paper.tags.join(' ')).not.toMatch(LIGATURES);
    }
    expect(fine!.abstract).toContain('difficult');
    expect(workflow!.abstract).toMatch(/Scientific computing .* structure is rarely .* workflow graphs/);
  });

  test('the repair is in the report', () => {
    expect(rulesOf('01-pdf-ligatures')).toEqual(expect.arrayContaining([['repaired', 'compatibility-char'], ['repaired', 'soft-hyphen']]));
  });
});

describe('02-pdf-linebreaks', () => {
  test('two papers with their titles, read as a PDF copy', () => {
    expect(titlesOf('02-pdf-linebreaks')).toEqual(['Robust Representation Learning under Label Noise', 'Sparse Attention for Long Documents']);
    expect(formatsOf('02-pdf-linebreaks')).toEqual(['pdf']);
  });

  test('each abstract is its whole text as one paragraph', () => {
    const [robust, sparse] = papersOf('02-pdf-linebreaks');
    expect(robust!.abstract).toMatch(/^Deep networks memorise noisy labels, .* five percent to the training time\.$/);
    expect(sparse!.abstract).toMatch(/^Transformers scale quadratically .* at a fraction of the memory\.$/);
    for (const paper of [robust!, sparse!]) expect(paper.body.trim()).not.toContain('\n');
  });

  test('split words are joined again and real hyphens stay', () => {
    const [robust, sparse] = papersOf('02-pdf-linebreaks');
    for (const word of ['representation', 'training', 'benchmarks']) expect(robust!.abstract).toContain(` ${word}`);
    expect(sparse!.abstract).toContain('which limits their use');
    expect(robust!.abstract).toContain('clean-label accuracy');
    expect(robust!.abstract + sparse!.abstract).not.toMatch(/\b(?:rep|train|bench|lim)-? (?:resentation|ing|marks|its)\b/);
  });
});

describe('03-arxiv-listing', () => {
  const papers = () => papersOf('03-arxiv-listing');

  test('three papers with their titles, read as an arXiv page', () => {
    expect(titlesOf('03-arxiv-listing')).toEqual([
      'Contrastive Pretraining with Hard Negative Mining for Medical Images',
      'Sentence Embeddings from Contrastive Objectives Revisited',
      'A Theory of Augmentation Overlap in Contrastive Learning',
    ]);
    expect(formatsOf('03-arxiv-listing')).toEqual(['arxiv']);
  });

  test('abstracts without labels, expand links, ids, authors, categories, dates or comments', () => {
    const [first, second, third] = papers();
    expect(first!.abstract).toMatch(/^Contrastive pretraining depends on informative negatives,.* standard contrastive pretraining\.$/);
    expect(second!.abstract).toMatch(/^We revisit contrastive objectives .* future comparisons reproducible\.$/);
    expect(third!.abstract).toMatch(/^Why does contrastive learning work .* synthetic and natural image data\.$/);
    for (const paper of papers()) {
      expect(paper.abstract).not.toMatch(/Abstract:|▽|△|More$|Less$|arXiv:|Authors:|Submitted|Comments:|Journal ref|MSC Class|cs\.LG/);
    }
  });

  test('keeps the id as a link to the paper, the authors and the year as metadata', () => {
    const [first, second, third] = papers();
    expect(first!.ids).toEqual({ arxiv: '2403.01234' });
    // The entry keeps the id; the links to the paper (abstract page, PDF) are made from it.
    expect(paperLinks(first!).map((l) => l.url)).toContain('https://arxiv.org/abs/2403.01234');
    expect(first!.authors).toEqual(['Mira Okonkwo', 'Tomas Lindqvist', 'Priya Raman']);
    expect(second!.ids).toEqual({ arxiv: '2402.05678' });
    expect(second!.authors).toEqual(['Jonas Weber', 'Aiko Tanaka']);
    expect(third!.ids).toEqual({ arxiv: '2401.09876' });
    expect(third!.authors).toEqual(['Rosa Delgado']);
    for (const paper of papers()) expect(paper.year).toBe(2024);
  });

  test('the metadata reaches the entry file', () => {
    const entry = alone.get('03-arxiv-listing')!.entries.get(`${papers()[0]!.slug}.md`)!;
    expect(entry).toMatch(/^ids:\n {2}arxiv: "2403\.01234"$/m);
    expect(entry).toContain('- Mira Okonkwo');
  });
});

describe('06-search-cjk', () => {
  test('three papers; the first title holds 图神经网络', () => {
    expect(titlesOf('06-search-cjk')).toHaveLength(3);
    expect(titlesOf('06-search-cjk')[0]).toContain('图神经网络');
    expect(titlesOf('06-search-cjk')[2]).toBe('Multilingual Retrieval with 中文 and English Queries');
  });

  test('no tag is a whole clause: none holds clause punctuation or equals a clause of its abstract', () => {
    const CLAUSE_END = /[，。、；：！？,;:.!?]/;
    for (const paper of papersOf('06-search-cjk')) {
      const clauses = new Set(paper.abstract.split(CLAUSE_END).map((c) => c.trim().toLowerCase()));
      for (const tag of paper.tags) {
        expect(tag, paper.title).not.toMatch(CLAUSE_END);
        expect(clauses.has(tag.toLowerCase()), `${paper.title}: ${tag}`).toBe(false);
      }
    }
  });

  test('keeps the full-width punctuation of Chinese text (compatibility folding is for letters)', () => {
    expect(papersOf('06-search-cjk')[0]!.abstract).toContain('，');
  });
});

describe('10-og-rtl-emoji', () => {
  test('three papers whose titles reach the site as typed: right-to-left text, emoji and ×', () => {
    const titles = titlesOf('10-og-rtl-emoji');
    expect(titles).toHaveLength(3);
    expect(titles[0]).toMatch(/^[\u0600-\u06ff ]+$/);
    expect(titles[1]).toMatch(/^[\u0590-\u05ff -]+$/);
    expect(titles[2]).toBe('⚡FlashTrain: Training Transformers 3× Faster 🚀');
  });
});

describe('12-math-escaped-dollar', () => {
  test('two papers; \\$0.002 is a dollar amount in the title', () => {
    expect(titlesOf('12-math-escaped-dollar')).toEqual(['Pricing Inference at $0.002 per Query', 'Piecewise Losses with Text Labels in Math']);
  });

  test('every formula renders with KaTeX, with no KaTeX error and no sentence typeset as math', async () => {
    const [pricing, piecewise] = papersOf('12-math-escaped-dollar');
    // Formulas in the sources: $c_s / c_t \approx 0.07$, $\sum_i p_i \le \$B$, $B = \$100$; the cases, the penalty, the norm.
    for (const [paper, formulas] of [[pricing!, 3], [piecewise!, 3]] as const) {
      const $ = load(await renderAbstract(paper.body));
      expect($('.katex-error')).toHaveLength(0);
      expect($('.katex')).toHaveLength(formulas);
      $('.katex').remove();
      const text = $.root().text();
      expect(text).not.toMatch(/\$[^0-9]/);
      if (paper === pricing) {
        expect(text).toContain('answers queries at $0.002 each, compared with $0.03 for the teacher');
        expect(text).toContain('is enforced with a Lagrangian, and we report the case');
      } else expect(text).toContain('is added to every step, and a second regulariser');
    }
  });

  test('no warning about math', () => {
    expect(rulesOf('12-math-escaped-dollar').filter(([, rule]) => rule!.startsWith('math'))).toEqual([]);
  });
});

describe('13-non-english', () => {
  test('three papers with their titles', () => {
    expect(titlesOf('13-non-english')).toEqual([
      'Нейронные сети для прогнозирования временных рядов',
      'Über die Stabilität großer Sprachmodelle beim Feinabstimmen',
      "Apprentissage par renforcement pour la gestion de l'énergie des bâtiments",
    ]);
  });
});

describe('14-url-special-chars', () => {
  test('three papers with their titles and URL-safe slugs', () => {
    expect(titlesOf('14-url-special-chars')).toEqual(['100% Recall? #1 Results on C++ & C# Code Search', '50% Off: Pruning Half the Heads of a Transformer', 'C++ vs. C#: A Study of Compiler Errors']);
    for (const paper of papersOf('14-url-special-chars')) expect(isSlug(paper.slug), paper.slug).toBe(true);
  });
});

describe('15-pubmed-structured', () => {
  test('two papers with their titles, read as a PubMed copy', () => {
    expect(titlesOf('15-pubmed-structured')).toEqual(['Early Mobilisation after Hip Fracture Surgery in Older Adults: A Randomised Trial', 'Dietary Sodium and Blood Pressure in Adolescents']);
    expect(formatsOf('15-pubmed-structured')).toEqual(['pubmed']);
  });

  test('each abstract keeps all its sections in order, labels shown as labels', async () => {
    const [hip, sodium] = papersOf('15-pubmed-structured');
    for (const [paper, labels] of [[hip!, ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']], [sodium!, ['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS']]] as const) {
      const positions = labels.map((label) => paper.abstract.indexOf(`${label}: `));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const $ = load(await renderAbstract(paper.body));
      expect($('strong').map((_, el) => $(el).text()).get()).toEqual(labels.map((l) => `${l}:`));
    }
    expect(hip!.abstract).toContain('(4.1% vs 9.3%)');
  });
});

describe('17-formula-title', () => {
  test('three papers whose titles keep their math source for KaTeX, never "E = mc2"', () => {
    expect(titlesOf('17-formula-title')).toEqual(['$E = mc^2$', '$\\ell_1$-Regularised Regression with $\\mathcal{O}(n \\log n)$ Updates', '$$\\sum_{i=1}^{n} x_i$$']);
    expect(rulesOf('17-formula-title').filter(([, rule]) => rule === 'math-katex-error')).toEqual([]);
  });

  test('slugs are readable words', () => {
    for (const paper of papersOf('17-formula-title')) expect(paper.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('20-utf16-powershell', () => {
  test('three papers from UTF-16 LE with a byte-order mark, UTF-16 BE with one and UTF-16 LE without', () => {
    expect(titlesOf('20-utf16-powershell')).toEqual([
      'Über-Parameterised Networks and the Double Descent Curve',
      'Café-Scale Federated Learning on Phones',
      'Naïve Baselines for Anomaly Detection in Time Series',
    ]);
    expect(alone.get('20-utf16-powershell')!.report.files.map((f) => f.encoding)).toEqual(['utf-16le', 'utf-16be', 'utf-16le']);
    expect(rulesOf('20-utf16-powershell').filter(([kind]) => kind === 'skipped')).toEqual([]);
  });
});
