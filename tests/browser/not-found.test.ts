/**
 * A site built without SITE_URL and served by a host, at its root and under a sub-path: the host answers
 * a missing address with 404.html, and the page is styled and leads back into the site. Before, a missing
 * paper page (`papers/gone.html`) loaded `papers/assets/site.css`, unstyled, and its header's links went to
 * pages under `papers/` that do not exist (found by session 18's new-user trial).
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openWatchedPage } from '../support/browser.ts';
import { expectNotFoundPage } from '../support/not-found-page.ts';
import { build, copyProjectWithSources } from '../support/project-copy.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let dir: string;
let browser: Browser;
const servers: StaticServer[] = [];
beforeAll(async () => {
  dir = copyProjectWithSources('not-found', (sources) => cpSync(join('tests/fixtures/irregular-plurals', 'list.txt'), join(sources, 'list.txt')));
  build(dir);
  servers.push(await serveStatic(join(dir, 'dist'), '/'), await serveStatic(join(dir, 'dist'), '/some/sub/path/'));
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe.each([
  ['at the domain root', 0],
  ['under a sub-path', 1],
] as const)('the 404 page of a build without SITE_URL, served %s', (_where, i) => {
  test.each(['papers/gone.html', 'tags/gone/2.html', 'gone.html'])('for %s is styled, and its links lead back into the site', async (missing) => {
    const server = servers[i]!;
    const watched = await openWatchedPage(browser, server.origin);
    await expectNotFoundPage(watched, `${server.base}${missing}`, server.base);
    await watched.page.close();
  });
});
