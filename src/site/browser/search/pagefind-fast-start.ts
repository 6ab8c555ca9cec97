/**
 * Work taken off the path to the first served result: two changes to the page's globals, made
 * before Pagefind starts, and the ranking that tells when Pagefind is ready. The search page runs
 * them in its head script (their source is inlined there, so each function is self-contained: no
 * imports, no names from outside it); site.js runs them before it starts Pagefind on other pages
 * (pagefind-backend.ts). The two changes are idempotent.
 *
 * Measured on a 1k-paper site (bench corpus), search page served over http, real Chromium, each
 * page load in a new context, on this 2-core machine under the load of other sessions (8-37):
 * - the first `Intl.Segmenter` of a page loads the browser's segmentation data: 13-72 ms of the
 *   page's thread in a new context (5 loads, load 8), which Pagefind pays before its first search;
 * - Pagefind inflates its WebAssembly (60 KB gzipped), metadata, index chunks and fragments with
 *   a gunzip written in JavaScript, cold (not yet optimised) in a new page: script time until the
 *   first result fell from 22.8-25.0 to 12.4-14.1 ms (median of 12 loads each, Chromium's
 *   thread-time metrics) when the browser's own `DecompressionStream` did it, and the renderer's
 *   background threads (V8 optimising that gunzip) from 127 to 90 ms of CPU (one trace each).
 * With the search page's other session-8 changes (Pagefind's entry answered from the shard list,
 * the ready signal without a timer), the bench's six queries, each site in turn, 4 rounds, load
 * 13-22: first result 737 -> 533 ms median of 24 loads (Chromium metrics on: main thread 142 -> 120
 * ms of CPU, renderer 280 -> 210 ms) and 798 -> 699 ms (bench method, no DevTools metrics, load 21-22).
 * On a quieter machine (load 1.9-2.9, the seed site of 527 papers, the same six queries, sites in turn, 4
 * rounds): 369 -> 319 ms median of 24 loads each. What is left is on the page's main thread until the
 * fragments are asked for (a trace: HTML parse 33 ms, inline scripts 18 ms, layout 11 ms, Pagefind's module
 * 16 ms, its WebAssembly and search ~60 ms, from ~50 to ~290 ms), then one fragment round trip.
 * Session 9 (seed site, Chromium traces, 6 queries x 2 rounds, sites interleaved, load 10-15; main-thread CPU
 * until the first result ~100 ms of a 300-500 ms wall): the compile hint (src/publish/compile-hint.ts) was kept.
 * Tried and not kept: the first result's fragment asked for alone, the other nine once it is in (renderer CPU
 * until the first result 168.3 -> 168.0 ms, wall within noise); files under 4 KB (fragments, metadata) left to
 * Pagefind's gunzip instead of DecompressionStream (main-thread CPU 105.7 -> 107.3 ms). Not built, with the
 * measurement that decided: the WebAssembly compiled early from its preload (Pagefind's instantiate of its bytes
 * took 2-14 ms, median 3 of 8 loads: V8 compiles lazily, and the lazy compiles, 5.8 ms of main-thread CPU, come
 * at the first calls either way); a title and address table to show the first result before its fragment
 * (45.5 B gzipped a paper in the seed's papers.json: +45 KB at 1k papers, +20% of the first search, 2.3 MB at
 * 50k; titles alone 25 B); Pagefind's JavaScript gunzip tables, built as its module runs though unused here
 * (3-5 ms), would need Pagefind's bundle patched. Left to try: preloads as the page's own fetches answered by
 * the fetch patch (the preload links, the fetch wrapper and the browser's fetch calls took ~20 ms a load in
 * V8's sampling profile at load 13, wall-clock attributed).
 */

/**
 * Makes `Intl.Segmenter` with `granularity: 'grapheme'` answer text that is all ASCII (and holds no
 * CR LF pair) without the browser's segmentation data: in such text every character is a grapheme
 * of its own (Unicode UAX #29: among ASCII characters only CR × LF joins; extenders, prepends, joiners,
 * Hangul and regional indicators are all outside ASCII). Any other text, and every other granularity,
 * goes to the browser's segmenter, made the first time it is needed. Pagefind makes a grapheme
 * segmenter for every query, to cut it into characters.
 */
