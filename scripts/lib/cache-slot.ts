/**
 * One cached value in one file of `.cache/`: the value with the key of what it was made from, written with
 * `v8.serialize` (plain data, Maps and typed arrays come back as they were). A slot whose key differs, or that
 * is missing or unreadable, reads as missing, so a stale or damaged cache costs the work it would have saved and
 * nothing more. A slot is written aside and renamed, so another process never reads half of one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../../src/core/atomic-write.ts';

interface Slot<T> {
  key: string;
  value: T;
}

/** The value stored in `file` under `key`, or undefined when the file holds none for that key or cannot be read. */
export function readSlot<T>(file: string, key: string): T | undefined {
  let slot: Slot<T>;
  try {
    slot = deserialize(readFileSync(file)) as Slot<T>;
  } catch {
    return undefined; // none yet, or damaged: made again
  }
  return slot !== null && typeof slot === 'object' && slot.key === key ? slot.value : undefined;
}

/** Stores `value` under `key` in `file`, replacing what it held. */
export function writeSlot<T>(file: string, key: string, value: T): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, serialize({ key, value } satisfies Slot<T>));
}
