import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CardContent } from '../../../src/publish/og-card-content.ts';
import { BODY_BOX, CARD_HEIGHT, CARD_WIDTH, normaliseCard } from '../../../src/publish/og-card-layout.ts';
import { cardFrame, encodeCard, rasterise, renderCardPng, renderCardSvg } from '../../../src/publish/og-card-render.ts';

const site = 'Papershelf';

/** Decodes the PNGs og-card-png writes (8-bit palette or RGBA, filter 0 rows) to RGBA. */
function decode(bytes: Uint8Array): { rgba: Uint8Array; colourType: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), buf.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const ihdr = chunks.get('IHDR')![0]!;
  const [width, height, colourType] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[9]!];
  expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const out = new Uint8Array(width * height * 4);
  const bpp = colourType === 3 ? 1 : 4;
  const plte = chunks.get('PLTE')?.[0];
  for (let y = 0; y < height; y++) {
    const row = y * (width * bpp + 1);
    expect(raw[row]).toBe(0);
    for (let x = 0; x < width; x++) {
      if (colourType === 3) {
        const i = raw[row + 1 + x]!;
        out.set([plte![i * 3]!, plte![i * 3 + 1]!, plte![i * 3 + 2]!, 255], (y * width + x) * 4);
      } else {
        out.set(raw.subarray(row + 1 + x * 4, row + 5 + x * 4), (y * width + x) * 4);
      }
    }
  }
  return { rgba: out, colourType };
}

describe('a card drawn in two parts (cached frame, body alone)', () => {
  it('has exactly the pixels of the card drawn whole', async () => {
    const cards: CardContent[] = [
      { kind: 'paper', title: 'Attention Is All You Need', topic: 'Natural Language Processing', tags: ['transformers', 'attention', 'translation'], siteName: site },
      { kind: 'paper', title: 'Towards a Unified Theory of <Implicit Bias>, {Sharpness} and $O(n^2)$ Bounds '.repeat(6), topic: 'Learning Theory', tags: ['a', 'b'], siteName: site },
      { kind: 'paper', title: '基于深度强化学习的多智能体协同控制方法研究：面向复杂动态环境的分层策略优化', topic: '强化学习', tags: ['多智能体', 'control'], siteName: site },
      { kind: 'paper', title: 'Ngôn ngữ: Ệ Ẫ Ỗ ợ ỹ, Μια μελέτη, Жизнь', siteName: 'Другой сайт' },
      { kind: 'list', title: 'graph neural networks', subtitle: '42 papers', siteName: site },
    ];
    for (const content of cards) {
      const whole = await rasterise(await renderCardSvg(content));
      const { rgba, colourType } = decode(await renderCardPng(content));
      expect(colourType).toBe(3);
      expect(Buffer.from(rgba).equals(Buffer.from(whole.pixels))).toBe(true);
    }
  });

  it('falls back to an RGBA PNG, still exact, when the body brings the card past 256 colours', async () => {
    const frame = await cardFrame(normaliseCard({ kind: 'paper', title: 'x', siteName: site }));
    const { width, height } = BODY_BOX;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) pixels.set([i & 255, (i >> 8) & 255, 90, 255], i * 4);
    const { rgba, colourType } = decode(encodeCard(frame, { pixels, width, height }));
    expect(colourType).toBe(6);
    const expected = frame.rgba.slice();
    for (let row = 0; row < height; row++) expected.set(pixels.subarray(row * width * 4, (row + 1) * width * 4), ((BODY_BOX.y + row) * CARD_WIDTH + BODY_BOX.x) * 4);
    expect(Buffer.from(rgba).equals(Buffer.from(expected))).toBe(true);
  });
});
