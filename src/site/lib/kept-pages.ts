/**
 * Paper pages that `npm run build` kept from its last run and Astro must not render again
 * (scripts/lib/incremental-pages.ts). The build names the list's file through Vite's `define`; any other
 * `astro build` renders every page.
 */
import { readFileSync } from 'node:fs';

export function keptPaperPages(listFile: string | undefined): Set<string> {
  return new Set(listFile ? (JSON.parse(readFileSync(listFile, 'utf8')) as string[]) : []);
}
