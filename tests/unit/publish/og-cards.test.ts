import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardContent } from '../../../src/publish/og-card-content.ts';
import { cardKey, placeCards, renderCard, renderCardsToCache } from '../../../src/publish/og-cards.ts';
import { cardTree, estimateLines, normaliseCard, titleFit, truncate, type CardNode } from '../../../src/publish/og-card-layout.ts';
import { indexPixels, Palette, wordsOf } from '../../../src/publish/og-card-png.ts';
import { rasterise, renderCardSvg } from '../../../src/publish/og-card-render.ts';
import { decodeCardPng } from '../../support/card-png.ts';

const site = 'Papershelf';
const paper: CardContent = {
  kind: 'paper',
  title: 'Attention Is All You Need',
  topic: 'Natural Language Processing',
  tags: ['transformers', 'attention', 'sequence modeling', 'translation', 'fifth tag'],
  siteName: site,
};
const longTitle = `Towards a Unified Theory of <Implicit Bias>, {Sharpness} and $O(n^2)$ Bounds in Overparameterised Networks `.repeat(12);
const chinese: CardContent = { kind: 'paper', title: '基于深度强化学习的多智能体协同控制方法研究：面向复杂动态环境的分层策略优化', topic: '强化学习', tags: ['多智能体', 'control'], siteName: site };

interface Png {
  width: number;
  height: number;
  colourType: number;
  chunks: Array<{ type: string; data: Buffer }>;
}

function readPng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Png['chunks'] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    chunks.push({ type: buf.toString('latin1', at + 4, at + 8), data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  const ihdr = chunks[0]!.data;
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), colourType: ihdr[9]!, chunks };
}

/** Decodes an 8-bit palette PNG (what og-card-png writes for a card) to RGBA. */
function decodePalettePng(bytes: Uint8Array): Uint8Array {
  const png = decodeCardPng(bytes);
  expect(png.colourType).toBe(3);
  return png.rgba;
}

function texts(node: CardNode | CardNode[] | undefined): string[] {
  if (node === undefined) return [];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node === 'string') return [node];
  return texts(node.props.children);
}

