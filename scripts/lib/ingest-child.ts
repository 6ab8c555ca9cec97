/**
 * The build's ingest (scripts/ingest.ts: parsing, titles, tagging, related papers, entry files) in a child
 * process, so that the memory it reaches is returned to the system when it ends, before Astro renders.
 *
 * Run on the build's own thread, the ingest left the build process resident at 1.3-1.5 GiB through the whole
 * render at 50k papers though its live heap was ~270 MB after a full GC (V8 and the allocator keep the pages a
 * big transient heap grew into; a forced full GC took only 1,684 -> 1,507 MiB): with Astro (~1.1 GiB) and a
 * Pagefind run (~600 MiB) beside it, the tree peaked at 3,293 MiB (session 8 bench) against issue #18's 3 GiB.
 * The child hands the build only what it reads afterwards (papers, recent ids, issues, report),
 * which the build's fresh heap holds compactly.
 *
 * The hand-offs are files written with `v8.serialize` and named in a small IPC message: the ingest runs
 * synchronously, so a large IPC message would wait in the pipe until it ended, and the build's head starts
 * (abstracts from the merge on, references from the titles on: `onBodies`, `onTitled`) would lose their lead.
 *
 * Measured and not kept (session 11): a larger young generation for the ingest (`--max-semi-space-size=64`;
 * GC was 7 % of its profile at 10k): a cold 10k ingest took 10.8 and 12.0 CPU-s against 11.0 and 11.7 without
 * (two interleaved pairs, load 8-12).
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { entryBody } from '../../src/core/entry-file.ts';
import { compileCacheDir } from './compile-cache.ts';
import { entriesAsRead, removeEntriesBackup } from './entries-dir.ts';
import { entriesWrittenAlongside } from './memory-budget.ts';
import { paperEntriesFile, writePaperEntries } from '../../src/site/content/paper-entries-file.ts';
import type { IngestOutput, TitledPaper } from '../../src/ingest/pipeline.ts';

/** What the build reads of the ingest's output. */
export interface IngestHandoff extends Pick<IngestOutput, 'papers' | 'issues' | 'report'> {
  /** The ingest state's recent paper ids (papers added since the list was last classified afresh). */
  recent: string[];
  /**
   * Entry bodies (Markdown, as Astro reads them from the entry files) that differ from their paper's `body`,
   * by slug; `abstractBodies` reads the others from the papers. Handing over the entry texts instead made
   * the hand-off 43.5 MiB instead of 27 at 10k papers (10,000 entries, none different).
   */
  otherBodies: Record<string, string>;
  /** The child's CPU seconds up to the hand-off (it goes on to write the entries; see ChildIngest). */
  cpuS: number;
}

/** The body of each paper's entry file, which Astro renders: its abstract's Markdown. */
export const abstractBodies = (handoff: IngestHandoff): string[] => handoff.papers.map((p) => handoff.otherBodies[p.slug] ?? p.body);

/** The ingest's hooks as the build sees them; `onPhase` also gets the child's CPU seconds spent in the phase. */
export interface ChildIngestHooks {
  onPhase?: (name: string, ms: number, cpuS: number) => void;
  onBodies?: (bodies: string[]) => void;
  onTitled?: (papers: TitledPaper[]) => void;
}

type Message =
  | { kind: 'phase'; name: string; ms: number; cpuS: number }
  | { kind: 'bodies' | 'titled' | 'handoff'; file: string }
  | { kind: 'written' }
  | { kind: 'error'; message: string };

/**
 * The ingest in its child: `handoff` once the papers are ready, before the entry files are written; `written`
 * once the child has written content/papers and the report and ended (so its CPU time counts in the build's),
 * or rejected with the ingest's own message. The paper pages read their bodies from the entry files
 * (src/site/content/paper-loader.ts `paperBody`), so the build awaits `written` before it lets Astro render;
 * the stages between (browser code, abstracts, references) need only the hand-off. Writing the 10k entries
 * was 0.6-11.3 s of the ingest stage's wall (a file created per entry; ext4 at load 11-21, 2026-12-01). A list too
 * large for the child to stay beside the Astro processes (memory-budget.ts `entriesWrittenAlongside`, ~22k
 * papers) is written before the hand-off, as before.
 */
export interface ChildIngest {
  handoff: Promise<IngestHandoff>;
  written: Promise<void>;
}

interface ChildOptions {
  root: string;
  dir: string;
  bodies: boolean;
  titled: boolean;
}

const handoffDir = (root: string) => join(root, '.cache', 'ingest-handoff');

/** Reads and deletes a hand-off file. */
function take<T>(file: string): T {
  const value = deserialize(readFileSync(file)) as T;
  rmSync(file, { force: true });
  return value;
}

/**
 * Runs the ingest of `root`'s sources (content/sources/) in a child process, calling `hooks` as it goes
 * (see ChildIngest). Both promises reject with the ingest's own message (a broken taxonomy, unreadable
 * sources) when it fails; `handoff` may have resolved before a failure to write the entries.
 */
