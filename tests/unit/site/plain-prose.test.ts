/**
 * Plain prose (src/site/markdown/plain-prose.ts) skips the Markdown parser: its HTML must be byte for byte what the
 * pipeline makes, over every abstract the fixtures hold and over constructed cases at the edges of its rules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryBody } from '../../../src/core/entry-file.ts';
import { readSources, type SourceFile } from '../../../src/ingest/read-sources.ts';
import { abstractToMarkdown } from '../../../src/ingest/to-markdown.ts';
import { pipelineHtml, renderAbstract } from '../../../src/site/markdown/abstract-html.ts';
import { plainProseHtml } from '../../../src/site/markdown/plain-prose.ts';
import type { SourcePath } from '../../../src/core/issue.ts';

/** Every file of `dir` (recursively) as a source, as the ingest reads a folder. */
function filesIn(dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ path: `${dir}/${name}` as SourcePath, bytes: readFileSync(join(dir, name)), fromFolder: true }));
}

/** The entry bodies the ingest makes of each record of the seeds, the real dumps and the ingest fixtures' inputs. */
function fixtureBodies(): string[] {
  const dirs = ['content/sources', 'tests/fixtures/real-dumps'];
  for (const root of ['tests/fixtures/bad-input', 'tests/fixtures/real-world']) {
    for (const name of readdirSync(root)) if (existsSync(join(root, name, 'input'))) dirs.push(join(root, name, 'input'));
  }
  return dirs.flatMap((dir) => readSources(filesIn(dir)).occurrences.map((o) => abstractToMarkdown(o.body)));
}

/** The bodies of the committed seed entries, as the pages read them (hand edits included). */
const entryBodies = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => entryBody(readFileSync(join(dir, f), 'utf8')));

describe('plain prose', () => {
  it('renders every fixture abstract it takes exactly as the pipeline does', async () => {
    const bodies = [...fixtureBodies(), ...entryBodies('content/papers')];
    let taken = 0;
    for (const body of bodies) {
      const html = plainProseHtml(body);
      if (html === undefined) continue;
      taken++;
      expect(html, body).toBe(await pipelineHtml(body));
    }
    // The seeds alone are 527 papers; most abstracts are prose, and some hold math, escapes or markup.
    expect(bodies.length).toBeGreaterThan(1000);
    expect(taken).toBeGreaterThan(bodies.length / 2);
    expect(taken).toBeLessThan(bodies.length);
  });

  // Prose at the edges of the rules: the pipeline's own output is the expected value.
  const prose = [
    '',
    'One line.',
    'First line\nsecond line',
    'First paragraph.\n\nSecond paragraph.\n',
    '\n\nLeading and trailing blank lines.\n\n\n',
    'Three\n\n\n\nblank lines between.',
    'Quotes "double" and \'single\', 5 % of 10, (a) and {b}, a|b, ~tilde, x^2, 3 + 4 = 7, 1-WL, C# and F#!',
    'Numbers 1. inside and 2) inside a line; 2024 starts no list.\n2024 is a year at a line start.',
    'Non-ASCII: naïve café, Straße, 日本語, العربية, emoji 🧪, non-breaking\u00a0space.',
    'A trailing non-breaking space\u00a0\nand a leading one\n\u00a0here.',
    'URLs like https://example.org/a?b=c stay text.',
  ];
  it.each(prose)('renders prose %j as the pipeline does', async (body) => {
    const html = plainProseHtml(body);
    expect(html).toBeDefined();
    expect(html).toBe(await pipelineHtml(body));
  });

  // Each opens a construct of CommonMark or remark-math (or changes how lines read), so the pipeline must render it.
  const markup = [
    'A *stressed* word', 'A _stressed_ word', 'Code `x`', 'A [link](https://example.org)', 'A <b>tag</b>', 'Entity &amp;',
    'Math $x^2$', 'Escaped \\$5', 'Hard break  \nnext', 'Line\n# Heading', '- item', '+ item', '* item', '1. item', '3) item',
    'Text\n===', 'Text\n---', '> quote', '    code', ' one space', 'tab\there', '```\nfence\n```', '~~~\nfence', 'nul\u0000char', 'cr\r\nline',
  ];
  it.each(markup)('leaves %j to the pipeline', async (body) => {
    expect(plainProseHtml(body)).toBeUndefined();
    expect(await renderAbstract(body)).toBe(await pipelineHtml(body));
  });
});
