/**
 * The baselines of /work/shared/baselines (Hugo + Pagefind, Starlight) on the same corpus, run
 * through their own run-baseline.sh (one cold run), so their figures stay comparable with the
 * baselines' README. The harness samples the same run's process tree too: the `time -v -o
 * <phase>.time` process marks the phase, so the tree's peak RSS is attributed to "build" alone.
 */
import { existsSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cmdline, run, treeOf } from './proc.ts';
import type { BaselineResult } from './types.ts';

const MiB = 1024 * 1024;

export interface BaselineOptions {
  sharedDir: string;
  /** BASE of run-baseline.sh (projects, corpora). */
  base: string;
  resultsDir: string;
  /** Limit per timed command (run-baseline's LIMIT_S). */
  limitS: number;
}

export function baselineReady(gen: 'hugo' | 'starlight', base: string): boolean {
  return existsSync(join(base, gen, 'node_modules'));
}

/** Free bytes on the file system holding `path`. */
export function freeBytes(path: string): number {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
}

/** Starlight's output grows with papers² (every page carries the whole sidebar): 273 MB at 1k, 24.6 GB at 10k. */
export function starlightDiskEstimate(papers: number): number {
  return 0.26e9 * (papers / 1000) ** 2;
}

function num(s: string | undefined): number | null {
  if (s === undefined || s === '-' || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export async function runBaseline(gen: 'hugo' | 'starlight', papers: number, options: BaselineOptions): Promise<BaselineResult> {
  const empty: BaselineResult = { generator: gen, status: 'skipped', wallS: null, gnuTimeRssMiB: null, treeRssMiB: null, htmlPages: null, outMB: null, papers: null };
  if (!baselineReady(gen, options.base)) {
    return { ...empty, note: `no ${join(options.base, gen)}: run bash ${options.sharedDir}/baselines/setup-${gen}.sh first` };
  }
  const peaks = new Map<string, number>();
  const onSample = ({ procs, tree }: { procs: Map<number, { ppid: number; rssBytes: number }>; tree: number[] }) => {
    for (const pid of tree) {
      const argv = cmdline(pid);
      if (!argv[0]?.endsWith('/time')) continue;
      const o = argv.indexOf('-o');
      if (o < 0 || !argv[o + 1]) continue;
      const phase = basename(argv[o + 1]!).replace(/-\d+\.time$/, '');
      let sum = 0;
      for (const p of treeOf(pid, procs)) sum += procs.get(p)?.rssBytes ?? 0;
      peaks.set(phase, Math.max(peaks.get(phase) ?? 0, sum));
    }
  };
  const script = join(options.sharedDir, 'baselines', 'run-baseline.sh');
  const env = { ...process.env, LIMIT_S: String(options.limitS), RESULTS_DIR: options.resultsDir, BASE: options.base };
  // Hugo runs build, hugo alone and pagefind alone; Starlight build and pagefind alone: up to 3 limits.
  const result = await run('bash', [script, gen, String(papers), '1'], {
    cwd: options.base, env, limitS: options.limitS * 3 + 300, echo: `  ${gen} | `, onSample,
  });
  const tsv = join(options.resultsDir, 'results.tsv');
  const line = existsSync(tsv)
    ? readFileSync(tsv, 'utf8').trim().split('\n').reverse().find((l) => l.startsWith(`${gen}\t${papers}\t`))
    : undefined;
  const versionsFile = join(options.resultsDir, `${gen}-${papers}`, 'versions.txt');
  const versions = existsSync(versionsFile) ? readFileSync(versionsFile, 'utf8').trim() : undefined;
  const treeRss = peaks.get('build');
  if (!line || result.timedOut) {
    const why = result.timedOut ? `the whole baseline run passed its ${options.limitS * 3 + 300} s limit` : `run-baseline.sh exit ${result.exitCode}`;
    return { ...empty, status: result.timedOut ? 'timeout' : 'failed', note: why, treeRssMiB: treeRss ? Math.round(treeRss / MiB) : null, ...(versions ? { versions } : {}) };
  }
  // generator corpus papers runs build_wall build_rss hugo_only pagefind_wall pagefind_rss inbuild html out_MB status
  const f = line.split('\t');
  const status = f[12] === 'ok' ? 'ok' : /timeout/.test(f[12] ?? '') ? 'timeout' : 'failed';
  return {
    generator: gen, status, ...(status !== 'ok' ? { note: f[12] } : {}),
    wallS: num(f[4]), gnuTimeRssMiB: num(f[5]), treeRssMiB: treeRss ? Math.round(treeRss / MiB) : null,
    ...(gen === 'hugo' ? { hugoOnlyS: num(f[6]) } : { starlightInbuildPagefindS: num(f[9]) }),
    pagefindAloneS: num(f[7]), htmlPages: num(f[10]), outMB: num(f[11]), papers: num(f[2]),
    ...(versions ? { versions } : {}),
  };
}

/** Removes a baseline's output and caches (Starlight's dist is ~25 GB at 10k papers) and its converted pages. */
export function cleanBaseline(gen: 'hugo' | 'starlight', base: string): void {
  const proj = join(base, gen);
  const paths = gen === 'hugo'
    ? ['public', 'resources', '.hugo_build.lock', 'content/papers']
    : ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'src/content/docs/papers'];
  for (const p of paths) rmSync(join(proj, p), { recursive: true, force: true });
}
