import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { brokenLinks } from '../../../scripts/check-links.ts';

let dir: string;

/** A tiny built site: `files` maps a site-relative path to its content. */
function site(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a good link passes and a missing target is reported with its page', () => {
  const root = site({ 'index.html': '<a href="a.html">good</a> <a href="papers/gone.html">broken</a>', 'a.html': '' });
  expect(brokenLinks(root)).toEqual(['index.html: papers/gone.html']);
});

test('a stray % in an href is reported as a broken link naming the page, not a crash', () => {
  const root = site({ 'papers/x.html': '<a href="../a.html">good</a><a href="100%.html">stray</a>', 'a.html': '' });
  expect(brokenLinks(root)).toEqual(['papers/x.html: 100%.html (not a valid URL: a "%" that starts no percent-escape)']);
});

test('percent-escapes and entities are decoded before the file is looked up', () => {
  const root = site({ 'index.html': '<a href="c%2B%2B.html?a=1&amp;b=2">escaped</a><img src=\'c++.html\'>', 'c++.html': '' });
  expect(brokenLinks(root)).toEqual([]);
});

test('root-absolute, folder and missing targets are flagged; outside links and the canonical are not', () => {
  const root = site({
    'tags/index.html': '',
    'a.html': '',
    'index.html':
      '<a href="a.html">ok</a><a href="a.html#x">ok</a><a href="https://example.org/">outside</a><a href="#top">here</a><link rel="canonical" href="/x">' +
      '<a href="/a.html">root</a><a href="tags/">folder</a><script src="missing.js"></script><img src="tags/index.html?v=1">',
  });
  expect(brokenLinks(root)).toEqual(['index.html: /a.html', 'index.html: tags/', 'index.html: missing.js']);
});
