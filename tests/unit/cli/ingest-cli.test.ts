/**
 * `npm run ingest` as a user runs it: exit codes, the report it prints and writes, and writes
 * that survive being killed midway.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';

const SCRIPT = resolve('scripts/ingest.ts');

function project(sources: Record<string, string> | 'seeds'): string {
  const dir = tempDir('papershelf-cli-');
  mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
  if (sources === 'seeds') cpSync('content/sources', join(dir, 'content', 'sources'), { recursive: true });
  else for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, 'content', 'sources', name), text);
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest', () => {
  test('ingests content/sources by default and writes the report SPEC.md describes', () => {
    const dir = project('seeds');
    const result = run(dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('527 papers from 579 abstracts in 5 files: 52 duplicates merged');
    const report = JSON.parse(readFileSync(join(dir, 'content', 'ingest-report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['papers', 'merged', 'skipped', 'repaired', 'warnings', 'files']);
    expect(report.papers).toBe(527);
    expect(report.merged[0]).toEqual({ file: expect.stringMatching(/^content\/sources\//), line: expect.any(Number), into: expect.stringMatching(/^[0-9a-f]{12}$/), by: 'abstract' });
    expect(readdirSync(join(dir, 'content', 'papers')).filter((f) => f.endsWith('.md'))).toHaveLength(527);
  });

  test('prints each problem as file:line, what happened and what to do, sorted', () => {
    const dir = project({ 'a.txt': 'A Title\nWe study a question about neural networks and report experiments on many benchmarks and datasets, at length.\nA dangling title\n', 'b.png': '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' });
    const result = run(dir);
    expect(result.status).toBe(0);
    const problems = result.stdout.split('\n').filter((l) => / {2}(skipped|warning|repaired) {2}/.test(l));
    expect(problems).toEqual([
      'content/sources/a.txt:3  skipped  title line "A dangling title" has no abstract at the end of the file; skipped  → Paste its abstract on the line after it, or delete the line.  [title-without-abstract]',
      'content/sources/b.png  skipped  not a text file (binary content); skipped  → Remove it from the sources, or export it as plain text.  [not-text]',
    ]);
  });

  test('reads the files of subfolders of content/sources too, and leaves hidden ones out', () => {
    const abstract = 'We study a question about neural networks and report experiments on many benchmarks and datasets, at length.';
    const dir = project({ 'a.txt': `A Title at the Top\n${abstract}\n` });
    for (const folder of ['2024', '.hidden']) mkdirSync(join(dir, 'content', 'sources', folder));
    writeFileSync(join(dir, 'content', 'sources', '2024', 'b.txt'), `A Title in a Subfolder\n${abstract.replace('neural networks', 'soil microbes')}\n`);
    writeFileSync(join(dir, 'content', 'sources', '.hidden', 'c.txt'), `A Hidden Title\n${abstract.replace('neural networks', 'coral reefs')}\n`);
    expect(run(dir).status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'content', 'ingest-report.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['content/sources/2024/b.txt', 'content/sources/a.txt']);
    expect(report.papers).toBe(2);
  });

  test('with --strict, exits 1 when anything was skipped or warned about', () => {
    const dir = project({ 'a.txt': 'A Title\nWe study a question about neural networks and report experiments on many benchmarks and datasets, at length.\nA dangling title\n' });
    const result = run(dir, '--strict');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ingest --strict: 1 problem (skipped or warnings); see above.');
  });

  test('with --strict, exits 0 on clean input', () => {
    const dir = project({ 'a.txt': 'A Title\nWe study a question about neural networks and report experiments on many benchmarks and datasets, at length.\n' });
    expect(run(dir, '--strict').status).toBe(0);
  });

  test.each([
    [['--frobnicate'], 'ingest: unknown option --frobnicate; run with --help to see the options'],
    [['no/such/file.txt'], 'ingest: no/such/file.txt: no such file or folder'],
  ])('exits 2 on a usage error: %s', (args, message) => {
    const result = run(project({}), ...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });

  test('documents itself with --help', () => {
    const result = run(project({}), '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run ingest -- [paths…] [--strict] [--quiet]');
  });
});

describe('writes', () => {
  test('a second ingest rewrites nothing', () => {
    const dir = project('seeds');
    run(dir);
    expect(run(dir).stdout).toContain('content/papers: 0 written, 528 unchanged, 0 removed');
  });

  test('an ingest killed while writing leaves the previous entries whole', async () => {
    const dir = project('seeds');
    run(dir);
    const papers = join(dir, 'content', 'papers');
    const before = readdirSync(papers).sort();
    // A bigger list, so that writing the new entries takes a while.
    const lines = readFileSync('content/sources/004_1ff04b75ad176379.txt', 'utf8').split('\n');
    writeFileSync(join(dir, 'content', 'sources', 'big.txt'), Array.from({ length: 20 }, (_, n) => lines.map((l, i) => (i % 2 === 1 ? `${l} Variant ${n}.` : l)).join('\n')).join('\n'));
    const child = spawn(process.execPath, [SCRIPT, '--quiet'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it the moment it starts writing the new entries beside the old ones.
    while (!existsSync(`${papers}.next`) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(papers).sort()).toEqual(before);
  }, 60_000);

  test('an ingest killed between its two renames is repaired by the next run', () => {
    const dir = project('seeds');
    run(dir);
    const papers = join(dir, 'content', 'papers');
    const before = readdirSync(papers).sort();
    renameSync(papers, `${papers}.previous`); // what a kill right after the first rename leaves
    const result = run(dir, '--quiet');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 written, 528 unchanged');
    expect(readdirSync(papers).sort()).toEqual(before);
  });
});

describe('npm run ingest -- <paths> (trying files out)', () => {
  const LIST = 'A Title\nWe study a question about glaciers and report measurements on many ice shelves and outlet glaciers, at length.\n';
  const TRIAL = 'Another Title\nWe study a question about sea ice and report observations from many buoys and satellites over twenty years.\n';
  const entryOf = (dir: string) => join(dir, 'content', 'papers', readdirSync(join(dir, 'content', 'papers')).find((f) => f.endsWith('.md'))!);

  test('stops, writing nothing, when it would delete an entry the owner edited, and names it', () => {
    const dir = project({ 'list.txt': LIST });
    writeFileSync(join(dir, 'trial.txt'), TRIAL);
    expect(run(dir).status).toBe(0);
    const entry = entryOf(dir);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^topic:/m, 'notes: "my reading notes"\ntopic:'));
    const edited = readFileSync(entry, 'utf8');
    const result = run(dir, 'trial.txt');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`content/papers/${entry.split('/').pop()}`);
    expect(result.stderr).toContain('--force');
    expect(readFileSync(entry, 'utf8')).toBe(edited);
  });

  test('replaces entries nobody edited, and with --force edited ones too', () => {
    const dir = project({ 'list.txt': LIST });
    writeFileSync(join(dir, 'trial.txt'), TRIAL);
    expect(run(dir).status).toBe(0);
    const entry = entryOf(dir);
    expect(run(dir, 'trial.txt').status).toBe(0);
    expect(existsSync(entry)).toBe(false);
    expect(run(dir).status).toBe(0);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^topic:/m, 'notes: "my reading notes"\ntopic:'));
    expect(run(dir, 'trial.txt', '--force').status).toBe(0);
    expect(existsSync(entry)).toBe(false);
  });
});
