/**
 * `node_modules/.bin/node scripts/bench-cards.ts [--papers N] [--cards N]`: what a link-preview card costs, by
 * phase, on one thread. The cards are those a build with SITE_URL makes (`siteCards`) for the bench corpus
 * (`make-corpus.mjs N`, ingested in a scratch copy of the project); after 30 warm-up cards (fonts, wasm, frames),
 * each of `--cards` cards is drawn as `renderCardPng` draws it, and the thread's CPU time (user + system,
 * `process.threadCpuUsage`) is added up per phase: satori (the body's SVG), resvg (its pixels), encode (into the
 * frame, PNG). Process CPU adds the garbage collector's and other helper threads' time. Thread CPU is steadier
 * than wall time on a loaded machine; compare runs made side by side. Figures: og-card-render.ts's docstring.
 * The corpus and its ingested copy stay in /tmp/papershelf-bench-cards/ for the next run: delete it after
 * changing the ingest (topics, tags and titles are what the cards show).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paper } from '../src/core/paper.ts';
import { normaliseCard } from '../src/publish/og-card-layout.ts';
import { cardFrame, encodeCard, rasterise, renderBodySvg } from '../src/publish/og-card-render.ts';
import { siteCards } from '../src/publish/site-cards.ts';
import { makeScratchProject } from './bench/papershelf.ts';
import { readExistingEntries } from './lib/entries-dir.ts';

const SHARED = process.env.PAPERSHELF_BENCH_SHARED ?? '/work/shared';
const WORK = '/tmp/papershelf-bench-cards';
const WARM_UP = 30;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number of at least 1`);
  return value;
}

const papers = option('--papers', 1000);
const count = option('--cards', 1000);
const corpus = join(WORK, `corpus-${papers}`);
const project = join(WORK, `project-${papers}`);
if (!existsSync(corpus)) execFileSync(process.execPath, [join(SHARED, 'tools', 'make-corpus.mjs'), String(papers), corpus], { stdio: 'inherit' });
if (!existsSync(join(project, 'content', 'papers'))) {
  makeScratchProject(resolve('.'), project, corpus);
  execFileSync(process.execPath, ['scripts/ingest.ts', '--quiet'], { cwd: project, stdio: 'inherit' });
}
const entries = readExistingEntries(join(project, 'content', 'papers'), 'content/papers').entries;
// Cards read the front matter only (title, topic, tags).
const list = entries.map((e) => ({ ...e.data, slug: e.slug, abstract: '', body: '' }) as Paper);
const cards = siteCards(list, 'Papershelf').map((c) => c.content);
if (cards.length < WARM_UP + count) throw new Error(`${cards.length} cards from ${papers} papers: ask for at most ${cards.length - WARM_UP} (--cards)`);

const threadMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const phases = { satori: 0, resvg: 0, encode: 0 };
let bytes = 0;
const draw = async (content: (typeof cards)[number], add: boolean) => {
  const card = normaliseCard(content);
  const t0 = threadMs();
  const svg = await renderBodySvg(card);
  const t1 = threadMs();
  const body = await rasterise(svg);
  const t2 = threadMs();
  const png = encodeCard(await cardFrame(card), body);
  const t3 = threadMs();
  if (!add) return;
  phases.satori += t1 - t0;
  phases.resvg += t2 - t1;
  phases.encode += t3 - t2;
  bytes += png.length;
};
for (const content of cards.slice(0, WARM_UP)) await draw(content, false);
const started = { thread: threadMs(), process: process.cpuUsage(), wall: performance.now() };
for (const content of cards.slice(WARM_UP, WARM_UP + count)) await draw(content, true);
const processCpu = process.cpuUsage(started.process);
const per = (ms: number) => (ms / count).toFixed(2);
console.log(
  `${count} cards (${papers}-paper corpus): thread CPU ${per(threadMs() - started.thread)} ms a card (satori ${per(phases.satori)}, resvg ${per(phases.resvg)}, encode ${per(phases.encode)}); ` +
    `process CPU ${per((processCpu.user + processCpu.system) / 1000)} ms; wall ${per(performance.now() - started.wall)} ms; mean PNG ${(bytes / count / 1024).toFixed(1)} KiB`,
);
