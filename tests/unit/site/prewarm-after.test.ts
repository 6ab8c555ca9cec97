/**
 * `prewarmAfter` (warm-cache.ts): a second head start begins only once the first and the one it waits for
 * have ended, not at all when stopped before, and the counts of both are reported as one.
 */
import { expect, test } from 'vitest';
import { prewarmAfter, type Prewarm } from '../../../src/site/lib/warm-cache.ts';

/** A head start that ends, with `count` files made, when `end` is called; records whether it was stopped. */
function fake(count: number): Prewarm & { end(): void; stopped: boolean } {
  let end = () => {};
  const done = new Promise<number>((resolve) => (end = () => resolve(count)));
  const p = { stopped: false, done, end: () => end(), stop: () => (p.stopped = true) };
  return p;
}

test('the next head start begins after the first and the awaited one have ended, and the counts add up', async () => {
  const first = fake(3);
  const before = fake(0);
  const second = fake(4);
  let started = 0;
  const both = prewarmAfter(first, before, () => (started++, second));
  before.end();
  await Promise.resolve();
  expect(started).toBe(0); // the first has not ended
  first.end();
  await new Promise((r) => setTimeout(r, 0));
  expect(started).toBe(1);
  both.stop();
  expect(second.stopped && first.stopped).toBe(true);
  second.end();
  expect(await both.done).toBe(7);
});

test('stopped before the awaited head start has ended, it starts nothing more', async () => {
  const first = fake(2);
  const before = fake(0);
  let started = 0;
  const both = prewarmAfter(first, before, () => (started++, fake(5)));
  both.stop();
  first.end();
  before.end();
  expect(await both.done).toBe(2);
  expect(started).toBe(0);
});
