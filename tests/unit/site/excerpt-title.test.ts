/** Served excerpts never repeat the title shown above them (the reviewer saw "to Pre-Train Graph Neural Networks? From Data…"). */
import { expect, test } from 'vitest';
import { withoutTitle } from '../../../src/site/browser/search/backend.ts';

const TITLE = 'When to Pre-Train Graph Neural Networks? From Data Generation Perspective!';
const text = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

test('an excerpt that opens inside the title starts where the abstract does, marks kept', () => {
  const pieces = [
    { text: 'to Pre-Train ', mark: false },
    { text: 'Graph', mark: true },
    { text: ' Neural Networks? From Data Generation Perspective! In recent years, ', mark: false },
    { text: 'graph', mark: true },
    { text: ' pre-training has…', mark: false },
  ];
  const out = withoutTitle(pieces, TITLE);
  expect(text(out)).toBe('In recent years, graph pre-training has…');
  expect(out.filter((p) => p.mark).map((p) => p.text)).toEqual(['graph']);
});

test('an abstract that starts with the title\'s last word alone, or an excerpt that is all title, is kept', () => {
  const once = [{ text: 'Perspective matters in pre-training.', mark: false }];
  expect(withoutTitle(once, TITLE)).toEqual(once);
  const all = [{ text: 'Generation Perspective!', mark: false }];
  expect(text(withoutTitle(all, TITLE))).toBe('Generation Perspective!');
  const unrelated = [{ text: 'We study graphs.', mark: false }];
  expect(withoutTitle(unrelated, TITLE)).toEqual(unrelated);
});
