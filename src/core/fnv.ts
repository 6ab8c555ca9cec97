/**
 * 32-bit FNV-1a over UTF-16 code units (Fowler, Noll, Vo; IETF draft-eastlake-fnv): fast, well spread over
 * short keys, and the same in every process and run. Used where a hash must be stable across builds (page
 * breaks, the topic method's version) and in the corpus pass's hand-written tables, which hash word by word.
 */

/** The FNV-1a offset basis, as a signed 32-bit integer. */
export const HASH_SEED = 0x811c9dc5 | 0;

/** One step of FNV-1a over a UTF-16 code unit `c`; start from `HASH_SEED`. A signed 32-bit result. */
export function hashChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a of a whole string, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < text.length; i++) h = hashChar(h, text.charCodeAt(i));
  return h >>> 0;
}
