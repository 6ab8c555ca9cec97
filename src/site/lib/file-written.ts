/**
 * Waiting for a file another process writes whole (by a rename): an Astro process that `npm run build` starts
 * before its ingest has ended reaches its static paths before the build has written what they read (the render
 * plan, kept-pages.ts; the paper entries, get-catalog.ts).
 */
import { existsSync } from 'node:fs';

/** How often a process that is ahead of the build looks for the file. */
const POLL_MS = 10;

/**
 * Resolves once `file` exists. Waits without limit: the build that started this process writes it, and ends
 * the process (scripts/lib/astro-child.ts) if it fails before.
 */
export async function fileWritten(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
