/**
 * A paper's identity: the same abstract, however it was pasted, is the same paper.
 *
 * The key ignores case, accents written as LaTeX or as Unicode, punctuation, math delimiters and
 * white space; two abstracts that differ in a single word are different papers.
 */
import { createHash } from 'node:crypto';

const ASCII = /^[\x00-\x7f]*$/;

export function identityKey(plainAbstract: string): string {
  // Most abstracts are ASCII: Unicode decomposition is the slow part, and it changes nothing there.
  const folded = ASCII.test(plainAbstract) ? plainAbstract : plainAbstract.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 12 hex digits of SHA-256: collision-free for any reading list a person keeps. */
export function paperId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
