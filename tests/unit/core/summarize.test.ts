/** Meta descriptions and schema.org abstracts read math as text, as titles do (issue 14). */
import { describe, expect, test } from 'vitest';
import { plainText, summarize } from '../../../src/core/summarize.ts';

describe('plainText and summarize', () => {
  test('math becomes readable text, escaped dollars become dollars', () => {
    const body = 'We propose $\\ell_1$ regularisation with $\\mathcal{O}(n \\log n)$ cost. It costs \\$5 and \\$10 a month.';
    expect(plainText(body)).toBe('We propose ℓ₁ regularisation with O(n log n) cost. It costs $5 and $10 a month.');
    expect(summarize(body)).toBe('We propose ℓ₁ regularisation with O(n log n) cost. It costs $5 and $10 a month.');
  });

  test('display math and markup', () => {
    expect(plainText('A sum $$\\sum_{i=1}^n x_i$$ is *stable*. See [this](https://example.org).')).toBe('A sum ∑ᵢ₌₁ⁿ xᵢ is stable. See this.');
  });

  test('math KaTeX rejects is left out, not shown as TeX', () => {
    expect(plainText('A bound $\\frac{1}{2$ holds.')).toBe('A bound … holds.');
  });

  test('sentences are joined by one space', () => {
    expect(summarize('One sentence here. Another one there. A third.', 40)).toBe('One sentence here. Another one there.');
  });

  test('a period inside a sentence (an abbreviation, a decimal) does not end it: the summary starts where the abstract does', () => {
    expect(summarize('We reach 93.5% accuracy on GLUE with it. A second sentence follows here.', 50)).toBe('We reach 93.5% accuracy on GLUE with it.');
    expect(summarize('It uses many sources (e.g., language and video) at once. Then more.', 60)).toBe('It uses many sources (e.g., language and video) at once.');
  });

  test('math holding an escaped dollar is read as one formula, the text around it kept as it is', () => {
    const text = plainText('The budget constraint $$\\sum_i p_i \\le \\$B$$ is enforced with a Lagrangian, for $$B = \\$100$$ in detail.');
    expect(text).toMatch(/^The budget constraint ∑.* is enforced with a Lagrangian, for B = \$100 in detail\.$/);
    expect(text).not.toContain('$$');
  });

  test('an escaped asterisk in the body is a literal asterisk, not a stray backslash', () => {
    expect(plainText('sources (\\*e.g.,\\* language, video)')).toBe('sources (*e.g.,* language, video)');
  });

  test('a structured abstract (sections joined by hard line breaks) starts at its first section, with no backslash', () => {
    const body = '**BACKGROUND:** Older adults often stay in bed after surgery.\\\n**METHODS:** We randomised 120 patients.\\\n**CONCLUSIONS:** Getting patients out of bed is safe.';
    expect(plainText(body)).toBe('BACKGROUND: Older adults often stay in bed after surgery. METHODS: We randomised 120 patients. CONCLUSIONS: Getting patients out of bed is safe.');
    expect(summarize(body, 100)).toBe('BACKGROUND: Older adults often stay in bed after surgery. METHODS: We randomised 120 patients.');
  });
});
