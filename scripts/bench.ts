/**
 * `npm run bench [-- options]`: how fast and how big Papershelf's build is at 1k, 10k and 50k
 * papers, side by side with Hugo + Pagefind and Starlight on the same corpus. Writes
 * docs/benchmarks.json, docs/benchmarks.md and docs/benchmarks.svg. `--help` for the options.
 *
 * Each size gets a scratch copy of the project in /tmp/papershelf-bench/<N>/ (see
 * scripts/bench/papershelf.ts), so the repo's content/ and dist/ are never touched.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { baselineReady, cleanBaseline, freeBytes, runBaseline, starlightDiskEstimate } from './bench/baselines.ts';
import { cleanForColdBuild, makeScratchProject, paperPageSizes, round, timedBuild, walkFiles } from './bench/papershelf.ts';
import { floorSectionOf, spliceFloorSection } from './bench/floor-report.ts';
import { markdown, svg } from './bench/report.ts';
import { measureSearchLoads } from './bench/search-bytes.ts';
import type { BenchResults, Machine, SizeResult } from './bench/types.ts';
import { readCommandLine, usageError } from './lib/command-line.ts';

const HELP = `Usage: npm run bench -- [options]

  --quick              1,000 papers only (a few minutes)
  --sizes N,N,…        corpus sizes (default 1000,10000,50000)
  --starlight-large    run Starlight above 1,000 papers too (10k: ~15 min and ~25 GB of disk)
  --no-baselines       Papershelf only
  --no-starlight       no Starlight at all
  --no-search          skip the Chromium first-search measurement
  --no-site-url        build only without SITE_URL (default: without, then again with
                       SITE_URL=https://example.org/shelf/, each rebuild against its own cold build)
  --limit S            time limit per build in seconds (default: 600 s, or 0.12 s per paper, at most 3600 s)
  --query WORD         the first-search query (default: diffusion)
  --cold-only          skip the no-op and add-one-file rebuilds (e.g. for 50k)
  --merge              keep the sizes of docs/benchmarks.json this run does not measure
  --keep               keep the scratch projects in /tmp/papershelf-bench/
  --help               this text

Baselines need /work/shared/baselines/setup-hugo.sh and setup-starlight.sh run once.`;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.PAPERSHELF_BENCH_SHARED ?? '/work/shared';
const WORK = process.env.PAPERSHELF_BENCH_DIR ?? '/tmp/papershelf-bench';
const BASE = process.env.BASE ?? '/tmp/baselines';
const SITE_URL = 'https://example.org/shelf/';
const DEFAULT_QUERY = 'diffusion';

interface Options {
  sizes: number[];
  starlightLarge: boolean;
  baselines: boolean;
  starlight: boolean;
  search: boolean;
  /**
   * SITE_URL of a second configuration built after the first (cold, no-op, add-one), or undefined.
   * The first is always built without SITE_URL: the main budgets are set against it.
   */
  otherSiteUrl: string | undefined;
  limitS: number | null;
  query: string;
  merge: boolean;
  keep: boolean;
  coldOnly: boolean;
}

/** The options of the command line (`HELP`); exits on --help or a usage error (scripts/lib/command-line.ts). */
function readOptions(): Options {
  const flag = { type: 'boolean' } as const;
  const text = { type: 'string' } as const;
  const { values: v } = readCommandLine('bench', HELP, {
    quick: flag,
    sizes: text,
    'starlight-large': flag,
    'no-baselines': flag,
    'no-starlight': flag,
    'no-search': flag,
    'no-site-url': flag,
    limit: text,
    query: text,
    merge: flag,
    keep: flag,
    'cold-only': flag,
  });
  const sizes = v.quick ? [1000] : v.sizes !== undefined ? v.sizes.split(',').map((x) => Number(x.replace(/k$/i, '000'))) : [1000, 10_000, 50_000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) usageError('bench', '--sizes takes positive whole numbers, e.g. 1000,10000');
  return {
    sizes,
    starlightLarge: v['starlight-large'] === true,
    baselines: !v['no-baselines'],
    starlight: !v['no-starlight'],
    search: !v['no-search'],
    otherSiteUrl: v['no-site-url'] ? undefined : SITE_URL,
    limitS: v.limit !== undefined ? Number(v.limit) : null,
    query: v.query ?? DEFAULT_QUERY,
    merge: v.merge === true,
    keep: v.keep === true,
    coldOnly: v['cold-only'] === true,
  };
}

const limitFor = (o: Options, papers: number) => o.limitS ?? Math.min(3600, Math.max(600, Math.round(papers * 0.12)));

