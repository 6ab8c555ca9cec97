/**
 * Relative links between pages of the built site. Every `href` and `src` in a page goes through
 * `relativeHref`, so the same `dist/` works at a domain root, under any sub-path and from
 * `file://`, as Quartz does with its `resolveRelative`.
 *
 * Paths are site-relative file paths from `src/core/routes.ts`: `papers/x.html`, `index.html`.
 *
 * @example relativeHref('papers/a.html', 'tags/b.html') // '../tags/b.html'
 * @example relativeHref('index.html', 'assets/site.css') // 'assets/site.css'
 */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to;
}

/** A function that links from one page, for passing to components. */
export type Linker = (to: string) => string;

/** `relativeHref` from `from`, its way up to the root counted once: a page makes ~30 links (nav, tags, related papers). */
export function linkerFor(from: string): Linker {
  const up = relativeHref(from, '');
  return (to) => up + to;
}
