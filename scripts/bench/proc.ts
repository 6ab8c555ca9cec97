/**
 * Running one benchmarked command: wall time, a time limit that kills the whole process group, and
 * the peak memory of the whole process tree (the command and every descendant, e.g. the Pagefind
 * binary that the build starts), sampled from /proc every ~100 ms.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

interface ProcInfo {
  ppid: number;
  rssBytes: number;
}

/** Every process's parent and resident set size, from /proc/<pid>/stat (field 24 is RSS in pages). */
function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // exited meanwhile
    }
    // The command name (field 2) may hold spaces and parentheses: split after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.set(Number(name), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES });
  }
  return procs;
}

/** The pids of `root` and all its descendants. */
export function treeOf(root: number, procs: Map<number, ProcInfo> = readProcs()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid);
    if (list) list.push(pid);
    else children.set(info.ppid, [pid]);
  }
  const out: number[] = [];
  const stack = procs.has(root) ? [root] : [];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

export interface Sample {
  procs: Map<number, ProcInfo>;
  tree: number[];
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process group after this many seconds (SIGTERM, then SIGKILL 10 s later). */
  limitS: number;
  /** Echo output lines with this prefix as they arrive (undefined: stay quiet). */
  echo?: string;
  /** Called on each sample, e.g. to attribute memory to phases of a script. */
  onSample?: (sample: Sample) => void;
  sampleMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallS: number;
  /** Largest sum of RSS over the process tree seen in one sample. */
  peakTreeRssBytes: number;
  /** Largest single process RSS seen (what GNU time's ru_maxrss would approximate). */
  peakProcRssBytes: number;
  samples: number;
  output: string;
}

/** Process groups started by run() and still running: ended too when the bench itself is stopped. */
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const pgid of running) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) running.add(child.pid);
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (output.length > 4_000_000) output = output.slice(-2_000_000); // Starlight logs a line per page
      if (options.echo === undefined) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) process.stdout.write(`${options.echo}${line}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peakTree = 0;
    let peakProc = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const procs = readProcs();
      const tree = treeOf(child.pid, procs);
      let sum = 0;
      for (const pid of tree) {
        const rss = procs.get(pid)!.rssBytes;
        sum += rss;
        peakProc = Math.max(peakProc, rss);
      }
      peakTree = Math.max(peakTree, sum);
      samples++;
      options.onSample?.({ procs, tree });
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    };
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
    }, options.limitS * 1000);
    child.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      clearTimeout(limit);
      // Stragglers (a detached grandchild still holding the group) are ended too.
      killGroup('SIGKILL');
      running.delete(child.pid!);
      resolvePromise({
        exitCode, signal, timedOut, wallS: (performance.now() - started) / 1000,
        peakTreeRssBytes: peakTree, peakProcRssBytes: peakProc, samples, output,
      });
    });
  });
}
