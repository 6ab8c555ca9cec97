/**
 * Every command under scripts/ answers --help with its usage and does nothing else, and refuses an option it
 * does not know with exit status 2 and a message naming the option (review: `npm run eval -- --help` ran the
 * whole evaluation). The scripts are listed from the folder, so a new one is held to the same.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const scripts = readdirSync('scripts')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3));
// A script that starts its work instead of answering is stopped (and fails) rather than left running.
const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', timeout: 90_000 });
/** Loading a script's modules took up to 17 s on this 2-core machine under load: more than vitest's 30 s default left for two runs. */
const LOADED = 120_000;

describe('the scripts under scripts/', () => {
  test('are found', () => {
    expect(scripts).toEqual(expect.arrayContaining(['build', 'ingest', 'eval', 'bench']));
  });

  test.each(scripts)('%s --help prints its usage only, and exits 0', (script) => {
    const result = run(script, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /);
    expect(result.stderr).toBe('');
  }, LOADED);

  test.each(scripts)('%s refuses an unknown option, naming it, with exit status 2', (script) => {
    const result = run(script, '--no-such-option');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${script}: unknown option --no-such-option; run with --help to see the options\n`);
    expect(result.stdout).toBe('');
  }, LOADED);
});

describe('option values and arguments', () => {
  test('-h is --help', () => {
    const result = run('eval', '-h');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run eval/);
  }, LOADED);

  test('an option that takes a value and gets none is refused, naming it', () => {
    const result = run('eval', '--speed');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--speed');
  }, LOADED);

  test('an argument to a command that takes none is refused', () => {
    const result = run('build', 'extra');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('build: unexpected argument extra: options only; run with --help to see the options\n');
  }, LOADED);

  test('a count that is not a whole number of at least 1 is refused, naming the option', () => {
    const result = run('bench-floor', '--runs', '0');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('bench-floor: --runs takes a whole number of at least 1, not 0; run with --help to see the options\n');
  }, LOADED);
});
