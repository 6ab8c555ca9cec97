import { readFileSync } from 'node:fs';

/** A file's text (UTF-8), or undefined when it is missing or cannot be read: a cache or a last build's file that may not be there. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
