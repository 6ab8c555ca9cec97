/**
 * Property-based tests: random and mutated dumps never make the ingest throw or hang, and every
 * abstract it finds is accounted for.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { isSlug } from '../../../src/core/slug.ts';
import { parseEntry } from '../../../src/core/entry-file.ts';
import { runIngest, type IngestOutput } from '../../../src/ingest/pipeline.ts';

const seed = readFileSync('content/sources/002_33ae1b7c6b89193e.txt', 'utf8');
const seedLines = seed.split('\n');
const encoder = new TextEncoder();

const nasty = fc.constantFrom(
  '$', '$$', '\\(', '\\[', '{\\', '\\', '{', '}', '``', "''", '--', '~', '<script>', '</script>', '{{', '{%', '---', '#', ': ', '- ',
  '\u200b', '\u202e', '\u00a0', '\0', '\r', '\ufeff', 'é', 'e\u0301', '深度', '🚀', 'https://', '//github.com/a', 'javascript:', '\\url{', "\\'", '{\\em ',
);
/** A line: real text from the seeds, page chrome, or a mix of random and nasty fragments. */
const line = fc.oneof(
  fc.constantFrom(...seedLines),
  fc.constantFrom('Subscribe', 'new', 'Mar 12', 'byAK and the research community', 'Get trending papers in your email inbox!', ''),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.constantFrom(...seedLines.map((l) => l.slice(0, 80)))), { maxLength: 12 }).map((parts) => parts.join('')),
);
const dump = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));

function ingestTexts(texts: readonly (string | Uint8Array)[]): IngestOutput {
  return runIngest({
    sources: texts.map((t, i) => ({ path: `content/sources/${i}.txt` as SourcePath, bytes: typeof t === 'string' ? encoder.encode(t) : t })),
    existing: [],
    state: null,
  });
}

function checkAccounting(out: IngestOutput): void {
  const abstracts = out.report.files.reduce((n, f) => n + f.abstracts, 0);
  expect(out.report.papers + out.report.merged.length).toBe(abstracts);
  expect(out.papers).toHaveLength(out.report.papers);
  for (const paper of out.papers) {
    expect(isSlug(paper.slug)).toBe(true);
    const entry = parseEntry(out.entries.get(`${paper.slug}.md`)!);
    expect(entry.ok && entry.data.title).toBe(paper.title);
  }
}

describe('the ingest on random input', () => {
  test('never throws on random bytes, and skips or reads every file', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 2000 }), { minLength: 1, maxLength: 3 }), (files) => {
        const out = ingestTexts(files);
        checkAccounting(out);
      }),
      { numRuns: 200 },
    );
  });

  test('never throws on random dump-like text, and accounts for every abstract', () => {
    fc.assert(
      fc.property(fc.array(dump, { minLength: 1, maxLength: 3 }), (texts) => {
        checkAccounting(ingestTexts(texts));
      }),
      // Found by a run: an abstract of markup only, whose derived title cleaned down to nothing.
      { numRuns: 300, examples: [[['$${\\em ', '']]] },
    );
  });

  test('gives the same output for the same input', () => {
    fc.assert(
      fc.property(dump, (text) => {
        expect([...ingestTexts([text]).entries]).toEqual([...ingestTexts([text]).entries]);
      }),
      { numRuns: 50 },
    );
  });

  test('survives a seed dump with lines deleted, duplicated and cut', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(seedLines.length - 1), fc.constantFrom('delete', 'duplicate', 'cut')), { maxLength: 40 }), (edits) => {
        const lines = [...seedLines];
        for (const [at, edit] of edits) {
          const i = at % Math.max(lines.length, 1);
          if (edit === 'delete') lines.splice(i, 1);
          else if (edit === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2));
        }
        checkAccounting(ingestTexts([lines.join('\n')]));
      }),
      { numRuns: 30 },
    );
    // Each run ingests and classifies a whole seed dump (~0.4 s of CPU alone, several times that while other test files share the 2 cores).
  }, 120_000);

  // A hang or quadratic blow-up fails through the test timeout; speed itself is a benchmark's job.
  test('finishes on input built to make regular expressions backtrack', () => {
    const attacks = ['$'.repeat(20_000), '\\('.repeat(10_000), '{\\'.repeat(10_000), `${'a'.repeat(50_000)}$`, 'http://'.repeat(5_000), '``'.repeat(10_000), "\\'".repeat(10_000)];
    checkAccounting(ingestTexts(attacks.map((a) => `A Title\nWe study things. ${a} We conclude.`)));
  });
});
