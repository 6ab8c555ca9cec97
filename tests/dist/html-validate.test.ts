import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { pageTypesOf } from '../support/page-types.ts';
import { papersJson, siteDir } from '../support/site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX places glyphs with these inline properties (`position` for a large operator with limits,
    // `$$\sum_{i=1}^{n} x_i$$`); our own templates use no inline style.
    'no-inline-style': ['error', { allowedProperties: ['display', 'height', 'vertical-align', 'margin-left', 'margin-right', 'top', 'width', 'min-width', 'border-bottom-width', 'position'] }],
    // A paper page's <title> is the paper's own title, however long the authors made it.
    'long-title': 'off',
  },
});

describe('html-validate reports no error', () => {
  test.each(Object.entries(pageTypesOf(papersJson())))('on the %s page', async (_type, path) => {
    const report = await validator.validateString(readFileSync(join(siteDir(), path), 'utf8'), path);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(errors).toEqual([]);
  });
});
