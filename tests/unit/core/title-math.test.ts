/**
 * Titles with math read as plain text (issue 14): `E = mc²` or `E = mc^2`, `REDᶠᴹ` or `RED^FM`, never
 * `E = mc2` or `REDFM`; math KaTeX cannot read falls back to its source, never to nothing.
 */
import { describe, expect, test } from 'vitest';
import { mathToPlainText } from '../../../src/core/math-plain-text.ts';
import { titleHasMath, titlePlainText, titleSegments } from '../../../src/core/title-math.ts';

describe('titlePlainText', () => {
  test.each([
    ['$E = mc^2$', 'E = mc²'],
    ['RED$^{\\textrm{FM}}$: Efficient Filtering', 'REDᶠᴹ: Efficient Filtering'],
    ['$\\ell_1$-Regularised Regression with $\\mathcal{O}(n \\log n)$ Updates', 'ℓ₁-Regularised Regression with O(n log n) Updates'],
    ['$$\\sum_{i=1}^{n} x_i$$', '∑ᵢ₌₁ⁿ xᵢ'],
    ['$\\alpha$-Divergences and $\\beta$-VAEs', 'α-Divergences and β-VAEs'],
    ['Scaling as $\\frac{a+b}{2}$', 'Scaling as (a + b)/2'],
    ['Compression via $\\frac{\\ell_1}{\\ell_2}$ Regularized Surrogates', 'Compression via ℓ₁/ℓ₂ Regularized Surrogates'],
    ['$\\sqrt{n}$-Consistent Estimators', '√n-Consistent Estimators'],
    ['$-x \\leq y$ Constraints', '−x ≤ y Constraints'],
  ])('%s → %s', (title, plain) => {
    expect(titlePlainText(title)).toBe(plain);
  });

  test('a script with a character Unicode has no superscript for is written with ^, nothing dropped', () => {
    expect(titlePlainText('$x^{q}$ and $y^{n+1}$')).toBe('x^q and yⁿ⁺¹');
    expect(titlePlainText('$A^{\\top}$')).toBe('A^⊤');
  });

  test('a surface that cannot draw a super/subscript character gets ^ and _ instead', () => {
    const noSubscriptDigits = (ch: string) => !/[\u2080-\u209f]/u.test(ch);
    expect(titlePlainText('$\\ell_1$ and $E = mc^2$', noSubscriptDigits)).toBe('ℓ_1 and E = mc²');
    expect(titlePlainText('$\\frac{\\ell_1}{\\ell_2}$', noSubscriptDigits)).toBe('ℓ_1/ℓ_2');
    expect(titlePlainText('RED$^{\\textrm{FM}}$', (ch) => ch !== 'ᴹ')).toBe('RED^FM');
  });

  test('math KaTeX rejects is shown as its source', () => {
    expect(titlePlainText('Bad $\\frac{1}{2$ Math')).toBe('Bad \\frac{1}{2 Math');
    expect(titlePlainText('$\\notamacro{x}$ Here')).toBe('\\notamacro{x} Here');
    expect(mathToPlainText('\\left( x')).toBe('\\left( x');
  });

  test('a title without math is returned unchanged', () => {
    const title = '⚡FlashTrain: Training Transformers 3× Faster 🚀';
    expect(titlePlainText(title)).toBe(title);
    expect(titleHasMath(title)).toBe(false);
  });
});

describe('titleSegments', () => {
  test('\\$ is a dollar, $…$ and $$…$$ are math', () => {
    expect(titleSegments('Costs \\$5: $x^2$ and $$y$$')).toEqual([
      { kind: 'text', value: 'Costs $5: ' },
      { kind: 'math', tex: 'x^2', display: false },
      { kind: 'text', value: ' and ' },
      { kind: 'math', tex: 'y', display: true },
    ]);
  });

  test('math that opens with a TeX command closes before a digit', () => {
    expect(titleSegments('A $\\times$10 Speed-up')).toEqual([
      { kind: 'text', value: 'A ' },
      { kind: 'math', tex: '\\times', display: false },
      { kind: 'text', value: '10 Speed-up' },
    ]);
  });

  test('hand-typed money stays text (Pandoc rule: no digit after a closing $)', () => {
    expect(titleSegments('From $5 to $10 a Month')).toEqual([{ kind: 'text', value: 'From $5 to $10 a Month' }]);
    expect(titleHasMath('From $5 to $10 a Month')).toBe(false);
  });
});
