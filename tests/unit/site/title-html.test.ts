/** Titles in headings and lists: math typeset by KaTeX, bad math shown as written, text escaped (issue 14). */
import { describe, expect, test } from 'vitest';
import { titleHtml } from '../../../src/site/lib/title-html.ts';

describe('titleHtml', () => {
  test('math is typeset by KaTeX, with MathML for screen readers', () => {
    const html = titleHtml('RED$^{\\textrm{FM}}$: Efficient Filtering');
    expect(html.startsWith('RED<span class="katex">')).toBe(true);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<mtext>FM</mtext>');
    expect(html.endsWith(': Efficient Filtering')).toBe(true);
  });

  test('math KaTeX rejects is shown as its source, never as an error or a broken page', () => {
    const html = titleHtml('Bounds $\\frac{1}{2$ and $\\notamacro{x}$');
    expect(html).not.toContain('katex-error');
    expect(html).toBe('Bounds <span class="math-source">$\\frac{1}{2$</span> and <span class="math-source">$\\notamacro{x}$</span>');
  });

  test('text around the math is escaped', () => {
    expect(titleHtml('<script>alert(1)</script> & $x$')).toMatch(/^&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; <span class="katex">/);
    expect(titleHtml('Plain <b>title</b>')).toBe('Plain &lt;b&gt;title&lt;/b&gt;');
  });
});
