/**
 * `npm run bench:floor [-- options]`: the floor of the fixed choice. How long a minimal Astro project
 * (scripts/bench/floor-project.ts) takes to render as many HTML pages as Papershelf's 10k build, and
 * Pagefind to index them, beside Hugo + Pagefind on the 10k corpus in the same run, back to back, so a
 * loaded machine skews both sides alike. Writes docs/benchmarks-floor.json and the floor section of
 * docs/benchmarks.md (bench.ts keeps that section when it rewrites the file).
 *
 * Each run measures, in this order: Hugo + Pagefind (run-baseline.sh, one cold run), the floor in one
 * Astro process, Pagefind's CLI over its pages, Pagefind's Node API over them, the floor in two
 * Astro processes at once (half the pages each, as Papershelf renders). Wall and CPU time (user +
 * system, the command and its children) come from GNU time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBaseline } from './bench/baselines.ts';
import { floorSection, spliceFloorSection, type FloorResults, type FloorRun, type Timed } from './bench/floor-report.ts';
import { makeFloorProject, PAGEFIND_NODE_SCRIPT } from './bench/floor-project.ts';
import { run } from './bench/proc.ts';
import { positiveWhole, readCommandLine } from './lib/command-line.ts';

const HELP = `Usage: npm run bench:floor -- [options]

  --pages N     HTML pages the minimal Astro project renders (default 12678, the 10k build's count)
  --papers N    corpus size for Hugo + Pagefind (default 10000)
  --runs R      back-to-back rounds (default 1; under load, more rounds give a spread of ratios)
  --no-hugo     the floor only
  --no-write    print, do not write docs/
  --keep        keep /tmp/papershelf-floor/
  --help        this text

Hugo + Pagefind needs bash /work/shared/baselines/setup-hugo.sh run once (it installs into /tmp/baselines);
this script runs a private copy of that project, so another bench using /tmp/baselines is not disturbed.`;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.PAPERSHELF_BENCH_SHARED ?? '/work/shared';
const BASE = process.env.BASE ?? '/tmp/baselines';
const WORK = process.env.PAPERSHELF_FLOOR_DIR ?? '/tmp/papershelf-floor';
const LIMIT_S = 1200;

const loadAvg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (text: string) => console.log(`bench-floor: ${text}`);

function countHtml(dir: string): number {
  let n = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (e.name.endsWith('.html')) n++;
    }
  }
  return n;
}

/** utime + stime of `pid` in clock ticks (/proc/<pid>/stat fields 14 and 15), or 0 once it is gone. */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Linux's USER_HZ, the unit of /proc's CPU times. */
const TICKS_PER_S = 100;

/**
 * Runs `argv` under GNU time in `cwd`: wall, CPU, peak RSS of the process tree. CPU is GNU time's
 * (user + system of the command and the children it waited for), or, when larger, the sum of what each
 * process of the tree had used when last sampled: Pagefind's Node API ends its binary without waiting
 * for it, so GNU time never sees the binary's CPU.
 */
async function timed(label: string, cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const timeFile = join(WORK, `${label.replace(/\W+/g, '-')}.time`);
  const load = loadAvg();
  const ticks = new Map<number, number>();
  const result = await run('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, ...argv], {
    cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, limitS: LIMIT_S,
    onSample: ({ tree }) => tree.forEach((pid) => ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)))),
  });
  if (result.exitCode !== 0) throw new Error(`${label} failed (exit ${result.exitCode ?? result.signal}):\n${result.output.slice(-2000)}`);
  const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  const sampled = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_S;
  const out: Timed = { wallS: wall!, cpuS: Math.round(Math.max(user! + sys!, sampled) * 100) / 100, peakTreeRssMiB: Math.round(result.peakTreeRssBytes / 2 ** 20), loadAvg: load };
  log(`${label}: ${out.wallS.toFixed(1)} s wall, ${out.cpuS.toFixed(1)} s CPU, ${out.peakTreeRssMiB} MiB (load ${load})`);
  return out;
}

/** GNU time's CPU seconds (user + system) from one of run-baseline.sh's `-v` reports. */
function gnuTimeCpu(file: string): number | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
  return user && sys ? Math.round((Number(user[1]) + Number(sys[1])) * 100) / 100 : null;
}

/** A private copy of the Hugo baseline project and a link to its corpus, so concurrent benches do not share one `content/`. */
function privateHugoBase(): string | null {
  if (!existsSync(join(BASE, 'hugo', 'node_modules'))) return null;
  const base = join(WORK, 'baselines');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(base, 'corpus'), { recursive: true });
  cpSync(join(BASE, 'hugo'), join(base, 'hugo'), { recursive: true, verbatimSymlinks: true, filter: (src) => !/\/(public|resources|content\/papers)$/.test(src) });
  return base;
}

