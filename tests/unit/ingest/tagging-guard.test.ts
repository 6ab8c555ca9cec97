import { describe, expect, test } from 'vitest';
import { forTagging } from '../../../src/ingest/tagging-guard.ts';

// The contract (tagging-guard.ts): every run of more than 64 non-space characters becomes one space;
// everything else, shorter runs and the white space around the long ones, stays as written.
describe('forTagging', () => {
  test('a run of 65 or more non-space characters becomes one space, wherever it stands', () => {
    const run = 'x'.repeat(65);
    expect(forTagging(run)).toBe(' ');
    expect(forTagging(`see ${run}`)).toBe('see  ');
    expect(forTagging(`${run} and`)).toBe('  and');
    expect(forTagging(`a ${'http://'.repeat(40)} b`)).toBe('a   b');
  });

  test('a run of 64 stays, also beside a long one', () => {
    const kept = 'k'.repeat(64);
    expect(forTagging(kept)).toBe(kept);
    expect(forTagging(`${kept} ${'y'.repeat(100)} ${kept}`)).toBe(`${kept}   ${kept}`);
  });

  test('any white space ends a run: a no-break space, an em space, a line break', () => {
    const half = 'h'.repeat(40);
    expect(forTagging(`${half}\u00a0${half}\u2003${half}\n${half}`)).toBe(`${half}\u00a0${half}\u2003${half}\n${half}`);
    expect(forTagging(`a\u00a0${'z'.repeat(70)}\u2003b`)).toBe('a\u00a0 \u2003b');
  });

  test('a long run of punctuation or symbols is a run too', () => {
    expect(forTagging(`text ${'=-'.repeat(40)} text`)).toBe('text   text');
  });
});
