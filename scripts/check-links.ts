/**
 * `node scripts/check-links.ts [dist]`: every internal href and src of every page resolves to a
 * file, relatively (no root-absolute link, no folder link). Exits 1 and lists the broken ones.
 *
 * Pages are parsed with cheerio (an HTML parser, so attributes in single quotes, without quotes or
 * holding entities such as `&amp;` read as a browser reads them).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { load } from 'cheerio';
import { htmlFilesIn } from './lib/html-files.ts';
import { readCommandLine } from './lib/command-line.ts';

/** Elements whose `href` or `src` the browser fetches or follows. */
const LINKING = 'a[href], link[href]:not([rel~="canonical"]), script[src], img[src]';

/** An address with a scheme (`https:`, `mailto:`, `data:` …) or a fragment of the same page: not a file of the site. */
const OUTSIDE = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

/**
 * Every internal link of the site in `dir` that does not reach a file, as `page: href`, or
 * `page: href (reason)` when the href cannot be read as a URL path (a stray `%`). Pages in sorted
 * order, links in document order.
 */
export function brokenLinks(dir: string): string[] {
  const broken: string[] = [];
  for (const page of htmlFilesIn(dir)) {
    const $ = load(readFileSync(join(dir, page), 'utf8'));
    for (const element of $(LINKING).toArray()) {
      const value = $(element).attr('href') ?? $(element).attr('src') ?? '';
      if (!value || OUTSIDE.test(value)) continue;
      const problem = linkProblem(dir, page, value);
      if (problem !== null) broken.push(problem ? `${page}: ${value} (${problem})` : `${page}: ${value}`);
    }
  }
  return broken;
}

/** Why `value` on `page` is broken: `''` for a plain broken link, a reason for an unreadable one, null when it works. */
function linkProblem(dir: string, page: string, value: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(value.split(/[?#]/)[0]!);
  } catch {
    return 'not a valid URL: a "%" that starts no percent-escape';
  }
  const target = posix.normalize(posix.join(posix.dirname(page), path));
  const full = join(dir, target);
  const works = !value.startsWith('/') && !target.startsWith('..') && existsSync(full) && !statSync(full).isDirectory();
  return works ? null : '';
}

const HELP = `Usage: node scripts/check-links.ts [dist]

Checks that every internal href and src of every page of the built site in dist (default: dist/) reaches a
file, relatively. Lists the broken links and exits 1 when there are any.`;

if (import.meta.main) {
  const { positionals } = readCommandLine('check-links', HELP, {}, 1);
  const dir = resolve(positionals[0] ?? 'dist');
  const broken = brokenLinks(dir);
  for (const line of broken.slice(0, 50)) console.error(line);
  console.log(`check-links: ${broken.length} broken link${broken.length === 1 ? '' : 's'} in ${dir}`);
  process.exitCode = broken.length > 0 ? 1 : 0;
}
