import { expect, test } from 'vitest';
import { counted } from '../../../src/core/english/inflection.ts';

test('counts take the number English gives their noun', () => {
  expect(counted(1, 'warning')).toBe('1 warning');
  expect(counted(0, 'warning')).toBe('0 warnings');
  expect(counted(2, 'paper')).toBe('2 papers');
  expect(counted(1, 'duplicate')).toBe('1 duplicate');
  expect(counted(3, 'abstract')).toBe('3 abstracts');
});