function machine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const pkg = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return {
    cores: cpus().length,
    ramGiB: Math.round(Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0) / 1024 / 1024),
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    kernel: release(),
    loadAvgStart: loadAvg(),
    versions: { astro: pkg('astro'), pagefind: pkg('pagefind'), vite: pkg('vite') },
  };
}

function commit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts/build.ts', 'scripts/ingest.ts', 'scripts/lib', 'astro.config.mjs', 'package.json', 'public', 'content/pages', 'content/taxonomy.yaml'], { cwd: repo, encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return undefined;
  }
}

const loadAvg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The corpus run-baseline.sh would make (same tool, same arguments), shared by all three generators. */
function corpus(papers: number): { dir: string; files: number; bytes: number } {
  const dir = join(BASE, 'corpus', `raw-${papers}`);
  if (!existsSync(dir)) execFileSync(process.execPath, [join(SHARED, 'tools', 'make-corpus.mjs'), String(papers), dir], { stdio: 'inherit' });
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  return { dir, files: files.length, bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0) };
}

function extraFile(): string {
  const dir = join(WORK, 'corpus', 'extra-10-seed7');
  if (!existsSync(dir)) execFileSync(process.execPath, [join(SHARED, 'tools', 'make-corpus.mjs'), '10', dir, '--seed', '7'], { stdio: 'inherit' });
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.txt'))!);
}

function log(text: string): void {
  console.log(`bench: ${text}`);
}

