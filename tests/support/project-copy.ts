/** A throwaway copy of the project (code, sources, pages, taxonomy; no entries), built as a user would. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './temp-dir.ts';

export function copyProject(name: string): string {
  const dir = tempDir(`papershelf-${name}-`);
  for (const part of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(part, join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'content'));
  cpSync('content/sources', join(dir, 'content', 'sources'), { recursive: true });
  cpSync('content/pages', join(dir, 'content', 'pages'), { recursive: true });
  cpSync('content/taxonomy.yaml', join(dir, 'content', 'taxonomy.yaml'));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A copy of the project whose only sources are what `addSources` puts in the folder it is given. */
export function copyProjectWithSources(name: string, addSources: (sourcesDir: string) => void): string {
  const dir = copyProject(name);
  const sources = join(dir, 'content', 'sources');
  for (const file of readdirSync(sources)) rmSync(join(sources, file), { recursive: true });
  addSources(sources);
  return dir;
}

export const ingest = (dir: string) => execFileSync(process.execPath, ['scripts/ingest.ts', '--quiet'], { cwd: dir, stdio: 'pipe' });

/** `npm run build` in the copy, without SITE_URL (no cards: they are tested elsewhere) and with `env`; returns its output. */
export const build = (dir: string, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['scripts/build.ts'], { cwd: dir, stdio: 'pipe', env: { ...process.env, SITE_URL: '', ...env } }).toString();
