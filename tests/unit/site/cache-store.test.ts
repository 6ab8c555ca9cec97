/**
 * The cache store (src/site/lib/cache-store.ts) that holds the rendered abstracts and formatted references: maker
 * processes write it at once, a killed one leaves no half value, pages read it by key, and values no item uses are
 * deleted, the file compacted once most of it is free.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore, readThrough, STORE_FILE } from '../../../src/site/lib/cache-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const MODULE = resolve('src/site/lib/cache-store.ts');

/** Runs `body` (module code, `CacheStore` and `dir` in scope) in another Node process; resolves to its exit signal or code. */
function inProcess(dir: string, body: string): Promise<string | number | null> {
  const script = `const { CacheStore } = await import(${JSON.stringify(MODULE)}); const dir = ${JSON.stringify(dir)};\n${body}`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code, signal) => done(signal ?? code));
  });
}

const value = (key: string) => `{"html":"<p>${key}</p>"}`;
const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('cache store', () => {
  it('gives back what was put, in this process and through a read-only connection of a new one', () => {
    const dir = tempDir('cache-store-');
    const store = CacheStore.open(dir);
    store.put([['a', 'alpha'], ['b', 'beta ✓ "quoted"']]);
    store.put([['a', 'alpha again']]); // a key made again replaces its value
    expect(store.get('a')).toBe('alpha again');
    expect(store.get('missing')).toBeUndefined();
    store.close();
    const reader = CacheStore.openReadOnly(dir)!;
    expect([...reader.keys()].sort()).toEqual(['a', 'b']);
    expect(reader.get('b')).toBe('beta ✓ "quoted"');
    expect(() => reader.put([['c', 'gamma']])).toThrow();
    reader.close();
    expect(CacheStore.openReadOnly(tempDir('cache-store-'))).toBeUndefined();
  });

  it('keeps the batches a killed writer committed and nothing of the one it was writing', async () => {
    const dir = tempDir('cache-store-');
    CacheStore.open(dir).close();
    // The second batch is cut short: the process is killed after two of its values.
    const signal = await inProcess(dir, `
      const store = CacheStore.open(dir);
      store.put([['done-1', 'one'], ['done-2', 'two']]);
      store.put((function* () { yield ['cut-1', 'x']; yield ['cut-2', 'y']; process.kill(process.pid, 'SIGKILL'); })());`);
    expect(signal).toBe('SIGKILL');
    const store = CacheStore.open(dir);
    expect([...store.keys()].sort()).toEqual(['done-1', 'done-2']);
    store.put([['cut-1', 'made again']]); // the store is usable, and the key is made anew
    expect(store.get('cut-1')).toBe('made again');
    store.close();
  });

  it('takes two writer processes at once, and a reader opened before them sees what they wrote', async () => {
    const dir = tempDir('cache-store-');
    CacheStore.open(dir).close();
    const reader = CacheStore.openReadOnly(dir)!;
    expect(reader.keys().size).toBe(0);
    // Batches of 25 as the makers commit them (warm-cache.ts), 400 values each.
    const writer = (prefix: string) =>
      inProcess(dir, `
        const store = CacheStore.open(dir);
        const keys = Array.from({ length: 400 }, (_, i) => '${prefix}' + i);
        for (let i = 0; i < keys.length; i += 25) store.put(keys.slice(i, i + 25).map((k) => [k, '{"html":"<p>' + k + '</p>"}']));
        store.close();`);
    expect(await Promise.all([writer('p'), writer('q')])).toEqual([0, 0]);
    const all = [...keys('p', 400), ...keys('q', 400)];
    expect([...reader.keys()].sort()).toEqual(all.sort());
    for (const key of all) expect(reader.get(key)).toBe(value(key));
    reader.close();
  });

  it('deletes the keys no item uses, and compacts the file only once most of it is free', () => {
    const dir = tempDir('cache-store-');
    const file = join(dir, STORE_FILE);
    const big = (key: string) => `${key}:${'x'.repeat(2000)}`;
    let store = CacheStore.open(dir);
    const all = keys('k', 300);
    store.put(all.map((k) => [k, big(k)]));
    store.close(); // the last connection's close moves the write-ahead log into the file
    const full = statSync(file).size;

    // A tenth deleted: the free pages stay for the next values, the file keeps its size.
    store = CacheStore.open(dir);
    const most = new Set(all.slice(30));
    expect(store.deleteAllBut(most)).toBe(30);
    store.close();
    expect(statSync(file).size).toBe(full);

    // Nine tenths of what is left deleted: over half the file is free, so it is rewritten with what is live.
    store = CacheStore.open(dir);
    const few = new Set(all.slice(270));
    expect(store.deleteAllBut(few)).toBe(240);
    expect([...store.keys()].sort()).toEqual([...few].sort());
    for (const key of few) expect(store.get(key)).toBe(big(key));
    expect(store.deleteAllBut(few)).toBe(0);
    store.close();
    expect(statSync(file).size).toBeLessThan(full / 4);
  });

  it('reads a value through when there, makes and stores it when not', async () => {
    const dir = tempDir('cache-store-');
    const store = CacheStore.open(dir);
    store.put([['there', JSON.stringify({ from: 'store' })]]);
    store.close();
    let made = 0;
    const make = async () => ({ from: `made ${++made}` });
    expect(await readThrough(dir, 'there', make)).toEqual({ from: 'store' });
    expect(made).toBe(0);
    expect(await readThrough(dir, 'missing', make)).toEqual({ from: 'made 1' });
    expect(await readThrough(dir, 'missing', make)).toEqual({ from: 'made 1' });
    expect(made).toBe(1);
    // A folder with no store yet (a bare `astro build`) gets one.
    const fresh = join(tempDir('cache-store-'), 'v1');
    expect(await readThrough(fresh, 'k', make)).toEqual({ from: 'made 2' });
    expect(CacheStore.openReadOnly(fresh)!.get('k')).toBe(JSON.stringify({ from: 'made 2' }));
  });
});
