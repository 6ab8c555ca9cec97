/**
 * URLs in abstracts → safe, absolute link targets.
 *
 * Abstracts write URLs every way: `https://…`, `//github.com/…` (arXiv strips the scheme),
 * `github.com/…`, `www.…`, `\url{…}`. Written by hand because linkify libraries either miss the
 * scheme-less forms or link every `word.word` (`node.js`, `e.g.`), and we must never link a
 * `javascript:` target.
 */
import type { Link, PhrasingContent } from 'mdast';

const TLDS = 'com|org|net|io|ai|edu|gov|dev|app|co|uk|de|fr|cn|jp|info|me|ml|science|tech|site|xyz|page|cc|us|ca|eu|ch|nl|it|es|in|au|kr|ru|br|tv';
/** Host names: letters, digits, hyphens; two or more labels ending in a known top-level domain. */
const HOST = `(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS})`;
const URL_PATTERN = new RegExp(
  [
    `https?://[^\\s<>"'\`{}|\\\\^]+`, // explicit scheme
    `(?<=^|[\\s(\\[])//${HOST}(?::\\d+)?(?:/[^\\s<>"'\`{}|\\\\^]*)?`, // scheme-relative, after a space or bracket only
    `(?<![\\w@./:-])(?:www\\.)?${HOST}(?::\\d+)?/[^\\s<>"'\`{}|\\\\^]*`, // bare host with a path
    `(?<![\\w@./:-])www\\.${HOST}\\b`, // bare www host
  ].join('|'),
  'gi',
);

/**
 * Makes a raw URL safe and absolute, or returns undefined when it must not be a link
 * (`javascript:`, `data:`, anything that is not http(s) or host-like).
 */
export function toSafeUrl(raw: string): string | undefined {
  const url = raw.trim();
  let absolute: string;
  if (/^https?:\/\//i.test(url)) absolute = url;
  else if (url.startsWith('//')) absolute = `https:${url}`;
  else if (new RegExp(`^(?:www\\.)?${HOST}(?:[:/]|$)`, 'i').test(url)) absolute = `https://${url}`;
  else return undefined;
  try {
    const parsed = new URL(absolute);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined; // not a URL after all; the caller keeps it as text
  }
}

/** Drops sentence punctuation after a URL, keeping a `)` that closes a `(` inside it. */
export function trimUrlEnd(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last && '.,;:!?\'"'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else if (last === ']' && count(url, '[') < count(url, ']')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Splits text nodes at URLs, turning each URL into a link; other nodes pass through. */
export function linkify(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      const url = toSafeUrl(node.url);
      if (url) out.push({ ...node, url });
      else out.push(...node.children); // `\url{javascript:…}`: keep the text, drop the link
      continue;
    }
    if (node.type === 'emphasis' || node.type === 'strong') {
      out.push({ ...node, children: linkify(node.children) } as PhrasingContent);
      continue;
    }
    if (node.type !== 'text') {
      out.push(node);
      continue;
    }
    let last = 0;
    for (const match of node.value.matchAll(URL_PATTERN)) {
      const candidate = trimUrlEnd(match[0]);
      const url = toSafeUrl(candidate);
      if (!url) continue;
      if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
      out.push({ type: 'link', url, children: [{ type: 'text', value: candidate }] } satisfies Link);
      last = match.index + candidate.length;
    }
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  }
  return out;
}