async function benchSize(papers: number, o: Options): Promise<SizeResult> {
  const limitS = limitFor(o, papers);
  const c = corpus(papers);
  const result: SizeResult = { papers, date: new Date().toISOString(), loadAvg: loadAvg(), commit: commit(), corpus: c, papershelf: { cold: undefined! } };
  const dir = join(WORK, String(papers));
  log(`${papers} papers: scratch project ${dir} (${c.files} source files, ${(c.bytes / 1e6).toFixed(1)} MB), limit ${limitS} s per build`);
  makeScratchProject(repo, dir, c.dir);
  cleanForColdBuild(dir);
  const p = result.papershelf;
  try {
    log(`${papers}: cold build`);
    p.cold = await timedBuild(dir, { limitS, siteUrl: null, label: `${papers} cold` });
    log(`${papers}: cold ${p.cold.status} in ${p.cold.wallS} s, peak ${p.cold.peakTreeRssMiB} MiB`);
    const ingestS = p.cold.stages.ingest;
    if (ingestS !== undefined && p.cold.papers) p.ingestPapersPerS = Math.round(p.cold.papers / Math.max(ingestS, 0.001));
    const dist = join(dir, 'dist');
    if (p.cold.status === 'ok') {
      const files = walkFiles(dist);
      p.distFiles = files.length;
      p.distBytes = files.reduce((n, f) => n + f.bytes, 0);
      p.htmlPages = files.filter((f) => f.path.endsWith('.html')).length;
      p.pagesPerS = round(p.htmlPages / p.cold.wallS, 1);
      p.paperPages = paperPageSizes(dist);
      if (o.search) {
        log(`${papers}: first search in Chromium (q=${o.query})`);
        p.search = await measureSearchLoads(dist, o.query);
      }
    }
    if (p.cold.status === 'ok' && !o.coldOnly) {
      log(`${papers}: no-op rebuild`);
      p.noop = await timedBuild(dir, { limitS, siteUrl: null, label: `${papers} no-op` });
      log(`${papers}: add-one-file rebuild (10 papers in a new file)`);
      cpSync(extraFile(), join(dir, 'content', 'sources', 'zz-bench-added.txt'));
      p.addOne = await timedBuild(dir, { limitS, siteUrl: null, label: `${papers} add-one` });
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }

  if (o.otherSiteUrl !== undefined && p.cold.status === 'ok' && !o.coldOnly) {
    const siteUrl = o.otherSiteUrl;
    const label = `${papers}${siteUrl ? ' SITE_URL' : ''}`;
    makeScratchProject(repo, dir, c.dir);
    cleanForColdBuild(dir);
    try {
      log(`${label}: cold build`);
      const cold = await timedBuild(dir, { limitS, siteUrl, label: `${label} cold` });
      p.other = { siteUrl, cold };
      if (cold.status === 'ok') {
        log(`${label}: no-op rebuild`);
        p.other.noop = await timedBuild(dir, { limitS, siteUrl, label: `${label} no-op` });
        log(`${label}: add-one-file rebuild (10 papers in a new file)`);
        cpSync(extraFile(), join(dir, 'content', 'sources', 'zz-bench-added.txt'));
        p.other.addOne = await timedBuild(dir, { limitS, siteUrl, label: `${label} add-one` });
      }
    } finally {
      if (!o.keep) rmSync(dir, { recursive: true, force: true });
    }
  }

  if (o.baselines) {
    const resultsDir = join(WORK, 'baseline-results');
    mkdirSync(resultsDir, { recursive: true });
    const bOpts = { sharedDir: SHARED, base: BASE, resultsDir, limitS };
    log(`${papers}: Hugo + Pagefind baseline`);
    result.hugo = await runBaseline('hugo', papers, bOpts);
    cleanBaseline('hugo', BASE);
    if (o.starlight) {
      const need = starlightDiskEstimate(papers);
      const free = freeBytes(existsSync(BASE) ? BASE : '/tmp');
      if (papers > 1000 && !o.starlightLarge) {
        result.starlight = { generator: 'starlight', status: 'skipped', note: 'above 1,000 papers only with --starlight-large', wallS: null, gnuTimeRssMiB: null, treeRssMiB: null, htmlPages: null, outMB: null, papers: null };
      } else if (need > free * 0.9) {
        result.starlight = { generator: 'starlight', status: 'skipped', note: `its output would need ~${(need / 1e9).toFixed(0)} GB of disk, ${(free / 1e9).toFixed(0)} GB free`, wallS: null, gnuTimeRssMiB: null, treeRssMiB: null, htmlPages: null, outMB: null, papers: null };
      } else {
        log(`${papers}: Starlight baseline${baselineReady('starlight', BASE) ? '' : ' (not set up)'}`);
        result.starlight = await runBaseline('starlight', papers, bOpts);
        cleanBaseline('starlight', BASE);
      }
    }
  }
  return result;
}

async function main(): Promise<number> {
  const o = readOptions();
  mkdirSync(WORK, { recursive: true });
  const jsonPath = join(repo, 'docs', 'benchmarks.json');
  const previous: BenchResults | null = o.merge && existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchResults) : null;
  const results: BenchResults = {
    version: 1,
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    options: {
      sizes: o.sizes,
      starlightSizes: o.baselines && o.starlight ? o.sizes.filter((n) => n <= 1000 || o!.starlightLarge) : [],
      siteUrl: null,
      ...(o.otherSiteUrl !== undefined ? { otherSiteUrl: o.otherSiteUrl } : {}),
      limitS: Object.fromEntries(o.sizes.map((n) => [n, limitFor(o!, n)])),
      query: o.query,
    },
    sizes: [],
  };
  log(`machine: ${results.machine.cores} cores, ${results.machine.ramGiB} GiB, ${results.machine.cpu}, node ${results.machine.node}; load ${results.machine.loadAvgStart}`);
  log(`disk free in /tmp: ${(freeBytes('/tmp') / 1e9).toFixed(0)} GB`);
  const write = () => {
    const measured = new Set(results.sizes.map((x) => x.papers));
    const kept = previous ? previous.sizes.filter((x) => !measured.has(x.papers)) : [];
    const merged: BenchResults = { ...results, sizes: [...kept, ...results.sizes].sort((a, b) => a.papers - b.papers) };
    if (previous) {
      merged.options = {
        ...results.options,
        sizes: merged.sizes.map((x) => x.papers),
        starlightSizes: merged.sizes.filter((x) => x.starlight && x.starlight.status !== 'skipped').map((x) => x.papers),
        limitS: { ...previous.options.limitS, ...results.options.limitS },
      };
    }
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(merged, null, 1)}\n`);
    // The floor section (npm run bench:floor) is another script's: carried over as it was.
    const mdPath = join(repo, 'docs', 'benchmarks.md');
    const floor = existsSync(mdPath) ? floorSectionOf(readFileSync(mdPath, 'utf8')) : undefined;
    writeFileSync(mdPath, floor ? spliceFloorSection(markdown(merged), floor) : markdown(merged));
    writeFileSync(join(repo, 'docs', 'benchmarks.svg'), svg(merged));
  };
  for (const papers of o.sizes) {
    const disk = freeBytes('/tmp');
    if (disk < 5e9) {
      log(`only ${(disk / 1e9).toFixed(1)} GB free in /tmp: stopping before ${papers} papers`);
      break;
    }
    results.sizes.push(await benchSize(papers, o));
    results.machine.loadAvgEnd = loadAvg();
    write(); // after every size, so a later failure or a kill keeps what was measured
  }
  results.machine.loadAvgEnd = loadAvg();
  write();
  log('wrote docs/benchmarks.json, docs/benchmarks.md, docs/benchmarks.svg');
  for (const line of markdown(results).split('\n').filter((l) => l.startsWith('|'))) console.log(line);
  return 0;
}

process.exitCode = await main();
