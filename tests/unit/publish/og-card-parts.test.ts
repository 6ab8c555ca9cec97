import { describe, expect, it } from 'vitest';
import { decodeCardPng } from '../../support/card-png.ts';
import type { CardContent } from '../../../src/publish/og-card-content.ts';
import { BODY_BOX, CARD_HEIGHT, CARD_WIDTH, normaliseCard } from '../../../src/publish/og-card-layout.ts';
import { cardFrame, encodeCard, rasterise, renderCardPngWhole, renderCardSvg } from '../../../src/publish/og-card-render.ts';

const site = 'Papershelf';

function decode(bytes: Uint8Array): { rgba: Uint8Array; colourType: number } {
  const png = decodeCardPng(bytes);
  expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  return png;
}

describe('a card drawn in two parts (cached frame, body alone: the path for what the compositor does not draw)', () => {
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
      const { rgba, colourType } = decode(await renderCardPngWhole(normaliseCard(content)));
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
