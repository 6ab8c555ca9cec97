import { describe, expect, test } from 'vitest';
import { cleanAbstract, cleanTitle, titleText, toPlainText } from '../../../src/ingest/clean-text.ts';

const plain = (raw: string) => toPlainText(cleanAbstract(raw).nodes);

describe('LaTeX leftovers outside math become the characters they meant', () => {
  test.each([
    ["Poincar\\'e", 'Poincaré'],
    ['B\\"ohm', 'Böhm'],
    ['100\\% recall', '100% recall'],
    ['Embedding\\&MLP', 'Embedding&MLP'],
    ['{\\L}ojasiewicz', 'Łojasiewicz'],
    ['360{\\deg} cameras', '360° cameras'],
    ["``quoted'' text", '“quoted” text'],
    ['a -- b --- c', 'a – b — c'],
    ['\\{mono, cross\\}', '{mono, cross}'],
    ["Fr\\'{e}chet and na\\\"{\\i}ve", 'Fréchet and naïve'],
    ["a `top-down' view", 'a ‘top-down’ view'],
    ['Spearman’s {\\rho} and {\\Psi}', 'Spearman’s ρ and Ψ'],
    ['we introduce \\carb~significantly', 'we introduce carb significantly'],
    // textcomp's text-mode symbols (what citation-js writes for ×, ‰, ¢ in BibTeX)
    ['3\\texttimes{} faster', '3× faster'],
    ['5\\textperthousand{} of \\textcent{}1', '5‰ of ¢1'],
  ])('%s → %s', (raw, expected) => {
    expect(plain(raw)).toBe(expected);
  });

  test('{\\em x} and {\\bf x} become emphasis and strong', () => {
    expect(cleanAbstract('a {\\em labeled} and {\\bf bold} word').nodes).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'labeled' }] },
      { type: 'text', value: ' and ' },
      { type: 'strong', children: [{ type: 'text', value: 'bold' }] },
      { type: 'text', value: ' word' },
    ]);
  });

  test('unknown macros show their name and are reported', () => {
    const result = cleanAbstract('we propose \\name, a system');
    expect(toPlainText(result.nodes)).toBe('we propose name, a system');
    expect(result.unknownMacros).toEqual(['\\name']);
  });

  test('a macro pasted unexpanded ({pasted macro ‘X’}, as the ACL Anthology shows it) is an unknown macro: its name, reported', () => {
    const result = cleanAbstract('we introduce {pasted macro ‘OUR’}model, a benchmark; by using {pasted macro ‘OUR’}model we test');
    expect(toPlainText(result.nodes)).toBe('we introduce OURmodel, a benchmark; by using OURmodel we test');
    expect(result.unknownMacros).toEqual(['\\OUR', '\\OUR']);
  });

  test('literal braces, JSX and template syntax stay as typed', () => {
    const raw = 'Code is at {this http url}, plus {process.exit(1)} and <Component prop={1} /> and {{ x }} {% y %}.';
    expect(plain(raw)).toBe(raw);
  });
});

describe('math', () => {
  test('keeps real math and leaves money as text', () => {
    const { nodes } = cleanAbstract('It costs $5 and $10, the rate is $O(n \\log n)$ and $$\\sum_i x_i^2$$ works.');
    expect(nodes.filter((n) => n.type === 'inlineMath').map((n) => (n as { value: string }).value)).toEqual(['O(n \\log n)', '\\sum_i x_i^2']);
    expect(toPlainText(nodes)).toBe('It costs $5 and $10, the rate is $O(n \\log n)$ and $$\\sum_i x_i^2$$ works.');
  });

  test('math that opens with a TeX command closes before a number (ACL `<tex-math>` before a figure)', () => {
    const result = cleanAbstract('performance endures ($\\pm$0.4% Hit@1), 10$\\rightarrow$8 turns, yet it costs $5 and $10.');
    expect(result.nodes.filter((n) => n.type === 'inlineMath').map((n) => (n as { value: string }).value)).toEqual(['\\pm', '\\rightarrow']);
    expect(result.unclosedMath).toBe(0);
  });

  test('shows broken math exactly as typed and counts it', () => {
    const result = cleanAbstract('but $\\frac{1}{2 is broken.');
    expect(toPlainText(result.nodes)).toBe('but $\\frac{1}{2 is broken.');
    expect(result.unclosedMath).toBe(1);
  });

  test('keeps \\( \\) and \\[ \\] as math', () => {
    const { nodes } = cleanAbstract('inline \\(a+b\\) and display \\[c\\]');
    expect(nodes.filter((n) => n.type === 'inlineMath')).toHaveLength(2);
  });
});

describe('URLs become safe links', () => {
  const links = (raw: string) => cleanAbstract(raw).nodes.filter((n) => n.type === 'link').map((n) => (n as { url: string }).url);
  test.each([
    ['Code at https://github.com/a/b.', ['https://github.com/a/b']],
    ['Code at //github.com/a/b, see', ['https://github.com/a/b']],
    ['Code at github.com/a/b; see', ['https://github.com/a/b']],
    ['Code at \\url{//github.com/a/b}.', ['https://github.com/a/b']],
    ['(see https://en.wikipedia.org/wiki/A_(b)).', ['https://en.wikipedia.org/wiki/A_(b)']],
    ['visit www.example.org for more', ['https://www.example.org/']],
    ['at http://tvqa.cs.unc.edu/.', ['http://tvqa.cs.unc.edu/']],
  ])('%s', (raw, expected) => {
    expect(links(raw)).toEqual(expected);
  });

  test.each([
    ['code: javascript:alert(3) here'],
    ['<a href="javascript:alert(2)">this</a>'],
    ['\\url{javascript:alert(1)}'],
    ['"><iframe src=//evil.example></iframe>'],
    ['we use node.js and e.g. numpy.'],
  ])('never links %s', (raw) => {
    expect(links(raw)).toEqual([]);
  });
});

describe('cleanTitle', () => {
  // Issue 14: math in titles reaches the site as its source, for KaTeX in headings.
  test('converts LaTeX outside math and keeps the math source between dollars', () => {
    expect(cleanTitle('$\\ell_1$-Regularized {\\L}ojasiewicz -- Analysis')).toBe('$\\ell_1$-Regularized Łojasiewicz – Analysis');
    expect(cleanTitle('$E = mc^2$')).toBe('$E = mc^2$');
    expect(cleanTitle('RED$^{\\textrm{FM}}$: Filtering')).toBe('RED$^{\\textrm{FM}}$: Filtering');
  });

  test('unescapes a literal dollar, unless two of them would then read as math', () => {
    expect(cleanTitle('Pricing Inference at \\$0.002 per Query')).toBe('Pricing Inference at $0.002 per Query');
    expect(cleanTitle('Costs \\$x\\$ and $y$')).toBe('Costs \\$x\\$ and $y$');
  });
});

describe('titleText', () => {
  test('flattens the math of a cleaned title into plain characters', () => {
    expect(titleText('$\\ell_1$-Regularized Łojasiewicz – Analysis')).toBe('ℓ1-Regularized Łojasiewicz – Analysis');
  });
});
