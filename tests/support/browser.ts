/**
 * Real headless Chromium (Debian's) through playwright-core, with every request that would leave
 * this machine blocked and counted, and console errors collected, so tests can assert both.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PAPERSHELF_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps calling home, which this closed
    // network refuses; --allow-file-access-from-files is NOT set: pages from disk must work as a
    // reader's browser opens them.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  blockedRequests: string[];
}

/** A page whose requests may go only to `allowedOrigin` (or file://), all others blocked. */
export async function openWatchedPage(browser: Browser, allowedOrigin: string | 'file'): Promise<WatchedPage> {
  const context = await browser.newContext();
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const local = allowedOrigin === 'file' ? url.startsWith('file:') : url.startsWith(allowedOrigin);
    if (local || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blockedRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, context, consoleErrors, blockedRequests };
}

/** Waits until the page's main heading reads `text` (after a navigation), or fails after 15 s. */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.locator('h1').getByText(text, { exact: true }).waitFor({ timeout: 15_000 });
}

/**
 * Runs `use` on a page from `open` (usually `setup.open` or `() => openWatchedPage(…)`) and closes
 * the page's context afterwards, whether `use` passes or throws, so one failing test leaves no
 * context open for the next.
 */
export async function withPage<P extends { context: BrowserContext }, T>(open: () => Promise<P>, use: (opened: P) => Promise<T>): Promise<T> {
  const opened = await open();
  try {
    return await use(opened);
  } finally {
    await opened.context.close();
  }
}
