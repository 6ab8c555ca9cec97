import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { brokenLinks } from '../../../scripts/check-links.ts';

test('the link checker flags root-absolute, folder and missing targets, and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  mkdirSync(join(dir, 'tags'));
  writeFileSync(join(dir, 'tags', 'index.html'), '');
  writeFileSync(join(dir, 'a.html'), '');
  writeFileSync(
    join(dir, 'index.html'),
    '<a href="a.html">ok</a><a href="a.html#x">ok</a><a href="https://example.org/">outside</a><link rel="canonical" href="/x">' +
      '<a href="/a.html">root</a><a href="tags/">folder</a><script src="missing.js"></script><img src="tags/index.html?v=1">',
  );
  expect(brokenLinks(dir)).toEqual(['index.html: /a.html', 'index.html: tags/', 'index.html: missing.js']);
});
