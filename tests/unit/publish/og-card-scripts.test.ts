/**
 * Link-preview cards for every script (issue 14, fixture 10-og-rtl-emoji): each script's characters are drawn
 * by a font that has them, right-to-left titles are laid out right to left, and no character satori asks a
 * font for goes unhandled (an unhandled one is drawn as the missing-glyph box, .notdef).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { canDraw, cardFontFor, drawableText, unhandledCharacters } from '../../../src/publish/og-card-fonts.ts';
import { cardTree, textDirection, type CardElement, type CardNode } from '../../../src/publish/og-card-layout.ts';
import { renderCardSvg } from '../../../src/publish/og-card-render.ts';
import type { CardContent } from '../../../src/publish/og-card-content.ts';
import { undrawableOnCards } from '../../../src/publish/site-cards.ts';

const SCRIPTS: ReadonlyArray<{ script: string; title: string; tag: string; family: string }> = [
  { script: 'Arabic', title: 'نماذج اللغة الكبيرة للترجمة الآلية العربية', tag: 'الترجمة الآلية', family: 'Noto Sans Arabic' },
  { script: 'Hebrew', title: 'זיהוי דיבור בעברית עם מודלים רב-לשוניים', tag: 'זיהוי דיבור', family: 'Noto Sans Hebrew' },
  { script: 'CJK', title: '图神经网络的可扩展训练方法と日本語のかな', tag: '图神经网络', family: 'Noto Sans SC' },
  { script: 'Korean', title: '한국어 자연어 처리를 위한 대규모 언어 모델', tag: '언어 모델', family: 'Noto Sans KR' },
  { script: 'emoji', title: '⚡FlashTrain: Training Transformers 3× Faster 🚀 👩‍🔬 🇫🇷', tag: 'transformers', family: 'Noto Emoji' },
  { script: 'Cyrillic', title: 'Графовые нейронные сети для рекомендательных систем', tag: 'нейронные сети', family: 'Inter' },
  { script: 'Greek', title: 'Μάθηση αναπαραστάσεων με γράφους', tag: 'γράφοι', family: 'Inter' },
];

const card = (title: string, tag: string): CardContent => ({ kind: 'paper', title, topic: 'Topic', tags: [tag], siteName: 'Papershelf' });
const firstLetter = (text: string) => /\p{L}|\p{Extended_Pictographic}/u.exec(text)![0];

describe('cards for every script', () => {
  test.each(SCRIPTS)('$script: drawn by $family', ({ title, family }) => {
    const ch = firstLetter(title);
    expect(canDraw(ch)).toBe(true);
    expect(cardFontFor(ch)).toBe(family);
  });

  test('math operators that Inter lacks come from Noto Sans Math', () => {
    expect(cardFontFor('∑')).toBe('Noto Sans Math');
  });

  test('flags are drawn by the emoji font, not by a CJK slice that lists them without glyphs', () => {
    expect(cardFontFor('🇫')).toBe('Noto Emoji');
  });

  test('every character of every script finds a font: nothing is drawn as a box', async () => {
    for (const { title, tag } of SCRIPTS) await renderCardSvg(card(title, tag));
    expect(unhandledCharacters()).toEqual([]);
  });

  test('right-to-left titles are laid out right to left', () => {
    expect(textDirection(SCRIPTS[0]!.title)).toBe('rtl');
    expect(textDirection(SCRIPTS[1]!.title)).toBe('rtl');
    expect(textDirection('⚡FlashTrain: Training Transformers 3× Faster 🚀')).toBe('ltr');
    expect(textDirection('2024: نماذج اللغة')).toBe('rtl');
    const styles: Array<Record<string, string | number>> = [];
    const walk = (node: CardNode) => {
      if (typeof node === 'string') return;
      const el = node as CardElement;
      if (el.props.children === SCRIPTS[0]!.title) styles.push(el.props.style ?? {});
      for (const child of [el.props.children ?? []].flat()) walk(child);
    };
    walk(cardTree(card(SCRIPTS[0]!.title, 'x')));
    expect(styles).toHaveLength(1);
    expect(styles[0]!.direction).toBe('rtl');
  });

  test('a card is drawn the same whatever cards its thread drew before (cards are cached by content)', () => {
    // Noto Sans Math also has unjoined Arabic letters: loaded on demand by an earlier card with a ∑, it drew
    // the next Arabic title unshaped and reversed. Each run is a fresh process, so no earlier test interferes.
    const arabic = card(SCRIPTS[0]!.title, SCRIPTS[0]!.tag);
    const render = new URL('../../../src/publish/og-card-render.ts', import.meta.url).href;
    const svgAfter = (before: CardContent[]) => {
      const script = `import { renderCardSvg } from ${JSON.stringify(render)};
        for (const c of ${JSON.stringify(before)}) await renderCardSvg(c);
        process.stdout.write(await renderCardSvg(${JSON.stringify(arabic)}));`;
      return execFileSync(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 64 * 1024 * 1024 }).toString();
    };
    expect(svgAfter([card('Bounds on ∑ and ∏ with ∈', 'x'), card('图神经网络 ⚡🚀', 'x')])).toBe(svgAfter([]));
  }, 60_000);

  test('a character no card font draws is reported (the check above can fail)', async () => {
    // Subscript digits: Google's font subsets leave out U+2080–209F.
    expect(canDraw('₁')).toBe(false);
    await renderCardSvg(card('Bounds for x₁', 'x'));
    expect(unhandledCharacters()).toContain('₁');
  });

  test('the build names cards whose characters no card font draws (Thai has no font here)', () => {
    const cards = [
      { name: 'og/papers/thai', content: card('การประมวลผลภาษาธรรมชาติ', 'nlp') },
      { name: 'og/papers/arabic', content: card(SCRIPTS[0]!.title, SCRIPTS[0]!.tag) },
    ];
    expect(undrawableOnCards(cards).map((c) => c.name)).toEqual(['og/papers/thai']);
  });

  test('a pasted subscript no card font draws reads as its digit, not a box', () => {
    expect(drawableText('Splitting H₂O with Catalysts')).toBe('Splitting H2O with Catalysts');
    expect(drawableText('E = mc² and ℓ₁')).toBe('E = mc² and ℓ1');
  });
});
