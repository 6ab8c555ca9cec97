/**
 * `astro build` in a child process. Astro holds on to what it loaded (its content store, the bundled
 * pages, a heap grown to fit them) until its process ends, and the stages after it — Pagefind above
 * all, a memory-hungry binary of its own — would have to fit beside that. A child's memory is gone
 * when it exits. Its heap is also capped (`astroHeapMb`): V8 otherwise lets garbage pile up to its
 * default limit (4 GB here) before it collects in earnest.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  /** The file listing paper pages kept from the last build (src/site/lib/kept-pages.ts). */
  keptList: string;
}

/**
 * Heap for a site of `papers` papers: measured live sets plus headroom (see docs/benchmarks.md), never
 * below 1.5 GB nor above V8's 4 GB default. A 50k-paper site builds within 2 GB.
 */
export function astroHeapMb(papers: number): number {
  return Math.round(Math.min(4096, Math.max(1536, 768 + papers * 0.03)));
}

export function buildWithAstro(options: AstroBuildOptions, heapMb: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { execArgv: [`--max-old-space-size=${heapMb}`], stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit code ${code}`}); its messages are above`))));
  });
}

async function main(options: AstroBuildOptions): Promise<void> {
  const { build } = await import('astro');
  await build({
    root: options.root,
    logLevel: 'warn',
    outDir: options.outDir,
    vite: { define: { 'import.meta.env.PAPERSHELF_KEPT_PAGES': JSON.stringify(options.keptList) }, build: { emptyOutDir: false } },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(JSON.parse(process.argv[2]!) as AstroBuildOptions).catch((error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  });
}
