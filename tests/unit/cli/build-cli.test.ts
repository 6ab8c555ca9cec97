/** `npm run build -- --help` explains the command instead of building (unknown options: script-options.test.ts). */
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/build.ts', ...args], { encoding: 'utf8' });

test('--help prints the usage and SITE_URL, and builds nothing', () => {
  const result = run('--help');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Usage: npm run build');
  expect(result.stdout).toContain('SITE_URL');
  expect(result.stdout).not.toContain('build: ingest');
});
