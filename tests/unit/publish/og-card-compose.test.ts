/**
 * The card compositor (og-card-compose.ts, og-card-composite.ts): cards of Latin, Greek and Cyrillic text are
 * composited from cached glyphs and pill ends, and must look as the card satori and resvg draw whole (a
 * glyph may land up to 1/8 px from satori's position, so edges differ by a few levels, never a misplaced
 * glyph); text stays in the body's box; long titles are clamped with an ellipsis; right-to-left, CJK, emoji
 * and Noto-only math take the whole-card path; and a card is the same bytes whatever was drawn before it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it, test } from 'vitest';
import { decodeCardPng } from '../../support/card-png.ts';
import type { CardContent } from '../../../src/publish/og-card-content.ts';
import { composable, composeBody } from '../../../src/publish/og-card-compose.ts';
import { breakWords, flowLines } from '../../../src/publish/og-card-flow.ts';
import { BODY_BOX, CARD_WIDTH, normaliseCard, TITLE_LETTER_SPACING } from '../../../src/publish/og-card-layout.ts';
import { cardFrame, rasterise, renderCardPng, renderCardPngWhole } from '../../../src/publish/og-card-render.ts';
import { ensureShaper, shape } from '../../../src/publish/og-card-shape.ts';

const site = 'Papershelf';
const paper = (title: string, topic = 'Machine Learning', tags = ['transformers', 'attention']): CardContent => ({ kind: 'paper', title, topic, tags, siteName: site });
const LATIN: CardContent[] = [
  paper('Attention Is All You Need', 'Natural Language Processing', ['transformers', 'attention', 'translation']),
  paper('State-of-the-art self-supervised pre-training for large-scale vision–language models: a comprehensive survey', 'Computer Vision', ['self-supervised', 'survey', 'multimodal']),
  paper('Towards a Unified Theory of <Implicit Bias>, {Sharpness} and $O(n^2)$ Bounds '.repeat(6), 'Learning Theory', ['a', 'b']),
  paper('Ngôn ngữ: Ệ Ẫ Ỗ ợ ỹ, Μια μελέτη, Жизнь', 'Лингвистика', ['γλώσσα']),
  { kind: 'list', title: 'graph neural networks', subtitle: 'Papers with this tag', siteName: site },
];

describe('line breaking (UAX 14, block ellipsis)', () => {
  it('breaks after spaces and after hyphens, keeping the spaces with the word before them', () => {
    expect(breakWords('state-of-the-art vision models')).toEqual(['state-', 'of-', 'the-', 'art ', 'vision ', 'models']);
  });

  // Every character 10 px wide: the arithmetic of each case can be done by hand.
  const mono = (text: string) => 10 * [...text].length;

  it('fills lines greedily; a line’s trailing space may hang past its end', () => {
    expect(flowLines('aaaa bbbb cccc', 90, 5, mono)).toEqual([[{ text: 'aaaa', x: 0 }, { text: 'bbbb', x: 50 }], [{ text: 'cccc', x: 0 }]]);
  });

  it('draws the pieces between two spaces as one run from where the first starts', () => {
    expect(flowLines('state-of-art now', 200, 1, mono)).toEqual([[{ text: 'state-of-art', x: 0 }, { text: 'now', x: 130 }]]);
  });

  it('clamps to the last allowed line, which keeps its words and ends in “…” (css-overflow-4 block ellipsis)', () => {
    // Line 1 "aaaa bbbb" (its last word gets the ellipsis, which fits: 50 + 40 + 10 ≤ 100); "cccc" is hidden.
    expect(flowLines('aaaa bbbb cccc', 100, 1, mono)).toEqual([[{ text: 'aaaa', x: 0 }, { text: 'bbbb…', x: 50 }]]);
    // Where the ellipsis does not fit after the last kept word, that word is cut by graphemes.
    expect(flowLines('aaaa bbbbb cccc', 100, 1, mono)).toEqual([[{ text: 'aaaa', x: 0 }, { text: 'bbbb…', x: 50 }]]);
  });

  it('gives up (whole-card path) on a word wider than a line, which satori breaks inside', () => {
    expect(flowLines('a'.repeat(20), 100, 5, mono)).toBeUndefined();
  });

  it('clamps a real long title to its lines with the title font’s advances, the last ending in “…”', async () => {
    await ensureShaper();
    const title = normaliseCard(LATIN[2]!).title;
    const lines = flowLines(title, BODY_BOX.width, 5, (text) => shape(text, 40, 700, TITLE_LETTER_SPACING * 40).width)!;
    expect(lines).toHaveLength(5);
    expect(lines[4]!.at(-1)!.text.endsWith('…')).toBe(true);
    for (const line of lines) {
      const last = line.at(-1)!;
      expect(last.x + shape(last.text, 40, 700, TITLE_LETTER_SPACING * 40).width).toBeLessThanOrEqual(BODY_BOX.width + 1e-3);
    }
  });
});

describe('which cards are composited', () => {
  test.each([
    ['Arabic (right to left)', 'نماذج اللغة الكبيرة للترجمة الآلية'],
    ['Hebrew (right to left)', 'זיהוי דיבור בעברית'],
    ['mixed bidi', 'Learning نماذج اللغة'],
    ['Chinese (no spaces)', '基于深度强化学习的多智能体协同控制'],
    ['Korean', '한국어 자연어 처리'],
    ['emoji', 'FlashTrain 🚀 Faster'],
    ['math only Noto Sans Math draws', 'Bounds on ∑ and ∏'],
    ['a soft hyphen', 'hyper\u00adparameter search'],
  ])('%s: drawn whole', async (_, title) => {
    const card = normaliseCard(paper(title));
    expect(composable(card)).toBe(false);
    expect(await composeBody(card, rasterise)).toBeUndefined();
    expect(Buffer.from(await renderCardPng(paper(title))).equals(Buffer.from(await renderCardPngWhole(card)))).toBe(true);
  });

  it('composites Latin, Greek and Cyrillic titles, tags and topics', () => {
    for (const content of LATIN) expect(composable(normaliseCard(content))).toBe(true);
  });
});

describe('a composited card', () => {
  it('looks as the card drawn whole: same layout, glyph edges within a few levels', async () => {
    for (const content of LATIN) {
      const fast = decodeCardPng(await renderCardPng(content)).rgba;
      const whole = decodeCardPng(await renderCardPngWhole(normaliseCard(content))).rgba;
      let total = 0;
      let far = 0;
      for (let p = 0; p < fast.length; p += 4) {
        const d = Math.max(Math.abs(fast[p]! - whole[p]!), Math.abs(fast[p + 1]! - whole[p + 1]!), Math.abs(fast[p + 2]! - whole[p + 2]!));
        total += d;
        // A glyph, pill or line a pixel off would leave edges ~200 levels apart.
        if (d > 100) far++;
      }
      expect(far, content.title).toBe(0);
      expect(total / (fast.length / 4), content.title).toBeLessThan(0.5);
    }
  });

  it('draws only inside the body’s box: the rest is its frame', async () => {
    for (const content of LATIN) {
      const card = normaliseCard(content);
      expect(await composeBody(card, rasterise)).toBeDefined();
      const { rgba } = decodeCardPng(await renderCardPng(content));
      const frame = (await cardFrame(card)).rgba;
      let outside = 0;
      for (let i = 0; i < rgba.length / 4; i++) {
        const [x, y] = [i % CARD_WIDTH, Math.floor(i / CARD_WIDTH)];
        const inside = x >= BODY_BOX.x && x < BODY_BOX.x + BODY_BOX.width && y >= BODY_BOX.y && y < BODY_BOX.y + BODY_BOX.height;
        if (!inside && rgba.subarray(i * 4, i * 4 + 4).some((v, k) => v !== frame[i * 4 + k])) outside++;
      }
      expect(outside, card.title).toBe(0);
    }
  });

  it('is the same bytes whatever cards its thread drew before (cached glyphs or not)', () => {
    const render = new URL('../../../src/publish/og-card-render.ts', import.meta.url).href;
    const target = LATIN[1]!;
    const hashAfter = (before: CardContent[]) => {
      const script = `import { createHash } from 'node:crypto';
        import { renderCardPng } from ${JSON.stringify(render)};
        for (const c of ${JSON.stringify(before)}) await renderCardPng(c);
        process.stdout.write(createHash('sha256').update(await renderCardPng(${JSON.stringify(target)})).digest('hex'));`;
      return execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString();
    };
    expect(hashAfter([LATIN[0]!, LATIN[2]!, LATIN[3]!, paper('نماذج اللغة')])).toBe(hashAfter([]));
  }, 60_000);
});