describe('renderCard', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = readPng(await renderCard(paper));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(png.chunks.at(-1)!.type).toBe('IEND');
  });

  it('renders list cards, a very long title and a Chinese title without throwing', async () => {
    for (const content of [
      { kind: 'list', title: 'graph neural networks', subtitle: '42 papers', siteName: site },
      { kind: 'paper', title: longTitle, topic: 'Learning Theory', tags: ['a', 'b'], siteName: site },
      chinese,
      { kind: 'paper', title: 'Μια μελέτη: l’apprentissage à grande échelle, Đặng Việt', siteName: site },
      { kind: 'paper', title: '', siteName: '' },
    ] satisfies CardContent[]) {
      const png = readPng(await renderCard(content));
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
  });

  it('draws CJK, Greek and Cyrillic with real glyphs, not missing-glyph boxes', async () => {
    // A character no font has is drawn as the same .notdef box whatever it is; real glyphs differ from it and
    // from each other. A one-character list card differs only in that glyph.
    const draw = (ch: string) => renderCardSvg({ kind: 'list', title: ch, siteName: 'x' });
    const missing = await draw('\u{10FFFD}');
    expect(await draw('\u{10FFFC}')).toBe(missing);
    const chars = ['强', '化', '学', '習', 'λ', 'Ж', 'ệ'];
    const svgs = await Promise.all(chars.map(draw));
    for (const svg of svgs) expect(svg).not.toBe(missing);
    expect(new Set(svgs).size).toBe(chars.length);
  });

  it('keeps every character literal: the title is a text child, never markup', () => {
    const title = '<script>alert(1)</script> {{x}} $\\alpha$ &amp;';
    const tree = cardTree({ kind: 'paper', title, siteName: site });
    expect(texts(tree)).toContain(title);
  });

  it('draws a list card whose subtitle is wider than the body whole, the first time and from the sprite cache', async () => {
    // og-card-compose.ts: a subtitle is cut to length, and a wider one is drawn whole (by satori and resvg).
    // The second time, the subtitle's sprite is known not to exist: the card must not be laid out without it.
    const wide: CardContent = { kind: 'list', title: 'x', subtitle: 'W'.repeat(56), siteName: site };
    const first = await renderCard(wide);
    const png = readPng(first);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(Buffer.from(await renderCard(wide)).equals(Buffer.from(first))).toBe(true);
  });

  it('writes the exact pixels resvg drew (the palette encoder is lossless)', async () => {
    const image = await rasterise(await renderCardSvg(chinese));
    expect(Buffer.from(decodePalettePng(await renderCard(chinese))).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it('gives up on a palette when an image has more than 256 colours', () => {
    const rgba = new Uint8Array(300 * 4);
    for (let i = 0; i < 300; i++) rgba.set([i & 255, i >> 8, 7, 255], i * 4);
    expect(indexPixels(wordsOf(rgba)!, rgba, 0, 300, new Uint8Array(300), 0, new Palette())).toBe(false);
  });
});

describe('layout', () => {
  it('shrinks the title as it grows, and clamps the longest', () => {
    const short = titleFit('Attention Is All You Need', 'paper');
    const medium = titleFit('1-WL Expressiveness Is (Almost) All You Need: On Graph Neural Networks and the Weisfeiler–Leman Test in Practice', 'paper');
    const long = titleFit(normaliseCard({ kind: 'paper', title: longTitle, siteName: site }).title, 'paper');
    expect(short.size).toBeGreaterThan(medium.size);
    expect(medium.size).toBeGreaterThan(long.size);
    expect(long.lines).toBeLessThanOrEqual(5);
  });

  it('cuts very long text before layout', () => {
    const card = normaliseCard({ kind: 'paper', title: longTitle, siteName: site, tags: ['a'.repeat(80), 'b', 'c', 'd', 'e', 'f'] });
    expect(Array.from(card.title).length).toBeLessThanOrEqual(320);
    expect(card.title.endsWith('…')).toBe(true);
    expect(card.tags).toHaveLength(4);
    expect(card.tags[0]!.length).toBeLessThanOrEqual(30);
    expect(truncate('short', 10)).toBe('short');
    expect(estimateLines('一二三四五', 100, 250)).toBe(3);
  });
});

describe('cardKey', () => {
  it('is stable for the same content and changes with what reaches the pixels', () => {
    const key = cardKey(paper);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(cardKey({ ...paper, tags: [...paper.tags!] })).toBe(key);
    expect(cardKey({ ...paper, title: `${paper.title}!` })).not.toBe(key);
    expect(cardKey({ ...paper, topic: 'Vision' })).not.toBe(key);
    expect(cardKey({ ...paper, tags: ['other'] })).not.toBe(key);
    expect(cardKey({ ...paper, siteName: 'Other' })).not.toBe(key);
    expect(cardKey({ ...paper, kind: 'list' })).not.toBe(key);
  });

  it('ignores what is not drawn', () => {
    const key = cardKey(paper);
    expect(cardKey({ ...paper, subtitle: 'not drawn on paper cards' })).toBe(key);
    expect(cardKey({ ...paper, title: `  ${paper.title}\n` })).toBe(key);
    expect(cardKey({ ...paper, tags: [...paper.tags!, 'sixth'] })).toBe(key); // only the first 4 are drawn
  });
});

/** Both steps, as a build runs them. */
async function renderCards(cards: ReadonlyArray<{ name: string; content: CardContent }>, outDir: string, cacheDir: string) {
  const cached = await renderCardsToCache(cards, cacheDir);
  await placeCards(cached, outDir);
  return cached;
}

describe('renderCardsToCache and placeCards', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'og-cards-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('renders into nested names, then reuses the cache on the next run', async () => {
    const cards = [
      ...Array.from({ length: 30 }, (_, i) => ({ name: `papers/paper-${i}`, content: { ...paper, title: `Paper number ${i}: a study` } })),
      { name: 'index', content: { kind: 'list', title: site, subtitle: '30 papers', siteName: site } satisfies CardContent },
      { name: 'topics/zh', content: chinese },
    ];
    const out1 = join(root, 'out1');
    const cache = join(root, 'cache');
    const first = await renderCards(cards, out1, cache);
    expect(first).toMatchObject({ rendered: 32, reused: 0 });
    expect((await readdir(join(out1, 'papers'))).length).toBe(30);
    const png = readPng(await readFile(join(out1, 'topics', 'zh.png')));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect((await readdir(cache)).filter((f) => f.endsWith('.png'))).toHaveLength(32);

    const out2 = join(root, 'out2');
    const second = await renderCards(cards, out2, cache);
    expect(second).toMatchObject({ rendered: 0, reused: 32 });
    expect(await readFile(join(out2, 'papers', 'paper-7.png'))).toEqual(await readFile(join(out1, 'papers', 'paper-7.png')));

    // One changed card: only it is rendered again.
    const changed = cards.map((c, i) => (i === 3 ? { ...c, content: { ...c.content, title: 'A new title' } } : c));
    expect(await renderCards(changed, out2, cache)).toMatchObject({ rendered: 1, reused: 31 });
  });

  it('renders on worker threads at the nice value asked for, to the bytes this thread draws, and reports their CPU time', async () => {
    const cards = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, content: { ...paper, title: `Niced paper ${i}` } }));
    // The nice values of this process's threads (field 19 of /proc/<pid>/task/<tid>/stat), seen while the workers live.
    const niceSeen = new Set<number>();
    const look = () => {
      for (const tid of readdirSync('/proc/self/task')) {
        let stat: string;
        try {
          stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        } catch {
          continue; // the thread ended between the listing and the read
        }
        niceSeen.add(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
      }
    };
    const watching = process.platform === 'linux' ? setInterval(look, 5) : undefined;
    // 5 above this thread's, not the build's 19: beside the other test files' threads, workers at 19 could wait past
    // the test's timeout.
    const nice = Math.min(19, getPriority() + 5);
    const cached = await renderCardsToCache(cards, join(root, 'cache-nice'), { nice });
    clearInterval(watching);
    expect(cached.rendered).toBe(30);
    expect(cached.workers.cpuS).toBeGreaterThan(0);
    expect(cached.workers.startupCpuS).toBeLessThan(cached.workers.cpuS);
    if (process.platform === 'linux') expect(niceSeen).toContain(nice);
    const drawn = cached.cards.find((c) => c.outName === 'p5')!;
    expect(new Uint8Array(await readFile(drawn.cachePath))).toEqual(await renderCard(cards[5]!.content));
  });

  it('renders cards with the same content once and rejects names that leave the folder', async () => {
    const out = join(root, 'dup');
    const result = await renderCards(
      [
        { name: 'a', content: paper },
        { name: 'b', content: { ...paper } },
      ],
      out,
      join(root, 'cache-dup'),
    );
    expect(result.rendered + result.reused).toBe(2);
    expect((await readdir(join(root, 'cache-dup'))).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect((await stat(join(out, 'b.png'))).size).toBeGreaterThan(1000);
    await expect(renderCards([{ name: '../escape', content: paper }], out, join(root, 'cache-dup'))).rejects.toThrow(/escapes/);
  });

  it('re-renders when a cached file is missing', async () => {
    const cache = join(root, 'cache-miss');
    const out = join(root, 'miss');
    await renderCards([{ name: 'one', content: paper }], out, cache);
    const [file] = (await readdir(cache)).filter((f) => f.endsWith('.png'));
    await rm(join(cache, file!));
    await writeFile(join(cache, 'unrelated.png'), 'x');
    expect(await renderCards([{ name: 'one', content: paper }], out, cache)).toMatchObject({ rendered: 1, reused: 0 });
  });
});
