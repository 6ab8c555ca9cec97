/** The shape of docs/benchmarks.json, shared by the runner and the report writer. */
import type { SearchLoad } from './search-bytes.ts';

export type RunStatus = 'ok' | 'timeout' | 'failed' | 'skipped';

export interface BuildRun {
  status: RunStatus;
  /** Why a run is not ok (exit code, signal, time limit, the last stage reached). */
  note?: string;
  /** Wall time of the whole `node scripts/build.ts` process, start to exit. */
  wallS: number;
  /** What the build printed on its `build: done in` line. */
  reportedS: number | null;
  /** Per-stage seconds from the `build: <stage> <s> s` lines, in order. */
  stages: Record<string, number>;
  /** Per-stage CPU seconds (the build process's threads and its ended children) from the same lines. */
  stageCpu: Record<string, number>;
  /** Seconds of work that ran on worker threads alongside the stages (`build: alongside: <name> <s> s`). */
  alongside: Record<string, number>;
  peakTreeRssMiB: number;
  peakProcRssMiB: number;
  papers: number | null;
  searchable: number | null;
  /** The build found its inputs unchanged since the last build and stopped early. */
  upToDate: boolean;
}

export interface PaperPageSizes {
  count: number;
  rawMedian: number;
  gzipMedian: number;
  gzipMax: number;
  gzipMaxPage: string;
}

/** The builds of one configuration (with or without SITE_URL), each rebuild against that configuration's cold build. */
export interface ConfigRuns {
  /** SITE_URL of these builds; null: without. */
  siteUrl: string | null;
  cold: BuildRun;
  noop?: BuildRun;
  addOne?: BuildRun;
}

export interface PapershelfResult {
  /** The same builds in the other configuration (with SITE_URL when the main one is without). */
  other?: ConfigRuns;
  cold: BuildRun;
  noop?: BuildRun;
  addOne?: BuildRun;
  htmlPages?: number;
  distBytes?: number;
  distFiles?: number;
  paperPages?: PaperPageSizes;
  search?: { http: SearchLoad; file: SearchLoad };
  /** HTML pages written / cold wall time. */
  pagesPerS?: number;
  /** Papers / ingest stage time. */
  ingestPapersPerS?: number;
}

export interface BaselineResult {
  generator: 'hugo' | 'starlight';
  status: RunStatus;
  note?: string;
  /** GNU time wall of the full build (Hugo: hugo && pagefind; Starlight: astro build, Pagefind inside). */
  wallS: number | null;
  /** GNU time's maximum RSS (largest single process of the build). */
  gnuTimeRssMiB: number | null;
  /** This harness's sampler over the same build: peak sum of RSS over the process tree. */
  treeRssMiB: number | null;
  hugoOnlyS?: number | null;
  pagefindAloneS?: number | null;
  starlightInbuildPagefindS?: number | null;
  htmlPages: number | null;
  outMB: number | null;
  papers: number | null;
  versions?: string;
}

export interface SizeResult {
  papers: number;
  date: string;
  /** /proc/loadavg when this size started: other work on the machine slows every figure. */
  loadAvg?: string;
  /** The product code measured: the repo's HEAD commit, `+dirty` when the working tree had changes. */
  commit?: string;
  corpus: { files: number; bytes: number; dir: string };
  papershelf: PapershelfResult;
  hugo?: BaselineResult;
  starlight?: BaselineResult;
}

export interface Machine {
  cores: number;
  ramGiB: number;
  cpu: string;
  node: string;
  kernel: string;
  loadAvgStart: string;
  loadAvgEnd?: string;
  versions: Record<string, string>;
}

export interface BenchResults {
  version: 1;
  date: string;
  machine: Machine;
  options: { sizes: number[]; starlightSizes: number[]; siteUrl: string | null; otherSiteUrl?: string | null; limitS: Record<string, number>; query: string };
  sizes: SizeResult[];
}
