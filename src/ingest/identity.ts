/**
 * A paper's identity: the same abstract, however it was pasted, is the same paper.
 *
 * The key ignores case, accents written as LaTeX or as Unicode, punctuation, math delimiters and
 * white space; two abstracts that differ in a single word are different papers.
 */
import { hash } from 'node:crypto';

const ASCII = /^[\x00-\x7f]*$/;

export function identityKey(plainAbstract: string): string {
  // Most abstracts are ASCII: Unicode decomposition is the slow part, and it changes nothing there.
  const folded = ASCII.test(plainAbstract) ? plainAbstract : plainAbstract.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * 12 hex digits of SHA-256: collision-free for any reading list a person keeps. The one-shot
 * `hash` skips the Hash object `createHash` builds, which cost more than the hashing itself.
 */
export function paperId(key: string): string {
  return hash('sha256', key, 'hex').slice(0, 12);
}
