/** docs/benchmarks.md and docs/benchmarks.svg from the results (docs/benchmarks.json). */
import type { BaselineResult, BenchResults, BuildRun, ConfigRuns, SizeResult } from './types.ts';

/** Figures of the baselines' README (same machine type, medians of 3), used when a run did not measure them. */
export const REFERENCE = {
  starlight: { 1000: { wallS: 14.3, rssMiB: 964 }, 10000: { wallS: 938, rssMiB: 1712 } } as Record<number, { wallS: number; rssMiB: number }>,
  hugo: { 10000: { wallS: 19.1, rssMiB: 956 } } as Record<number, { wallS: number; rssMiB: number }>,
};

export const BUDGETS = {
  cold10kS: 60,
  vsStarlight: 0.2,
  /** Issue #18: 10k and 50k cold without SITE_URL ≤ 1.5× Hugo + Pagefind, with SITE_URL (cards) ≤ 2.5×. */
  vsHugo: 1.5,
  vsHugoSiteUrl: 2.5,
  rss50kGiB: 3,
  noopFraction: 0.1,
  addOneFraction: 0.2,
  ingestPapersPerS: 20_000,
};

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const s = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const kb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(1)} MB`);

function runCell(run: BuildRun | undefined): string {
  if (!run) return 'not run';
  if (run.status === 'ok') return `${s(run.wallS)} s${run.upToDate ? ` (build: up to date after ${s(run.reportedS, 2)} s; the rest is process start-up)` : ''}`;
  return `**${run.status}** at ${s(run.wallS, 0)} s`;
}

function baselineCell(b: BaselineResult | undefined): string {
  if (!b) return 'not run';
  if (b.status === 'skipped') return `skipped (${b.note ?? ''})`;
  if (b.status !== 'ok') return `**${b.status}** ${b.note ?? ''}`;
  return `${s(b.wallS)} s, ${fmtInt(b.treeRssMiB ?? b.gnuTimeRssMiB ?? 0)} MiB`;
}

/** The figure a ratio is taken against: measured in this run, else the README's reference (marked). */
export function baselineFigure(size: SizeResult, gen: 'hugo' | 'starlight'): { wallS: number; rssMiB: number | null; measured: boolean } | null {
  const b = size[gen];
  if (b && b.status === 'ok' && b.wallS !== null) return { wallS: b.wallS, rssMiB: b.treeRssMiB ?? b.gnuTimeRssMiB, measured: true };
  const ref = REFERENCE[gen][size.papers];
  return ref ? { wallS: ref.wallS, rssMiB: ref.rssMiB, measured: false } : null;
}

interface BudgetRow {
  budget: string;
  value: string;
  pass: boolean | null;
  note?: string;
  /** Judged against a README figure, not a baseline measured in this run. */
  reference?: boolean;
}

/** A size's builds per configuration: the main one, then the other (with SITE_URL) when it ran. */
export function configRuns(results: BenchResults, size: SizeResult): ConfigRuns[] {
  const p = size.papershelf;
  return [{ siteUrl: results.options.siteUrl, cold: p.cold, ...(p.noop ? { noop: p.noop } : {}), ...(p.addOne ? { addOne: p.addOne } : {}) }, ...(p.other ? [p.other] : [])];
}

const configName = (c: ConfigRuns) => (c.siteUrl ? 'with SITE_URL' : 'without SITE_URL');

/** Cold builds against Hugo + Pagefind of the same size: ≤ 1.5× without SITE_URL, ≤ 2.5× with. */
function hugoRows(results: BenchResults, size: SizeResult): BudgetRow[] {
  const hugo = baselineFigure(size, 'hugo');
  return configRuns(results, size).map((c) => {
    const limit = c.siteUrl ? BUDGETS.vsHugoSiteUrl : BUDGETS.vsHugo;
    const budget = `${fmtInt(size.papers)} cold ${configName(c)} ≤ ${limit}× Hugo+Pagefind`;
    if (!hugo) return { budget, value: 'no Hugo figure', pass: null };
    return {
      budget,
      value: `${(c.cold.wallS / hugo.wallS).toFixed(2)}× (${s(c.cold.wallS)} s / ${s(hugo.wallS)} s)`,
      pass: c.cold.status === 'ok' && c.cold.wallS <= limit * hugo.wallS,
      ...(hugo.measured ? {} : { reference: true, note: 'Hugo not measured in this run; README figure' }),
    };
  });
}

export function budgets(results: BenchResults): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const at = (n: number) => results.sizes.find((x) => x.papers === n);
  const k10 = at(10_000);
  const cold10 = k10?.papershelf.cold;
  const ok10 = cold10?.status === 'ok';
  if (!k10 || !cold10) {
    rows.push({ budget: `10k papers cold ≤ ${BUDGETS.cold10kS} s`, value: 'not measured', pass: null });
  } else {
    rows.push({ budget: `10k papers cold ≤ ${BUDGETS.cold10kS} s`, value: runCell(cold10), pass: ok10 && cold10.wallS <= BUDGETS.cold10kS });
    const star = baselineFigure(k10, 'starlight');
    const hugo = baselineFigure(k10, 'hugo');
    const hugoRef = REFERENCE.hugo[10_000];
    const slowdown = hugo?.measured && hugoRef ? `; in this run Hugo + Pagefind took ${s(hugo.wallS)} s against its README ${s(hugoRef.wallS)} s, so this machine ran ${(hugo.wallS / hugoRef.wallS).toFixed(1)}× slower and the ratio is pessimistic` : '';
    rows.push(star
      ? { budget: `10k cold ≤ ${BUDGETS.vsStarlight}× Starlight`, value: `${(cold10.wallS / star.wallS).toFixed(3)}× (${s(cold10.wallS)} s / ${s(star.wallS)} s)`, pass: ok10 && cold10.wallS <= BUDGETS.vsStarlight * star.wallS, ...(star.measured ? {} : { reference: true, note: `Starlight 10k not run here (needs --starlight-large); ratio to the baselines README figure, measured on a quiet machine of the same type${slowdown}` }) }
      : { budget: `10k cold ≤ ${BUDGETS.vsStarlight}× Starlight`, value: 'no Starlight figure', pass: null });
    rows.push(...hugoRows(results, k10!));
  }
  const k50 = at(50_000);
  if (!k50) rows.push({ budget: `50k completes, peak RSS ≤ ${BUDGETS.rss50kGiB} GiB`, value: 'not measured', pass: null });
  else {
    const c = k50.papershelf.cold;
    rows.push({
      budget: `50k completes, peak RSS ≤ ${BUDGETS.rss50kGiB} GiB`,
      value: `${c.status === 'ok' ? 'completed' : `${c.status} (${c.note ?? ''})`}, ${(c.peakTreeRssMiB / 1024).toFixed(2)} GiB`,
      pass: c.status === 'ok' && c.peakTreeRssMiB <= BUDGETS.rss50kGiB * 1024,
    });
  }
  if (k50) rows.push(...hugoRows(results, k50));
  for (const size of results.sizes) {
    const p = size.papershelf;
    const n = `${fmtInt(size.papers)}`;
    for (const c of configRuns(results, size)) {
      if (c.cold.status !== 'ok') continue;
      const of = `of cold ${configName(c)} (${n})`;
      if (c.noop) rows.push({ budget: `no-op rebuild ≤ ${BUDGETS.noopFraction * 100}% ${of}`, value: c.noop.status === 'ok' ? `${((100 * c.noop.wallS) / c.cold.wallS).toFixed(0)}% (${s(c.noop.wallS)} s)` : runCell(c.noop), pass: c.noop.status === 'ok' && c.noop.wallS <= BUDGETS.noopFraction * c.cold.wallS });
      if (c.addOne) rows.push({ budget: `add-one-file rebuild ≤ ${BUDGETS.addOneFraction * 100}% ${of}`, value: c.addOne.status === 'ok' ? `${((100 * c.addOne.wallS) / c.cold.wallS).toFixed(0)}% (${s(c.addOne.wallS)} s)` : runCell(c.addOne), pass: c.addOne.status === 'ok' && c.addOne.wallS <= BUDGETS.addOneFraction * c.cold.wallS });
    }
    if (p.cold.status !== 'ok') continue;
    if (p.ingestPapersPerS !== undefined) rows.push({ budget: `ingest ≥ ${fmtInt(BUDGETS.ingestPapersPerS)} papers/s (${n})`, value: `${fmtInt(p.ingestPapersPerS)} papers/s (${s(p.cold.stages.ingest, 2)} s)`, pass: p.ingestPapersPerS >= BUDGETS.ingestPapersPerS });
  }
  return rows;
}

export function markdown(results: BenchResults): string {
  const m = results.machine;
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push('Generated by `npm run bench` (`scripts/bench.ts`); raw figures in [benchmarks.json](benchmarks.json). '
    + 'Do not edit by hand: run the benchmark again.', '');
  out.push(`- **Date:** ${results.date}`);
  out.push(`- **Machine:** ${m.cores} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Linux ${m.kernel}; Node ${m.node}`);
  out.push(`- **Load average** (other work on the machine skews timings): ${m.loadAvgStart} at start${m.loadAvgEnd ? `, ${m.loadAvgEnd} at the end` : ''}`);
  out.push(`- **Versions:** ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`- **Corpus:** \`make-corpus.mjs N\` (seed 42, 1,000 papers per file); the add-one-file rebuild adds 10 papers (\`--seed 7\`) in one new file.`);
  out.push(`- **Build:** \`node scripts/build.ts\`${results.options.siteUrl ? ` with \`SITE_URL=${results.options.siteUrl}\` (canonical links, sitemap, feed, link-preview cards when the build makes them)` : ' without SITE_URL'}${results.options.otherSiteUrl ? `, then the same builds again with \`SITE_URL=${results.options.otherSiteUrl}\` (link-preview cards; rows "with SITE_URL", each rebuild against that configuration's cold build)` : ''}, `
    + `time limit per build ${Object.entries(results.options.limitS).map(([n, l]) => `${fmtInt(Number(n))}: ${l} s`).join(', ')}.`);
  out.push('');
  out.push('How it is measured: each size builds in a scratch copy of the project (`src/`, `public/`, `scripts/`, config, `content/` '
    + 'without sources and entries, the corpus as `content/sources/`), whose `node_modules/` is a folder of per-package symlinks to the repo\'s. '
    + 'A cold build starts from raw dumps with `dist/`, `content/papers/`, `.astro/` and `.cache/` (Astro\'s content store, Vite\'s cache, '
    + 'rendered abstracts, cards) removed. Time is the wall time of the whole build process; stage times are '
    + 'the build\'s own `build: <stage> <s> s` lines; "ingest" excludes "tagging" (topics, tags, related papers). Cards render on worker threads '
    + 'alongside the stages after the ingest: their own wall time is a row of its own, and the "og cards" stage is the wait for them plus '
    + 'linking them into `dist/`. Peak memory is the largest sum of RSS over the build process and all its descendants '
    + '(Astro runs in a child process, Pagefind as a child binary, cards and abstracts on worker threads), sampled from /proc every 100 ms. Baselines run through `/work/shared/baselines/run-baseline.sh` '
    + '(one cold run each); their time is GNU time\'s wall time, their memory the same process-tree sum sampled by this harness '
    + '(GNU time\'s own figure, the largest single process, is in the JSON). First-search bytes: headless Chromium, started and settled '
    + '(the site\'s home page opened once), opens in a new context (empty cache) '
    + `\`search/index.html?q=${results.options.query}\` and every response is added up until the first results show and the network is idle, `
    + 'once served over http from 127.0.0.1 (Pagefind; the bench server does not compress, the gzipped figure is what a gzipping host would send) '
    + 'and once from file:// (the offline index; sizes of the files read). First result: the time from the search page\'s navigation start '
    + '(the page\'s own clock) until the first result is in the page, each query in a new context, no request intercepted by the harness, '
    + 'responses sized only after the first result shows, and the bytes that had arrived by then (until session 6 each query started a '
    + 'fresh Chromium and every request was routed through the harness, which added a median 174 ms served and 264 ms from disk at 1k '
    + 'papers; until session 7 each response\'s body was read and gzipped as it arrived, during the timed load).', '');
  out.push('![Build time and peak memory against corpus size](benchmarks.svg)', '');

  out.push('## Results', '');
  const sizes = results.sizes;
  const head = ['', ...sizes.map((x) => `${fmtInt(x.papers)} papers`)];
  const rows: string[][] = [];
  const row = (label: string, f: (x: SizeResult) => string) => rows.push([label, ...sizes.map(f)]);
  row('measured (UTC), load average at start', (x) => `${x.date.slice(0, 16).replace('T', ' ')}${x.loadAvg ? `, ${x.loadAvg}` : ''}`);
  row('product commit', (x) => (x.commit ? `\`${x.commit}\`` : '–'));
  row('cold build (wall)', (x) => runCell(x.papershelf.cold));
  const stageNames = [...new Set(sizes.flatMap((x) => Object.keys(x.papershelf.cold.stages)))];
  for (const st of stageNames) row(`· ${st}`, (x) => (x.papershelf.cold.stages[st] === undefined ? '–' : `${x.papershelf.cold.stages[st]!.toFixed(2)} s`));
  const alongsideNames = [...new Set(sizes.flatMap((x) => Object.keys(x.papershelf.cold.alongside ?? {})))];
  for (const name of alongsideNames) row(`· ${name}, alongside the stages above (worker threads, the Pagefind binary, or this thread while Astro renders in its processes)`, (x) => (x.papershelf.cold.alongside?.[name] === undefined ? '–' : `${x.papershelf.cold.alongside[name]!.toFixed(2)} s`));
  row('· outside the stages (startup, imports)', (x) => (x.papershelf.cold.reportedS === null ? '–' : `${Math.max(0, x.papershelf.cold.wallS - Object.values(x.papershelf.cold.stages).reduce((a, b) => a + b, 0)).toFixed(2)} s`));
  row('peak RSS, process tree', (x) => `${fmtInt(x.papershelf.cold.peakTreeRssMiB)} MiB`);
  row('· largest single process', (x) => `${fmtInt(x.papershelf.cold.peakProcRssMiB)} MiB`);
  row('HTML pages', (x) => (x.papershelf.htmlPages === undefined ? '–' : fmtInt(x.papershelf.htmlPages)));
  row('pages per second (HTML pages / cold wall)', (x) => (x.papershelf.pagesPerS === undefined ? '–' : fmtInt(x.papershelf.pagesPerS)));
  row('ingest papers per second', (x) => (x.papershelf.ingestPapersPerS === undefined ? '–' : fmtInt(x.papershelf.ingestPapersPerS)));
  row('dist/ size', (x) => (x.papershelf.distBytes === undefined ? '–' : `${mb(x.papershelf.distBytes)} (${fmtInt(x.papershelf.distFiles ?? 0)} files)`));
  row('paper page, gzip -9: median', (x) => (x.papershelf.paperPages ? `${kb(x.papershelf.paperPages.gzipMedian)} (raw ${kb(x.papershelf.paperPages.rawMedian)})` : '–'));
  row('paper page, gzip -9: max', (x) => (x.papershelf.paperPages ? kb(x.papershelf.paperPages.gzipMax) : '–'));
  const searchCell = (x: SizeResult, over: 'http' | 'file') => {
    const l = x.papershelf.search?.[over];
    if (!l) return '–';
    if (l.error) return `error: ${l.error}`;
    return `${kb(l.bytes)} in ${l.requests} requests (index ${kb(l.searchBytes)}; gzipped ${kb(l.bytesGzipped)}), ${l.engine}, ${l.results ?? '?'} hits`;
  };
  const firstResultCell = (x: SizeResult, over: 'http' | 'file') => {
    const l = x.papershelf.search?.[over];
    if (!l || l.error) return '–';
    const n = Object.keys(l.msPerQuery ?? {}).length;
    const bytes = l.firstResultBytes === undefined ? '' : `, ${kb(l.firstResultBytes)} in ${l.firstResultRequests} requests`;
    return l.msMedian === undefined ? `${fmtInt(l.ms)} ms${bytes}` : `${fmtInt(l.msMedian)} ms (median of ${n} queries; ${results.options.query}: ${fmtInt(l.ms)} ms${bytes})`;
  };
  row('first result over http', (x) => firstResultCell(x, 'http'));
  row('first result from file://', (x) => firstResultCell(x, 'file'));
  row('first search over http', (x) => searchCell(x, 'http'));
  row('first search from file://', (x) => searchCell(x, 'file'));
  row('no-op rebuild', (x) => runCell(x.papershelf.noop));
  row('add-one-file rebuild', (x) => runCell(x.papershelf.addOne));
  row('with SITE_URL: cold build (wall, peak RSS of the process tree)', (x) => (x.papershelf.other ? `${runCell(x.papershelf.other.cold)}, ${fmtInt(x.papershelf.other.cold.peakTreeRssMiB)} MiB` : 'not run'));
  row('with SITE_URL: no-op rebuild', (x) => runCell(x.papershelf.other?.noop));
  row('with SITE_URL: add-one-file rebuild', (x) => runCell(x.papershelf.other?.addOne));
  row('Hugo + Pagefind (time, peak RSS)', (x) => baselineCell(x.hugo));
  row('Starlight (time, peak RSS)', (x) => baselineCell(x.starlight));
  const ratio = (x: SizeResult, gen: 'hugo' | 'starlight') => {
    const b = baselineFigure(x, gen);
    const c = x.papershelf.cold;
    if (!b || c.status !== 'ok') return '–';
    const mem = b.rssMiB ? `, memory ${(c.peakTreeRssMiB / b.rssMiB).toFixed(2)}×` : '';
    return `time ${(c.wallS / b.wallS).toFixed(2)}×${mem}${b.measured ? '' : ' (README figure)'}`;
  };
  row('Papershelf ÷ Hugo + Pagefind', (x) => ratio(x, 'hugo'));
  row('Papershelf ÷ Starlight', (x) => ratio(x, 'starlight'));
  out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  out.push('');
  const notes = sizes.flatMap((x) => [
    ...(['cold', 'noop', 'addOne'] as const).flatMap((k) => (x.papershelf[k]?.note ? [`- ${fmtInt(x.papers)}, ${k}: ${x.papershelf[k]!.note}`] : [])),
    ...(['hugo', 'starlight'] as const).flatMap((g) => (x[g]?.note && x[g]!.status !== 'skipped' ? [`- ${fmtInt(x.papers)}, ${g}: ${x[g]!.note}`] : [])),
  ]);
  if (notes.length) out.push('Notes:', '', ...notes, '');

  out.push('## Budgets (from the issue)', '');
  out.push('| budget | measured | result |', '| --- | --- | --- |');
  for (const b of budgets(results)) {
    out.push(`| ${b.budget} | ${b.value}${b.note ? ` (${b.note})` : ''} | ${b.pass === null ? 'not measured' : b.pass ? 'pass' : '**FAIL**'}${b.reference && b.pass !== null ? ' (against the README figure)' : ''} |`);
  }
  out.push('');
  out.push('## Running it', '');
  out.push('```sh');
  out.push('npm run bench -- --quick            # 1k papers only, a few minutes');
  out.push('npm run bench                      # 1k, 10k and 50k; Starlight at 1k only');
  out.push('npm run bench -- --starlight-large  # Starlight at 10k too (~15 min, ~25 GB of disk); 50k is skipped if the disk cannot hold it');
  out.push('npm run bench -- --sizes 10000 --merge   # one size, keeping the other sizes of docs/benchmarks.json');
  out.push('```', '');
  out.push('Baselines need `bash /work/shared/baselines/setup-hugo.sh` and `setup-starlight.sh` once (they install into /tmp/baselines). '
    + 'Scratch projects live in `/tmp/papershelf-bench/` and are removed after each size (`--keep` keeps them). `--help` lists every option.', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The chart: two panels, build time and peak memory against corpus size, log-log.

const COLORS = { papershelf: '#1f6feb', hugo: '#d9480f', starlight: '#7048e8' } as const;
const LABELS = { papershelf: 'Papershelf', hugo: 'Hugo + Pagefind', starlight: 'Starlight' } as const;
type Series = keyof typeof COLORS;
interface Point {
  x: number;
  y: number;
  kind: 'ok' | 'stopped' | 'reference';
}

function seriesPoints(results: BenchResults, what: 'time' | 'memory'): Record<Series, Point[]> {
  const out: Record<Series, Point[]> = { papershelf: [], hugo: [], starlight: [] };
  for (const x of results.sizes) {
    const c = x.papershelf.cold;
    if (c.wallS > 0) out.papershelf.push({ x: x.papers, y: what === 'time' ? c.wallS : c.peakTreeRssMiB, kind: c.status === 'ok' ? 'ok' : 'stopped' });
    for (const gen of ['hugo', 'starlight'] as const) {
      const b = x[gen];
      if (b && b.status !== 'skipped' && b.wallS !== null) {
        const y = what === 'time' ? b.wallS : (b.treeRssMiB ?? b.gnuTimeRssMiB);
        if (y !== null) out[gen].push({ x: x.papers, y, kind: b.status === 'ok' ? 'ok' : 'stopped' });
      } else {
        const ref = REFERENCE[gen][x.papers];
        if (ref) out[gen].push({ x: x.papers, y: what === 'time' ? ref.wallS : ref.rssMiB, kind: 'reference' });
      }
    }
  }
  return out;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceLogTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of Math.log10(max / min) > 3 ? [1, 3] : [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function tickLabel(v: number, unit: string): string {
  if (unit === 'MiB') return v >= 1024 ? `${+(v / 1024).toFixed(1)} GiB` : `${v} MiB`;
  if (v >= 1000 && unit !== 's') return `${v / 1000}k`;
  return `${v}${unit === 's' ? ' s' : unit === 'MiB' ? ' MiB' : ''}`;
}

function panel(points: Record<Series, Point[]>, o: { x0: number; title: string; unit: string; xs: number[]; budget?: { y: number; label: string } }): string {
  const W = 400;
  const H = 260;
  const left = o.x0 + 62;
  const right = o.x0 + W - 14;
  const top = 40;
  const bottom = top + H - 70;
  const all = Object.values(points).flat().map((p) => p.y);
  if (o.budget) all.push(o.budget.y);
  // Seconds on decades (1, 2, 5, 10 …); MiB on powers of two (128 MiB, 256 MiB … 1 GiB, 2 GiB …).
  const base = o.unit === 'MiB' ? 2 : 10;
  const logb = (v: number) => Math.log(v) / Math.log(base);
  const lo = Math.min(...all, 1e9) || 1;
  const hi = Math.max(...all, 1);
  // Whole decades (or octaves) around the data, unless that leaves it squeezed in a corner.
  const yMin = Math.max(0.1, Math.max(base ** Math.floor(logb(lo)), lo / 1.6));
  const yMax = Math.min(base ** Math.ceil(logb(hi)), hi * 1.6);
  const xMin = Math.min(...o.xs) / 1.6;
  const xMax = Math.max(...o.xs) * 1.6;
  const X = (v: number) => left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (right - left);
  const Y = (v: number) => bottom - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (bottom - top);
  const parts: string[] = [];
  parts.push(`<text x="${o.x0 + W / 2}" y="22" text-anchor="middle" class="title">${esc(o.title)}</text>`);
  const yTicks = o.unit === 'MiB'
    ? Array.from({ length: Math.floor(logb(yMax)) - Math.ceil(logb(yMin)) + 1 }, (_, i) => 2 ** (Math.ceil(logb(yMin)) + i))
    : niceLogTicks(yMin, yMax);
  for (const t of yTicks) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" class="tick">${tickLabel(t, o.unit)}</text>`);
  }
  for (const t of o.xs) {
    parts.push(`<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${top}" y2="${bottom}" class="grid"/>`);
    parts.push(`<text x="${X(t).toFixed(1)}" y="${bottom + 16}" text-anchor="middle" class="tick">${tickLabel(t, '')}</text>`);
  }
  parts.push(`<text x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle" class="axis">papers (log scale)</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" class="frame"/>`);
  if (o.budget && o.budget.y >= yMin && o.budget.y <= yMax) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${Y(o.budget.y).toFixed(1)}" y2="${Y(o.budget.y).toFixed(1)}" class="budget"/>`);
    parts.push(`<text x="${right - 4}" y="${(Y(o.budget.y) + 13).toFixed(1)}" text-anchor="end" class="budgetlabel">${esc(o.budget.label)}</text>`);
  }
  for (const series of Object.keys(points) as Series[]) {
    const pts = [...points[series]].sort((a, b) => a.x - b.x);
    const color = COLORS[series];
    const measured = pts.filter((p) => p.kind !== 'reference');
    if (measured.length > 1) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${measured.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) {
      const cx = X(p.x).toFixed(1);
      const cy = Y(p.y).toFixed(1);
      const tip = `<title>${LABELS[series]}, ${p.x} papers: ${p.y.toFixed(1)} ${o.unit}${p.kind === 'reference' ? ' (baselines README figure, not measured in this run)' : p.kind === 'stopped' ? ' (stopped: time limit or failure)' : ''}</title>`;
      if (p.kind === 'stopped') parts.push(`<path d="M${+cx - 5},${+cy - 5}l10,10m0,-10l-10,10" stroke="${color}" stroke-width="2.5">${tip}</path>`);
      else parts.push(`<circle cx="${cx}" cy="${cy}" r="4.5" fill="${p.kind === 'reference' ? 'white' : color}" stroke="${color}" stroke-width="2">${tip}</circle>`);
    }
  }
  return parts.join('\n');
}

export function svg(results: BenchResults): string {
  const xs = results.sizes.map((x) => x.papers);
  const width = 820;
  const height = 300;
  const legendY = height - 16;
  const legend = (Object.keys(COLORS) as Series[]).map((k, i) => {
    const x = 70 + i * 170;
    return `<circle cx="${x}" cy="${legendY - 4}" r="4.5" fill="${COLORS[k]}"/><text x="${x + 10}" y="${legendY}" class="legend">${LABELS[k]}</text>`;
  });
  legend.push(`<circle cx="580" cy="${legendY - 4}" r="4.5" fill="white" stroke="#555" stroke-width="2"/><text x="590" y="${legendY}" class="legend">README figure</text>`);
  legend.push(`<path d="M705,${legendY - 9}l10,10m0,-10l-10,10" stroke="#555" stroke-width="2.5"/><text x="720" y="${legendY}" class="legend">stopped</text>`);
  const body = [
    panel(seriesPoints(results, 'time'), { x0: 0, title: 'Cold build time', unit: 's', xs, budget: { y: BUDGETS.cold10kS, label: `budget at 10k: ${BUDGETS.cold10kS} s` } }),
    panel(seriesPoints(results, 'memory'), { x0: 410, title: 'Peak memory (RSS of the process tree)', unit: 'MiB', xs, budget: { y: BUDGETS.rss50kGiB * 1024, label: `budget at 50k: ${BUDGETS.rss50kGiB} GiB` } }),
    ...legend,
  ].join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" role="img" aria-labelledby="t">
<title id="t">Papershelf, Hugo + Pagefind and Starlight: cold build time and peak memory against corpus size (${results.date})</title>
<style>
.title { font-size: 14px; font-weight: 600; fill: #222; }
.tick { font-size: 11px; fill: #555; }
.axis, .legend { font-size: 12px; fill: #333; }
.grid { stroke: #e3e3e3; stroke-width: 1; }
.frame { fill: none; stroke: #999; stroke-width: 1; }
.budget { stroke: #c92a2a; stroke-width: 1.2; stroke-dasharray: 5 4; }
.budgetlabel { font-size: 10.5px; fill: #c92a2a; }
</style>
<rect width="100%" height="100%" fill="white"/>
${body}
</svg>
`;
}
