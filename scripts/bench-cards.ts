/**
 * `node_modules/.bin/node scripts/bench-cards.ts [--papers N] [--cards N] [--whole]`: what a link-preview card
 * costs, by phase, on one thread. The cards are those a build with SITE_URL makes (`siteCards`) for the bench
 * corpus (`make-corpus.mjs N`, ingested in a scratch copy of the project); after 30 warm-up cards (fonts, wasm,
 * frames), each of `--cards` cards is drawn as `renderCardPng` draws it, and the thread's CPU time (user +
 * system, `process.threadCpuUsage`) is added up per phase: compose (layout and the sprites not cached yet,
 * og-card-compose.ts), composite (sprites into the frame, PNG); for the cards drawn whole, satori (the body's
 * SVG), resvg (its pixels), encode (into the frame, PNG). `--whole` draws every card whole (the path before the
 * compositor), for an A/B. Process CPU adds the garbage collector's and other helper threads' time. Thread CPU
 * is steadier than wall time on a loaded machine; compare runs made side by side. Figures: og-card-render.ts's
 * and og-card-composite.ts's docstrings.
 * The corpus and its ingested copy stay in /tmp/papershelf-bench-cards/ for the next run: delete it after
 * changing the ingest (topics, tags and titles are what the cards show).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paper } from '../src/core/paper.ts';
import { composeBody } from '../src/publish/og-card-compose.ts';
import { compositeCard } from '../src/publish/og-card-composite.ts';
import { normaliseCard } from '../src/publish/og-card-layout.ts';
import { cardFrame, encodeCard, rasterise, renderBodySvg } from '../src/publish/og-card-render.ts';
import { glyphCacheStats } from '../src/publish/og-card-glyphs.ts';
import { spriteCacheStats } from '../src/publish/og-card-sprites.ts';
import { siteCards } from '../src/publish/site-cards.ts';
import { makeScratchProject } from './bench/papershelf.ts';
import { readExistingEntries } from './lib/entries-dir.ts';
import { positiveWhole, readCommandLine } from './lib/command-line.ts';

const SHARED = process.env.PAPERSHELF_BENCH_SHARED ?? '/work/shared';
const WORK = '/tmp/papershelf-bench-cards';
const WARM_UP = 30;

const HELP = `Usage: node_modules/.bin/node scripts/bench-cards.ts [options]

What a link-preview card costs, by phase, on one thread (CPU time), for the cards of a bench corpus.

  --papers N    corpus size (default 1000); corpus and ingested copy kept in ${WORK}/
  --cards N     cards measured after ${WARM_UP} warm-up cards (default 1000)
  --whole       draw every card whole (satori and resvg), for an A/B with the compositor
  --help        this text`;

const { values: options } = readCommandLine('bench-cards', HELP, { papers: { type: 'string' }, cards: { type: 'string' }, whole: { type: 'boolean' } });
const whole = options.whole === true;
const papers = positiveWhole('bench-cards', 'papers', options.papers, 1000);
const count = positiveWhole('bench-cards', 'cards', options.cards, 1000);
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
const phases = { compose: 0, composite: 0, satori: 0, resvg: 0, encode: 0 };
const perCard: number[] = [];
let bytes = 0;
let drawnWhole = 0;
const draw = async (content: (typeof cards)[number], add: boolean) => {
  const card = normaliseCard(content);
  const frame = await cardFrame(card);
  const t0 = threadMs();
  const placements = whole ? undefined : await composeBody(card, rasterise);
  const t1 = threadMs();
  let png: Uint8Array;
  const composited = placements && compositeCard(frame, placements);
  if (composited) {
    png = composited;
    const t2 = threadMs();
    if (add) phases.composite += t2 - t1;
  } else {
    const svg = await renderBodySvg(card);
    const t2 = threadMs();
    const body = await rasterise(svg);
    const t3 = threadMs();
    png = encodeCard(frame, body);
    const t4 = threadMs();
    if (add) {
      phases.satori += t2 - t1;
      phases.resvg += t3 - t2;
      phases.encode += t4 - t3;
      drawnWhole++;
    }
  }
  if (!add) return;
  phases.compose += t1 - t0;
  perCard.push(threadMs() - t0);
  bytes += png.length;
};
for (const content of cards.slice(0, WARM_UP)) await draw(content, false);
const started = { thread: threadMs(), process: process.cpuUsage(), wall: performance.now() };
for (const content of cards.slice(WARM_UP, WARM_UP + count)) await draw(content, true);
const processCpu = process.cpuUsage(started.process);
const per = (ms: number) => (ms / count).toFixed(2);
// Thread CPU is counted in the kernel's ticks (4 ms here): a card's own figure is 0, 4 or 8 ms. So the median
// is over batches of `BATCH` cards in drawing order (each batch's mean), which also shows caches warming up.
const BATCH = 50;
const batches: number[] = [];
for (let i = 0; i + BATCH <= perCard.length; i += BATCH) batches.push(perCard.slice(i, i + BATCH).reduce((a, b) => a + b, 0) / BATCH);
const sorted = [...batches].sort((a, b) => a - b);
const quantile = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2);
const sprites = spriteCacheStats();
const glyphs = glyphCacheStats();
console.log(
  `${count} cards (${papers}-paper corpus${whole ? ', all drawn whole' : ''}): thread CPU ${per(threadMs() - started.thread)} ms a card, median of ${BATCH}-card batches ${quantile(0.5)} (p10 ${quantile(0.1)}, p90 ${quantile(0.9)}; first ${batches[0]?.toFixed(2)}, last ${batches[batches.length - 1]?.toFixed(2)}) ` +
    `(compose ${per(phases.compose)}, composite ${per(phases.composite)}; ${drawnWhole} drawn whole: satori ${per(phases.satori)}, resvg ${per(phases.resvg)}, encode ${per(phases.encode)}); ` +
    `process CPU ${per((processCpu.user + processCpu.system) / 1000)} ms; wall ${per(performance.now() - started.wall)} ms; mean PNG ${(bytes / count / 1024).toFixed(1)} KiB; ` +
    `sprites ${sprites.count} cached, ${(sprites.bytes / 1048576).toFixed(1)} MiB, ${sprites.drawn} drawn; glyphs ${glyphs.count} cached, ${(glyphs.bytes / 1048576).toFixed(1)} MiB, ${glyphs.drawn} drawn`,
);
