/**
 * Fixture folders in remark's shape: each case is a folder `<case>/` with `input/` (the source files,
 * as a user drops them into `content/sources/`) and `output/` (what the ingest must make of them:
 * `report.json`, the ingest report, and `papers/<slug>.md`, each entry file it writes).
 * `UPDATE=1` writes `output/` from what the ingest makes now; review the diff before committing it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SourcePath } from '../../src/core/issue.ts';
import type { IngestOutput, SourceFile } from '../../src/ingest/pipeline.ts';
import { ingestSources } from './ingest-fixtures.ts';

/** Where a case's inputs seem to lie in the report and the entries: where a user would have put them. */
export const SOURCES_DIR = 'content/sources';

/** The case folders of a fixture folder (those holding an `input/`), sorted. */
export function casesIn(suite: string): string[] {
  return readdirSync(suite, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(suite, entry.name, 'input')))
    .map((entry) => entry.name)
    .sort();
}

/** A case's input files, named `content/sources/<file>` and listed from a folder, as the ingest command reads them. */
export function caseSources(caseDir: string): SourceFile[] {
  const input = join(caseDir, 'input');
  return readdirSync(input)
    .sort()
    .map((name) => ({ path: `${SOURCES_DIR}/${name}` as SourcePath, bytes: readFileSync(join(input, name)), fromFolder: true }));
}

/** Ingests a case's inputs alone. */
export const ingestCase = (caseDir: string): IngestOutput => ingestSources(caseSources(caseDir));

/** The files of a case's `output/`: path relative to it → text. The report holds no timing and no absolute path. */
export function outputFiles(output: IngestOutput): Map<string, string> {
  const files = new Map<string, string>([['report.json', `${JSON.stringify(output.report, null, 2)}\n`]]);
  for (const [name, text] of [...output.entries].sort(([a], [b]) => (a < b ? -1 : 1))) files.set(`papers/${name}`, text);
  return files;
}

/** The files now in a case's `output/`, as `outputFiles` names them. */
export function readOutput(caseDir: string): Map<string, string> {
  const root = join(caseDir, 'output');
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  for (const name of (readdirSync(root, { recursive: true }) as string[]).map((n) => n.split('\\').join('/')).sort()) {
    const path = join(root, name);
    if (name.endsWith('.json') || name.endsWith('.md')) files.set(name, readFileSync(path, 'utf8'));
  }
  return files;
}

/** Replaces a case's `output/` with `files`. */
export function writeOutput(caseDir: string, files: ReadonlyMap<string, string>): void {
  const root = join(caseDir, 'output');
  rmSync(root, { recursive: true, force: true });
  for (const [name, text] of files) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/** `UPDATE` in the environment (remark's convention): write expected outputs instead of comparing. */
export const updating = (): boolean => 'UPDATE' in process.env;
