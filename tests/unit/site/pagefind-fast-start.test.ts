/**
 * The search page inlines these functions' source into its head script: each runs here from
 * its source alone, in a fresh JavaScript context, as the page runs it.
 */
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { nativeGunzip, plainTextGraphemes, rankingApplied } from '../../../src/site/browser/search/pagefind-fast-start.ts';

const segments = (segmenter: Intl.Segmenter, text: string) => [...segmenter.segment(text)].map(({ segment, index, input }) => ({ segment, index, input }));

describe('plainTextGraphemes', () => {
  // What a grapheme segmenter made in a page after plainTextGraphemes ran there.
  const installed = (): typeof Intl.Segmenter => runInNewContext(`(${plainTextGraphemes.toString()})(); (${plainTextGraphemes.toString()})(); Intl.Segmenter`) as typeof Intl.Segmenter;
  const Segmenter = installed();
  const grapheme = new Segmenter('en', { granularity: 'grapheme' });
  const browsers = new Intl.Segmenter('en', { granularity: 'grapheme' });

  test.each([
    'diffusion',
    'graph neural network',
    'C++ and C#: k-NN, GPT-4 (2023)!',
    'line\r\nbreak\rand\nothers\t',
    '',
    'café', // é as one code point
    'cafe\u0301', // e and a combining accent: one grapheme
    '图神经网络',
    '한국어',
    '👩‍🔬 🇫🇷',
    'a\r\n',
  ])('cuts %j as the browser does', (text) => {
    expect(segments(grapheme, text)).toEqual(segments(browsers, text));
  });

  test('containing() and resolvedOptions() answer as the browser does', () => {
    for (const at of [0, 3, 8, 9, -1, 2.7]) expect(grapheme.segment('diffusion').containing(at)).toEqual(browsers.segment('diffusion').containing(at));
    expect(grapheme.resolvedOptions()).toEqual(browsers.resolvedOptions());
  });

  test('other granularities are the browser segmenter itself; a malformed language tag still throws', () => {
    const words = new Segmenter('en', { granularity: 'word' });
    expect([...words.segment('graph neural')].filter((s) => s.isWordLike).map((s) => s.segment)).toEqual(['graph', 'neural']);
    expect(grapheme instanceof Segmenter).toBe(true);
    const thrown = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    expect(thrown(() => new Segmenter('en_US!', { granularity: 'grapheme' }))).toBe(thrown(() => new Intl.Segmenter('en_US!', { granularity: 'grapheme' })));
    expect(thrown(() => new Intl.Segmenter('en_US!', { granularity: 'grapheme' }))).toMatch(/^RangeError/);
  });
});

describe('nativeGunzip', () => {
  const SIGNED = new TextEncoder().encode('pagefind_dcd{"a":1}');
  const served = new Map<string, { status: number; body: Uint8Array<ArrayBuffer> }>([
    ['/pagefind/index/en_1.pf_index', { status: 200, body: new Uint8Array(gzipSync(SIGNED)) }],
    ['/pagefind/sr0/wasm.en.pagefind', { status: 200, body: new Uint8Array(gzipSync(SIGNED)) }],
    ['/pagefind/fragment/en_2.pf_fragment', { status: 200, body: SIGNED }], // a host already inflated it
    ['/pagefind/index/en_3.pf_index', { status: 404, body: new Uint8Array() }],
    ['/pagefind/papershelf-facets.json.gz', { status: 200, body: new Uint8Array(gzipSync(SIGNED)) }],
  ]);
  // A page whose fetch answers from `served`, after nativeGunzip ran there.
  const pageFetch = (): typeof fetch => {
    const window = {
      fetch: (input: string) => {
        const file = served.get(new URL(input, 'http://localhost/').pathname.replace(/\?.*$/, ''))!;
        return Promise.resolve(new Response(file.body, { status: file.status }));
      },
    };
    runInNewContext(`(${nativeGunzip.toString()})(); (${nativeGunzip.toString()})();`, { window, DecompressionStream, Response, URL, Uint8Array });
    return window.fetch as unknown as typeof fetch;
  };
  const text = async (response: Response) => new TextDecoder().decode(await response.arrayBuffer());

  test("Pagefind's gzipped files come inflated, with their signature first", async () => {
    const fetch = pageFetch();
    expect(await text(await fetch('/pagefind/index/en_1.pf_index'))).toBe('pagefind_dcd{"a":1}');
    expect(await text(await fetch(new URL('http://localhost/pagefind/sr0/wasm.en.pagefind')))).toBe('pagefind_dcd{"a":1}');
  });

  test('an inflated file, a failed request and any other file pass as they came', async () => {
    const fetch = pageFetch();
    expect(await text(await fetch('/pagefind/fragment/en_2.pf_fragment'))).toBe('pagefind_dcd{"a":1}');
    expect((await fetch('/pagefind/index/en_3.pf_index')).status).toBe(404);
    const other = new Uint8Array(await (await fetch('/pagefind/papershelf-facets.json.gz')).arrayBuffer());
    expect([other[0], other[1]]).toEqual([0x1f, 0x8b]);
  });
});

describe('rankingApplied', () => {
  // As the search page's head runs it: from its source alone, in a fresh context with the page's queueMicrotask.
  const applied = runInNewContext(`(${rankingApplied.toString()})`, { queueMicrotask }) as typeof rankingApplied;
  const ranking = { termFrequency: 1, pageLength: 0.75, metaWeights: { title: 5 } };

  test('the options Pagefind reads are the ranking as given', () => {
    expect(JSON.parse(JSON.stringify(applied(ranking).ranking))).toEqual(ranking);
  });

  test('resolves once Pagefind has turned the options into JSON, not before', async () => {
    const { ranking: options, applied: done } = applied(ranking);
    let resolved = false;
    void done.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    JSON.stringify(options);
    await done;
    expect(resolved).toBe(true);
  });
});
