/**
 * Builds the seed site once for the whole test run, with SITE_URL set so the sharing features
 * are present. The same folder is then served at `/`, under a sub-path, and opened from disk.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Shaped like a GitHub Pages project address (docs/deploy/github-pages.yml): the site lives under a
 * sub-path, `/reading-list/`, and the tests serve it from that path as well as from others.
 */
export const TEST_SITE_URL = 'https://papershelf-demo.github.io/reading-list/';

export default function setup(project: TestProject) {
  const outDir = resolve('.cache/test-site');
  if (process.env.PAPERSHELF_TEST_REUSE_BUILD !== '1') {
    rmSync(outDir, { recursive: true, force: true });
    execFileSync(process.execPath, ['scripts/build.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PAPERSHELF_OUT_DIR: outDir, SITE_URL: TEST_SITE_URL },
    });
  }
  project.provide('siteDir', outDir);
  project.provide('siteUrl', TEST_SITE_URL);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
  }
}
