/** Every HTML file of a built site, as sorted site-relative paths with `/` separators. */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';

export function htmlFilesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}
