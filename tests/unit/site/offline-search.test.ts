/**
 * The offline search index on tiny inputs: built from three small search documents, loaded by the
 * browser's offline engine (its index scripts run as a page from disk would run them), then queried.
 * The expected answers are issue 15's rules and Pagefind's documented behaviour: a result holds
 * every query term (or a word it begins), a page whose title holds the query ranks above one that
 * only mentions it, more mentions rank higher, and excerpts mark the words that matched.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { queryTerms } from '../../../src/core/search-terms.ts';
import { buildOfflineSearch } from '../../../src/publish/offline-search.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import { unspaceExcerpt, type SearchBackend, type SearchOptions } from '../../../src/site/browser/search/backend.ts';
import { highlight, loadOffline } from '../../../src/site/browser/search/offline-backend.ts';
import { closePageFromDisk, fakePageFromDisk, OFFLINE_ROOT } from '../../support/offline-page.ts';

const DOCS: SearchDoc[] = [
  {
    url: 'papers/trellis/index.html',
    title: 'Trellis Networks for Sequence Modeling',
    body: 'We present trellis networks, a new architecture for sequence modeling with weight tying across depth and time.',
    topic: 'Sequence models',
    tags: ['sequence modeling'],
  },
  {
    url: 'papers/graphs/index.html',
    title: 'Graph Attention for Molecules',
    body: 'Graph networks read molecules as graphs; attention over neighbours predicts properties of each molecule.',
    topic: 'Graph learning',
    tags: ['graph neural networks', 'chemistry'],
  },
  {
    url: 'papers/cpp/index.html',
    title: 'Compiler Errors in C++ and C#',
    body: 'A study of the errors students meet in C++ and C# courses, and of the networks of files they edit.',
    topic: '',
    tags: [],
  },
];

const ROOT = OFFLINE_ROOT;
const ALL: SearchOptions = { topics: [], tags: [], limit: 10 };

let engine: SearchBackend;
beforeEach(async () => {
  fakePageFromDisk(buildOfflineSearch(DOCS));
  engine = await loadOffline(new URL(ROOT));
});
afterEach(closePageFromDisk);

const urlsFor = async (query: string, options: SearchOptions = ALL) => (await engine.search(query, options)).hits.map((h) => h.url.slice(ROOT.length));

describe('the offline index answers from three tiny documents', () => {
  test('a result row carries the paper’s absolute URL, title, topic and an excerpt of its abstract', async () => {
    const { total, hits } = await engine.search('trellis', ALL);
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ url: `${ROOT}papers/trellis/index.html`, title: 'Trellis Networks for Sequence Modeling', topic: 'Sequence models' });
    expect(hits[0]!.excerpt.map((p) => p.text).join('')).toBe(DOCS[0]!.body);
  });

  test('every term of the query must begin a word of the paper: one missing term drops it', async () => {
    expect((await urlsFor('networks')).sort()).toEqual(['papers/cpp/index.html', 'papers/graphs/index.html', 'papers/trellis/index.html']);
    expect(await urlsFor('networks molecules')).toEqual(['papers/graphs/index.html']);
    expect(await urlsFor('networks zzqxv')).toEqual([]);
  });

  test('nonsense finds nothing, rather than the pages of its longest known prefix (issue 15)', async () => {
    for (const query of ['zzqxv', 'trellisx', 'graphzzz']) expect(await urlsFor(query), query).toEqual([]);
  });

  test('a term finds the words it begins, and its stem finds other forms of the word', async () => {
    expect(await urlsFor('trel')).toEqual(['papers/trellis/index.html']);
    expect(await urlsFor('molecule')).toEqual(['papers/graphs/index.html']);
    expect(await urlsFor('studies')).toEqual(['papers/cpp/index.html']);
  });

  test('C++ and C# are words of their own (issue 15)', async () => {
    expect(await urlsFor('C++')).toEqual(['papers/cpp/index.html']);
    expect(await urlsFor('C#')).toEqual(['papers/cpp/index.html']);
  });

  test('topic and tags are searched as the paper’s text', async () => {
    expect(await urlsFor('chemistry')).toEqual(['papers/graphs/index.html']);
  });

  test('a paper with the query in its title ranks first, then the one that mentions it more often', async () => {
    // `networks`: the title of the first, twice in the second (abstract and a tag), once in the third.
    expect(await urlsFor('networks')).toEqual(['papers/trellis/index.html', 'papers/graphs/index.html', 'papers/cpp/index.html']);
  });

  test('filters keep the results of one topic or tag, and counts ignore the filters', async () => {
    const response = await engine.search('networks', { ...ALL, topics: ['Graph learning'] });
    expect(response.hits.map((h) => h.title)).toEqual(['Graph Attention for Molecules']);
    expect(response.total).toBe(1);
    // Facet counts come after the results (SearchResponse.facets).
    const facets = response.facets ? await response.facets() : response;
    expect(facets.topics).toEqual([{ name: 'Graph learning', count: 1 }, { name: 'Sequence models', count: 1 }]);
    expect((await engine.search('networks', { ...ALL, tags: ['sequence modeling'] })).hits.map((h) => h.title)).toEqual(['Trellis Networks for Sequence Modeling']);
  });

  test('a query of stop words only still searches, rather than showing everything', async () => {
    expect(await urlsFor('of the')).toEqual(['papers/cpp/index.html']);
  });
});

describe('excerpt highlighting', () => {
  const marked = (text: string, query: string) => highlight(text, queryTerms(query)).filter((p) => p.mark).map((p) => p.text);

  test('marks each word a query term begins, stems included, and nothing else', () => {
    expect(marked('Graph networks read molecules as graphs.', 'graph')).toEqual(['Graph', 'graphs.']);
    expect(marked('We study trellis networks.', 'studies network')).toEqual(['study', 'networks.']);
    expect(marked('Nothing to see here.', 'zzqxv')).toEqual([]);
  });

  test('keeps the text whole: the pieces join back to it, unmarked runs as one piece', () => {
    const text = 'Graph  networks read\nmolecules as graphs.';
    const pieces = highlight(text, queryTerms('molecules'));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: 'Graph  networks read\n', mark: false },
      { text: 'molecules', mark: true },
      { text: ' as graphs.', mark: false },
    ]);
  });

  test('marks hyphenated terms, ligatures and accents as the index finds them (issue 15)', () => {
    expect(marked('GPT-4 beats k-NN on Kullback–Leibler tasks.', 'gpt4 knn leibler')).toEqual(['GPT-4', 'k-NN', 'Kullback–Leibler']);
    expect(marked('An eﬃcient method.', 'efficient')).toEqual(['eﬃcient']);
    expect(marked('Poincaré embeddings.', 'poincare')).toEqual(['Poincaré']);
    expect(marked('Errors in C++ and C# code.', 'C#')).toEqual(['C#']);
  });

  test('a Pagefind excerpt loses the spaces the index put between Chinese words, and keeps those between Latin words', () => {
    const pieces = [
      { text: '基于 ', mark: false },
      { text: '图 神经 网络', mark: true },
      { text: ' 的 English words', mark: false },
    ];
    expect(unspaceExcerpt(pieces)).toEqual([
      { text: '基于', mark: false },
      { text: '图神经网络', mark: true },
      { text: '的 English words', mark: false },
    ]);
  });
});