async function oneRun(o: { pages: number; papers: number; hugo: boolean }, hugoBase: string | null, floorDir: string): Promise<FloorRun> {
  const out: FloorRun = { date: new Date().toISOString(), loadAvgStart: loadAvg() } as FloorRun;
  if (o.hugo && hugoBase) {
    // run-baseline.sh makes the corpus into $BASE/corpus when it is missing: point it at the shared one.
    const corpus = join(BASE, 'corpus', `raw-${o.papers}`);
    if (!existsSync(corpus)) execFileSync(process.execPath, [join(SHARED, 'tools', 'make-corpus.mjs'), String(o.papers), corpus], { stdio: 'inherit' });
    const corpusLink = join(hugoBase, 'corpus', `raw-${o.papers}`);
    if (!existsSync(corpusLink)) symlinkSync(corpus, corpusLink);
    const resultsDir = join(WORK, 'baseline-results');
    log(`Hugo + Pagefind, ${o.papers} papers (load ${loadAvg()})`);
    const h = await runBaseline('hugo', o.papers, { sharedDir: SHARED, base: hugoBase, resultsDir, limitS: LIMIT_S });
    rmSync(join(hugoBase, 'hugo', 'public'), { recursive: true, force: true });
    const res = join(resultsDir, `hugo-${o.papers}`);
    out.hugo = {
      status: h.status, wallS: h.wallS, cpuS: gnuTimeCpu(join(res, 'build-1.time')), hugoOnlyS: h.hugoOnlyS ?? null,
      pagefindS: h.pagefindAloneS ?? null, pagefindCpuS: gnuTimeCpu(join(res, 'pagefind-1.time')), htmlPages: h.htmlPages, peakTreeRssMiB: h.treeRssMiB,
    };
    log(`Hugo + Pagefind: ${h.wallS} s (Hugo ${h.hugoOnlyS} s, Pagefind ${h.pagefindAloneS} s), ${h.htmlPages} pages`);
  }
  const node = process.execPath;
  const astro = join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const clean = () => ['dist', '.cache', '.astro', 'dist-share-1'].forEach((p) => rmSync(join(floorDir, p), { recursive: true, force: true }));
  clean();
  out.astro1 = await timed('astro floor, 1 process', floorDir, [node, astro, 'build', '--silent'], { FLOOR_PAGES: String(o.pages) });
  out.astroPages = countHtml(join(floorDir, 'dist'));
  out.pagefindCli = await timed('pagefind CLI on its pages', floorDir, [join(floorDir, 'node_modules', '.bin', 'pagefind'), '--site', 'dist', '--silent']);
  writeFileSync(join(floorDir, 'pagefind-node.mjs'), PAGEFIND_NODE_SCRIPT);
  out.pagefindNode = await timed('pagefind Node API on its pages', floorDir, [node, 'pagefind-node.mjs', 'dist']);
  clean();
  // Two builds at once, as Papershelf runs them: the second with its own output folder and caches.
  const two = `FLOOR_SHARE=0 "$0" "$1" build --silent & a=$!; FLOOR_SHARE=1 FLOOR_OUT_DIR=./dist-share-1 FLOOR_CACHE_DIR=./.cache/share-1 "$0" "$1" build --silent & b=$!; wait $a && wait $b`;
  out.astro2 = await timed('astro floor, 2 processes', floorDir, ['bash', '-c', two, node, astro], { FLOOR_PAGES: String(o.pages), FLOOR_SHARES: '2' });
  out.astro2Pages = countHtml(join(floorDir, 'dist')) + countHtml(join(floorDir, 'dist-share-1'));
  clean();
  out.loadAvgEnd = loadAvg();
  return out;
}

async function main(): Promise<number> {
  const count = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  const { values: v } = readCommandLine('bench-floor', HELP, { pages: count, papers: count, runs: count, 'no-hugo': flag, 'no-write': flag, keep: flag });
  const whole = (name: 'pages' | 'papers' | 'runs', fallback: number) => positiveWhole('bench-floor', name, v[name], fallback);
  const o = { pages: whole('pages', 12_678), papers: whole('papers', 10_000), runs: whole('runs', 1), hugo: !v['no-hugo'], write: !v['no-write'], keep: v.keep === true };
  const pkg = (name: string) => (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const results: FloorResults = {
    version: 1,
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      ramGiB: Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 2 ** 20),
      node: process.version,
      versions: { astro: pkg('astro'), pagefind: pkg('pagefind') },
    },
    pages: o.pages,
    papers: o.papers,
    runs: [],
  };
  log(`${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node}, astro ${results.machine.versions.astro}, pagefind ${results.machine.versions.pagefind}; load ${loadAvg()}`);
  mkdirSync(WORK, { recursive: true });
  const floorDir = join(WORK, 'astro');
  makeFloorProject(repo, floorDir);
  const hugoBase = o.hugo ? privateHugoBase() : null;
  if (o.hugo && !hugoBase) log(`no ${BASE}/hugo: run bash ${SHARED}/baselines/setup-hugo.sh first; measuring the floor only`);
  try {
    for (let r = 1; r <= o.runs; r++) {
      log(`round ${r} of ${o.runs}`);
      results.runs.push(await oneRun(o, hugoBase, floorDir));
    }
  } finally {
    if (!o.keep) rmSync(WORK, { recursive: true, force: true });
  }
  const section = floorSection(results);
  console.log(section);
  if (o.write) {
    writeFileSync(join(repo, 'docs', 'benchmarks-floor.json'), `${JSON.stringify(results, null, 1)}\n`);
    const md = join(repo, 'docs', 'benchmarks.md');
    writeFileSync(md, spliceFloorSection(existsSync(md) ? readFileSync(md, 'utf8') : '', section));
    log('wrote docs/benchmarks-floor.json and the floor section of docs/benchmarks.md');
  }
  return 0;
}

process.exitCode = await main();