export function ingestInChild(root: string, hooks: ChildIngestHooks): ChildIngest {
  const dir = handoffDir(root);
  rmSync(dir, { recursive: true, force: true });
  rmSync(paperEntriesFile(root), { force: true }); // written anew by this ingest, read by the Astro processes after it
  mkdirSync(dir, { recursive: true });
  // The child's modules compiled as the last build's child compiled them: importing scripts/ingest.ts took 0.59-0.66
  // CPU-s without Node's compile cache and 0.27-0.30 with it (three runs each, load 13; Node 24.21).
  const env = { ...process.env, NODE_COMPILE_CACHE: compileCacheDir(root) };
  const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
  const options: ChildOptions = { root, dir, bodies: hooks.onBodies !== undefined, titled: hooks.onTitled !== undefined };
  child.send(options);
  let failure: string | undefined;
  let ended = false;
  let handedOver: (handoff: IngestHandoff) => void;
  let handoffFailed: (error: Error) => void;
  const handoff = new Promise<IngestHandoff>((resolve, reject) => {
    handedOver = resolve;
    handoffFailed = reject;
  });
  child.on('message', (message: Message) => {
    if (message.kind === 'phase') hooks.onPhase?.(message.name, message.ms, message.cpuS);
    else if (message.kind === 'bodies') hooks.onBodies?.(take<string[]>(message.file));
    else if (message.kind === 'titled') hooks.onTitled?.(take<TitledPaper[]>(message.file));
    else if (message.kind === 'handoff') handedOver(take<IngestHandoff>(message.file));
    else if (message.kind === 'written') ended = true;
    else if (message.kind === 'error') failure = message.message;
  });
  const written = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      handoffFailed(error); // no effect once handed over
      reject(error);
    };
    child.once('error', fail);
    // 'close', not 'exit': it comes after the IPC channel closed too, so every message has been handled.
    child.once('close', (code, signal) => {
      rmSync(dir, { recursive: true, force: true });
      // The child exits without waiting for the old entries folder to go; this process outlives it.
      removeEntriesBackup(join(root, 'content', 'papers'));
      if (code === 0 && ended) resolve();
      else fail(new Error(failure ?? `the ingest stopped (${signal ?? `exit code ${code}`}); its messages are above`));
    });
  });
  written.catch(() => {}); // awaited, and so reported, by the build
  return { handoff, written };
}

/** Child side: runs the ingest, hands the papers over as a file, then writes the entry files and the report. */
async function runChild(options: ChildOptions): Promise<void> {
  const { ingestUnwritten, writeIngest } = await import('../ingest.ts');
  let file = 0;
  const write = (kind: 'bodies' | 'titled' | 'handoff', value: unknown): Message => {
    const path = join(options.dir, `${file++}-${kind}.bin`);
    writeFileSync(path, serialize(value));
    return { kind, file: path };
  };
  const handOver = (kind: 'bodies' | 'titled' | 'handoff', value: unknown) => process.send!(write(kind, value));
  const cpuS = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let phaseCpu = cpuS();
  const onPhase = (name: string, ms: number) => {
    const cpu = cpuS();
    process.send!({ kind: 'phase', name, ms, cpuS: cpu - phaseCpu } satisfies Message);
    phaseCpu = cpu;
  };
  const output = ingestUnwritten(options.root, [], {
    onPhase,
    ...(options.bodies ? { onBodies: (bodies: string[]) => handOver('bodies', bodies) } : {}),
    ...(options.titled ? { onTitled: (papers: TitledPaper[]) => handOver('titled', papers) } : {}),
  });
  // What the Astro processes read instead of Astro's content store (src/site/content/paper-entries-file.ts).
  writePaperEntries(paperEntriesFile(options.root), entriesAsRead(output.entries, output.previous, 'content/papers'));
  const otherBodies: Record<string, string> = {};
  for (const p of output.papers) {
    const body = entryBody(output.entries.get(`${p.slug}.md`) ?? '');
    if (body !== p.body) otherBodies[p.slug] = body;
  }
  // A large list's child writes first and ends before the build goes on: its memory beside the Astro processes
  // would pass the tree's budget (memory-budget.ts).
  const alongside = entriesWrittenAlongside(output.papers.length);
  if (!alongside) writeIngest(options.root, output, onPhase);
  handOver('handoff', { papers: output.papers, otherBodies, issues: output.issues, report: output.report, recent: output.state.recent ?? [], cpuS: cpuS() } satisfies IngestHandoff);
  phaseCpu = cpuS(); // the hand-off is no phase
  if (alongside) writeIngest(options.root, output, onPhase);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The build that started this process ended (failed): nobody waits for this ingest.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (options: ChildOptions) => {
    runChild(options).then(
      // Sent last, so every message before it has left when the child exits.
      () => process.send!({ kind: 'written' } satisfies Message, () => process.exit(0)),
      (error: unknown) => process.send!({ kind: 'error', message: (error as Error).message } satisfies Message, () => process.exit(1)),
    );
  });
}
