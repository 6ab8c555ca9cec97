/**
 * A paper's identity: the same abstract, however it was pasted, is the same paper.
 *
 * The key ignores case, accents written as LaTeX or as Unicode, punctuation, math delimiters and
 * white space; two abstracts that differ in a single word are different papers.
 */
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';

const ASCII = /^[\x00-\x7f]*$/;

export function identityKey(plainAbstract: string): string {
  // Most abstracts are ASCII: Unicode decomposition and matching are the slow part, and change nothing there.
  if (ASCII.test(plainAbstract)) return asciiLettersAndDigits(plainAbstract.toLowerCase());
  const folded = plainAbstract.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

let scratch = Buffer.alloc(4096);

/**
 * The letters and digits of lowercase ASCII text, as one flat string. A regex replace builds its
 * result as a chain of one piece per word, which the merge's Map and the id hash then each copy
 * into one string: together five times the work of this loop.
 */
function asciiLettersAndDigits(lower: string): string {
  if (scratch.length < lower.length) scratch = Buffer.alloc(lower.length);
  let n = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) scratch[n++] = code;
  }
  return scratch.toString('ascii', 0, n);
}

/**
 * 12 hex digits of SHA-256: collision-free for any reading list a person keeps. The one-shot
 * `hash` skips the Hash object `createHash` builds, which cost more than the hashing itself.
 */
export function paperId(key: string): string {
  return hash('sha256', key, 'hex').slice(0, 12);
}
