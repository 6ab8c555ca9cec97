/**
 * Entries round-trip: what the ingest writes, remark and the YAML parser read back unchanged,
 * whatever the text holds.
 */
import fc from 'fast-check';
import type { PhrasingContent, Paragraph } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { describe, expect, test } from 'vitest';
import { toPlainText } from '../../../src/ingest/clean-text.ts';
import { formatEntry, parseEntry } from '../../../src/core/entry-file.ts';
import { readOwnYaml, toYaml } from '../../../src/core/front-matter.ts';
import { parseDocument } from 'yaml';
import { abstractToMarkdown } from '../../../src/ingest/to-markdown.ts';

function parseBody(markdown: string): PhrasingContent[] {
  const tree = fromMarkdown(markdown, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
  if (tree.children.length === 0) return [];
  expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
  return (tree.children[0] as Paragraph).children;
}

const markdownish = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '&amp;', '&#38;', '#', '-', '+', '=', '~', '|', '!', '\\', '$', '1.', '2)', '---', '***', '> ', '# ', '- ', '<b>', 'a', ' ', 'word', 'é', '{', '}');
const text = fc
  .array(fc.oneof(markdownish, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 15 })
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);
const mathValue = fc.stringMatching(/^[a-z0-9\\^_{}+= ]{1,12}$/).map((s) => s.trim()).filter((s) => s.length > 0 && !s.endsWith('\\'));
const node: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 5, arbitrary: text.map((value) => ({ type: 'text', value }) as PhrasingContent) },
  { weight: 1, arbitrary: mathValue.map((value) => ({ type: 'inlineMath', value }) as PhrasingContent) },
  { weight: 1, arbitrary: text.filter((t) => /^\w.*\w$/.test(t)).map((value) => ({ type: 'emphasis', children: [{ type: 'text', value }] }) as PhrasingContent) },
  { weight: 1, arbitrary: fc.webUrl().map((url) => ({ type: 'link', url: new URL(url).href, children: [{ type: 'text', value: url }] }) as PhrasingContent) },
);

describe('abstractToMarkdown', () => {
  test('remark reads back exactly the text that was written, whatever Markdown it resembles', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 6 }), (nodes) => {
        // Neighbouring pieces are joined by a space, as words in an abstract are.
        const spaced = nodes.flatMap((n, i) => (i === 0 ? [n] : [{ type: 'text', value: ' ' } as PhrasingContent, n]));
        expect(toPlainText(parseBody(abstractToMarkdown(spaced)))).toBe(toPlainText(spaced));
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['costs $5 and &amp; *so*', 'costs \\$5 and \\&amp; \\*so\\*'],
    ['BERT_BASE and _x_ [a] b', 'BERT_BASE and \\_x\\_ \\[a] b'],
  ])('escapes %s', (value, expected) => {
    expect(abstractToMarkdown([{ type: 'text', value }])).toBe(`${expected}\n`);
  });

  test('keeps math, emphasis and links as Markdown', () => {
    expect(
      abstractToMarkdown([
        { type: 'text', value: 'rate ' },
        { type: 'inlineMath', value: 'O(n)' },
        { type: 'text', value: ', a ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'new' }] },
        { type: 'text', value: ' idea at ' },
        { type: 'link', url: 'https://github.com/a/b', children: [{ type: 'text', value: 'github.com/a/b' }] },
        { type: 'text', value: '!' },
      ]),
    ).toBe('rate $O(n)$, a *new* idea at [github.com/a/b](https://github.com/a/b)!\n');
  });
});

describe('formatEntry and parseEntry', () => {
  const base = { id: 'abcdef012345', derivedTitle: false, sources: [{ file: 'content/sources/a.txt', line: 3 }], aliases: [], related: [] };

  test('any title, topic, tag and note reads back unchanged', () => {
    const str = fc.string({ minLength: 1, maxLength: 30, unit: fc.oneof(fc.constantFrom(...': #-&*!|>\'"%@`{}[],?~\\\t'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('é', '深', '🚀')) }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(str, str, fc.array(str, { maxLength: 4 }), fc.option(str, { nil: undefined }), (title, topic, tags, notes) => {
        const data = { ...base, title, topic, tags, ...(notes === undefined ? {} : { notes }) };
        const parsed = parseEntry(formatEntry(data, 'Body.'));
        expect(parsed.ok && parsed.data).toEqual({ ...data });
      }),
      { numRuns: 500 },
    );
  });

  test('bibliographic metadata (authors, year, venue, ids, links) reads back unchanged, by both readers', () => {
    const str = fc.string({ minLength: 1, maxLength: 20, unit: fc.oneof(fc.constantFrom(...': #-&*!|>\'"%@`{}[],?~\\1.e'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).filter((s) => s.trim().length > 0);
    const ids = fc.record({ arxiv: str, doi: str, pmid: fc.stringMatching(/^[0-9]{1,9}$/) }, { requiredKeys: [] });
    const links = fc.array(fc.record({ label: str, url: fc.webUrl() }), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(str, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1000, max: 9999 }), str, ids, links, (authors, year, venue, ids, links) => {
        const data = { ...base, title: 'T', topic: '', tags: [], authors, year, venue, ...(Object.keys(ids).length ? { ids } : {}), ...(links.length ? { links } : {}) };
        const text = formatEntry(data, 'Body.');
        const parsed = parseEntry(text);
        expect(parsed.ok && parsed.data).toEqual(data);
        const yamlText = /^---\n([\s\S]*?)\n---/.exec(text)![1]!;
        const fast = readOwnYaml(yamlText);
        if (fast) expect(fast).toEqual(parseDocument(yamlText, { schema: 'core' }).toJS());
      }),
      { numRuns: 300 },
    );
  });

  test('the fast reader of our own YAML agrees with the YAML parser, or declines', () => {
    const str = fc.string({ minLength: 1, maxLength: 20, unit: fc.oneof(fc.constantFrom(...': #-&*!|>\'"%@`{}[],?~\\1.e'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(str, fc.array(str, { maxLength: 3 }), fc.nat(100_000), (title, tags, line) => {
        const yamlText = toYaml([['title', title], ['derivedTitle', line % 2 === 0], ['tags', tags], ['sources', [{ file: title, line: line + 1 }]]]);
        const fast = readOwnYaml(yamlText);
        expect(fast).toEqual(parseDocument(yamlText, { schema: 'core' }).toJS());
      }),
      { numRuns: 500 },
    );
    expect(readOwnYaml('title: x\ntags: [a, b]\n')).toBeUndefined();
  });

  test.each(['line\u2028separator', 'NO', 'yes', 'null', '1984', '2024-01-01', '0x1F', '- item', '&anchor *alias', '!!js/function', 'a: b', 'x #y', '"quoted"', "it's", '.5', 'Inf'])('keeps the title %s a string', (title) => {
    const parsed = parseEntry(formatEntry({ ...base, title, topic: '', tags: [] }, 'Body.'));
    expect(parsed.ok && parsed.data.title).toBe(title);
  });
});
