/**
 * `node scripts/check-links.ts [dist]`: every internal href and src of every page resolves to a
 * file, relatively (no root-absolute link, no folder link). Exits 1 and lists the broken ones.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { htmlFilesIn } from './lib/html-files.ts';

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

export function brokenLinks(dir: string): string[] {
  const broken: string[] = [];
  for (const page of htmlFilesIn(dir)) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const [tag] of html.matchAll(/<(?:a|link|script|img)\b[^>]*>/g)) {
      if (/rel="canonical"/.test(tag)) continue;
      for (const [, value] of tag.matchAll(ATTRIBUTE)) {
        if (!value || /^(?:[a-z][a-z0-9+.-]*:|#)/i.test(value)) continue;
        const path = value.split(/[?#]/)[0]!.replace(/&amp;/g, '&');
        const target = posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(path)));
        const full = join(dir, target);
        if (value.startsWith('/') || target.startsWith('..') || !existsSync(full) || statSync(full).isDirectory()) broken.push(`${page}: ${value}`);
      }
    }
  }
  return broken;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const broken = brokenLinks(dir);
  for (const line of broken.slice(0, 50)) console.error(line);
  console.log(`check-links: ${broken.length} broken link${broken.length === 1 ? '' : 's'} in ${dir}`);
  process.exitCode = broken.length > 0 ? 1 : 0;
}
