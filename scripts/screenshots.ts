/**
 * `npm run screenshots [-- dist-dir out-dir]`: each page type in light and dark, at desktop and
 * phone width, opened from disk in headless Chromium. For looking at the site, not for tests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/support/browser.ts';
import { pageTypesOf } from '../tests/support/page-types.ts';
import { readCommandLine } from './lib/command-line.ts';

const HELP = `Usage: npm run screenshots [-- dist-dir [out-dir]]

Screenshots of each page type of the built site in dist-dir (default: dist/), in light and dark, at desktop
and phone width, opened from disk in headless Chromium, into out-dir (default: .cache/screenshots/).`;

const [distArg = 'dist', outArg = '.cache/screenshots'] = readCommandLine('screenshots', HELP, {}, 2).positionals;
const dist = resolve(distArg);
const out = resolve(outArg);
if (!existsSync(join(dist, 'papers.json'))) {
  console.error(`screenshots: ${join(dist, 'papers.json')} not found; build the site first (npm run build), or pass the built folder: npm run screenshots -- path/to/dist`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const pages: Record<string, string> = { ...pageTypesOf(JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8'))), search: 'search/index.html?q=graph' };

const browser = await launchBrowser();
for (const [scheme, width, height] of [['light', 1280, 900], ['dark', 1280, 900], ['light', 390, 844], ['dark', 390, 844]] as const) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const page = await context.newPage();
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(pathToFileURL(join(dist, path.split('?')[0]!)).href + (path.includes('?') ? `?${path.split('?')[1]}` : ''));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}-${scheme}-${width}.png`), fullPage: width < 500 });
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
