/** Running the pure ingest on files from disk, for tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourcePath } from '../../src/core/issue.ts';
import { runIngest, type ExistingEntry, type IngestState, type SourceFile } from '../../src/ingest/pipeline.ts';

export function sourcesIn(dir: string, only?: (name: string) => boolean): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => only?.(name) ?? true)
    .sort()
    .map((name) => ({ path: `${dir}/${name}` as SourcePath, bytes: readFileSync(join(dir, name)) }));
}

export function ingestSources(sources: SourceFile[], existing: ExistingEntry[] = [], state: IngestState | null = null) {
  return runIngest({ sources, existing, state });
}

export const seedSources = () => sourcesIn('content/sources');
