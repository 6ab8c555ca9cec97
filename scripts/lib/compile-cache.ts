import { join } from 'node:path';

/**
 * Where the build's child processes (Astro's, the ingest's) keep Node's module compile cache: V8's compiled code
 * of each module they load, TypeScript modules type-stripped, keyed by each file's content, so the next build's
 * processes load their modules without stripping and compiling them again. Node checks each entry against its
 * module's source and compiles a changed, missing or damaged one afresh, so the cache is never stale in meaning.
 */
export const compileCacheDir = (root: string): string => join(root, '.cache', 'node-compile-cache');
