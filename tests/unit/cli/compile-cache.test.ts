/**
 * The build's child processes keep Node's compile cache in .cache/node-compile-cache (scripts/lib/compile-cache.ts):
 * what makes that safe is that Node checks each cached module against its source, so a damaged or stale cache
 * only costs the compile it would have saved. Checked here on the ingest's own TypeScript modules.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';

/** Runs a Node process with the compile cache in `dir`, importing the slug module; returns what it prints. */
const run = (dir: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', "const { slugify } = await import('./src/core/slug.ts'); console.log(slugify('Graph Neural Networks'))"], {
    env: { ...process.env, NODE_COMPILE_CACHE: dir },
    encoding: 'utf8',
  }).trim();

const cacheFiles = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());

describe("the child processes' compile cache", () => {
  test('a process started on a damaged cache runs its modules as without one', () => {
    const dir = tempDir('compile-cache-');
    expect(run(dir)).toBe('graph-neural-networks');
    const files = cacheFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(file, 'damaged');
    expect(run(dir)).toBe('graph-neural-networks');
  });
});
