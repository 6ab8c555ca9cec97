import { describe, expect, test } from 'vitest';
import { countOf, nounFor } from '../../../src/site/lib/count-noun.ts';

describe('count nouns', () => {
  test('one thing is singular, none and many are plural', () => {
    expect(countOf(1, 'paper')).toBe('1 paper');
    expect(countOf(0, 'paper')).toBe('0 papers');
    expect(countOf(17, 'topic')).toBe('17 topics');
    expect(nounFor(1, 'tag')).toBe('tag');
    expect(nounFor(2, 'tag')).toBe('tags');
  });
});