export function plainTextGraphemes(): void {
  const Native = Intl.Segmenter as typeof Intl.Segmenter & { plainTextGraphemes?: true };
  if (typeof Native !== 'function' || Native.plainTextGraphemes) return;
  const ascii = /^[\x00-\x7f]*$/;
  const perCharacter = (input: string) => ({
    containing(index?: number) {
      const at = Math.trunc(Number(index ?? 0)) || 0;
      return at >= 0 && at < input.length ? { segment: input[at]!, index: at, input } : undefined;
    },
    *[Symbol.iterator]() {
      for (let index = 0; index < input.length; index++) yield { segment: input[index]!, index, input };
    },
  });
  const Segmenter: typeof Intl.Segmenter = new Proxy(Native, {
    construct(target, args: [Intl.LocalesArgument?, Intl.SegmenterOptions?], newTarget) {
      if (newTarget !== Segmenter || args[1]?.granularity !== 'grapheme') return Reflect.construct(target, args, newTarget === Segmenter ? target : newTarget) as object;
      Intl.getCanonicalLocales(args[0] as string | string[] | undefined); // a malformed language tag throws here, as the browser's would
      let browsers: Intl.Segmenter | undefined;
      const native = () => (browsers ??= new Native(...args));
      return Object.create(Native.prototype, {
        segment: {
          value: (text: unknown) => {
            const input = `${text as string}`; // ToString, as the browser's segment does (a symbol throws)
            return ascii.test(input) && !input.includes('\r\n') ? perCharacter(input) : native().segment(input);
          },
        },
        resolvedOptions: { value: () => native().resolvedOptions() },
      }) as object;
    },
    get: (target, key, receiver) => (key === 'plainTextGraphemes' ? true : Reflect.get(target, key, receiver)),
  });
  (Intl as { Segmenter: typeof Intl.Segmenter }).Segmenter = Segmenter;
}

/**
 * Makes `fetch` inflate Pagefind's gzipped files (`pagefind/…` metadata, WebAssembly, index chunks,
 * filters, fragments) with the browser's `DecompressionStream`, so that Pagefind, finding its
 * `pagefind_dcd` signature at the start, skips its own JavaScript gunzip. A file that does not start
 * with gzip's magic bytes (a host that sent it with `Content-Encoding: gzip` has inflated it already)
 * passes as it came. Every other request is untouched.
 */
export function nativeGunzip(): void {
  type Fetch = typeof fetch & { nativeGunzip?: true };
  const pageFetch: Fetch = window.fetch;
  if (typeof DecompressionStream !== 'function' || pageFetch.nativeGunzip) return;
  const packed = /\/pagefind\/(?:[^?#]*\/)?[^/?#]+\.(?:pf_meta|pf_index|pf_filter|pf_fragment|pagefind)(?:[?#]|$)/;
  const inflating: Fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const response = pageFetch.call(this, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!packed.test(url)) return response;
    return response.then(async (answer) => {
      if (!answer.ok) return answer;
      const bytes = new Uint8Array(await answer.arrayBuffer());
      const body = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Response(bytes).body!.pipeThrough(new DecompressionStream('gzip')) : bytes;
      return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    });
  };
  inflating.nativeGunzip = true;
  window.fetch = inflating;
}

/**
 * `ranking` (Pagefind's ranking options) made to tell when Pagefind has applied it: the same options,
 * and a promise that resolves then. Self-contained like the two above: the search page's head starts
 * Pagefind with it as pagefind-backend.ts does. Pagefind's `init` returns before its WebAssembly
 * runs, and a search or preload called before then waits in 50 ms sleeps (its `getPtr`): at 1k
 * papers the first search lost 40-80 ms in them (Chromium, session 6).
 * Pagefind hands the ranking to its WebAssembly once the WebAssembly and the metadata are ready
 * (`set_ranking`, right after `init_pagefind`), as JSON: the `toJSON` of `metaWeights` runs just
 * before, and resolves the promise a microtask later, when the ranking is in. Until session 8 a
 * getter on `termSimilarity` (read a step earlier) resolved it with `setTimeout(…, 0)`: that timer
 * fired 1-46 ms after `init_pagefind` in traces of the search page at 1k papers (load 8-15).
 */
export function rankingApplied<R extends { metaWeights: object }>(ranking: R): { ranking: R; applied: Promise<void> } {
  let done!: () => void;
  const applied = new Promise<void>((resolve) => (done = resolve));
  const metaWeights = { ...ranking.metaWeights, toJSON: () => (queueMicrotask(done), ranking.metaWeights) };
  return { ranking: { ...ranking, metaWeights }, applied };
}
