/**
 * One fixed list of queries that both search engines must answer alike (issue 15), and how to
 * read a search page's answer. The site is the seed list plus `SEARCH_SOURCES`: the real-world
 * cases 06-search-cjk, 14-url-special-chars and 01-pdf-ligatures, term-shapes.txt (hyphens,
 * an en dash, `F#`, a diacritic) and inflections.txt (irregular plurals), whose titles the queries name.
 */
import type { Page } from 'playwright-core';

/** Source folders added to the seed sources of the test site. */
export const SEARCH_SOURCES = [
  'tests/fixtures/real-world/06-search-cjk/input',
  'tests/fixtures/real-world/14-url-special-chars/input',
  'tests/fixtures/real-world/01-pdf-ligatures/input',
  'tests/fixtures/search-sources',
];

/** Queries that match no paper: each must find nothing. */
export const NONSENSE = ['zzqxv', 'qjxkvw', 'xylophonequartzite'];

/** Seed titles: each, asked in full, must find its paper first. */
export const KNOWN_TITLES = [
  'Trellis Networks for Sequence Modeling',
  'Deep Interest Network for Click-Through Rate Prediction',
  'Sheaf Neural Networks for Graph-based Recommender Systems',
  'Rethinking Architecture Selection in Differentiable NAS',
  'Modeling Hierarchical Structures with Continuous Recursive Neural Networks',
];

/** Topical queries: the two engines' top 10 must share at least 8 papers. */
export const TOPICAL = [
  'graph neural network',
  'stochastic gradient descent convergence',
  'diffusion',
  'reinforcement learning',
  'language models',
  'attention',
  'adversarial robustness',
  'federated learning',
  'contrastive learning',
  'speech recognition',
];

/** Queries of the hard kinds (scripts, dashes, `+` and `#`, ligatures, diacritics, inflections): each must find every paper whose title is listed. */
export const KINDS: Array<{ query: string; titles: string[] }> = [
  { query: '图神经网络', titles: ['基于图神经网络的分子性质预测'] },
  { query: '大規模言語モデル', titles: ['大規模言語モデルの事実性評価'] },
  { query: '检索增强生成', titles: ['Multilingual Retrieval with 中文 and English Queries'] },
  { query: 'C++', titles: ['100% Recall? #1 Results on C++ & C# Code Search', 'C++ vs. C#: A Study of Compiler Errors'] },
  { query: 'C#', titles: ['100% Recall? #1 Results on C++ & C# Code Search', 'C++ vs. C#: A Study of Compiler Errors'] },
  { query: 'F#', titles: ['Typed Dataflow Pipelines in F# for Laboratory Automation'] },
  { query: 'efficient fine-tuning', titles: ['Efficient Fine-Tuning of Sparse Mixture Models'] },
  { query: 'eﬃcient', titles: ['Efficient Fine-Tuning of Sparse Mixture Models'] },
  { query: 'difficult', titles: ['Efficient Fine-Tuning of Sparse Mixture Models'] },
  { query: 'workflow', titles: ['Workflow Graphs for Scientific Data Pipelines'] },
  { query: 'scientific', titles: ['Workflow Graphs for Scientific Data Pipelines'] },
  { query: 'gpt4', titles: ['Grading Student Proofs with GPT-4 and Rubrics'] },
  { query: 'gpt-4', titles: ['Grading Student Proofs with GPT-4 and Rubrics'] },
  { query: 'knn', titles: ['Approximate k-NN Graphs for Streaming Embeddings'] },
  { query: 'k-NN graphs', titles: ['Approximate k-NN Graphs for Streaming Embeddings'] },
  { query: 'leibler', titles: ['Tighter Kullback–Leibler Bounds for Variational Posteriors'] },
  { query: 'Kullback-Leibler bounds', titles: ['Tighter Kullback–Leibler Bounds for Variational Posteriors'] },
  { query: 'Poincaré', titles: ['Poincaré Embeddings of Citation Hierarchies'] },
  // Irregular plurals (session 16: "ice shelf melt" missed the paper on ice shelves).
  { query: 'ice shelf melt', titles: ['Accelerating Ice Loss from Antarctic Ice Shelves'] },
  { query: 'mouse receptor', titles: ['Knockout Mice Lacking a Circadian Receptor'] },
];

export interface PageAnswer {
  status: string;
  titles: string[];
  urls: string[];
  engine: string | null;
}

/** Opens `search/index.html?q=…` at `searchUrl` and reads the answer once the search has run. */
export async function answerOf(page: Page, searchUrl: string): Promise<PageAnswer> {
  await page.goto(searchUrl);
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && status !== 'Searching…';
  }, undefined, { timeout: 20_000 });
  const links = page.locator('.search-results > li > a');
  return {
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
    titles: await page.locator('.search-results > li .result-title').allTextContents(),
    urls: (await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').pop() ?? ''))),
    engine: await page.locator('html').getAttribute('data-search-engine'),
  };
}

/** How many of the first ten papers two answers share. */
export function topTenOverlap(a: readonly string[], b: readonly string[]): number {
  const first = new Set(a.slice(0, 10));
  return b.slice(0, 10).filter((u) => first.has(u)).length;
}
