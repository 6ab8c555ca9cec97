/**
 * `npm run ingest -- [paths…] [--strict]`: raw dumps → `content/papers/*.md` and
 * `content/ingest-report.json`. The shell around `runIngest`: arguments, files, exit code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { SourcePath } from '../src/core/issue.ts';
import { formatReport } from '../src/ingest/format-report.ts';
import { parseTaxonomy, type Taxonomy } from '../src/ingest/classify/index.ts';
import { phaseClock, runIngest, type IngestHooks, type IngestOutput, type IngestPhase, type SourceFile } from '../src/ingest/pipeline.ts';
import { readExistingEntries, recoverInterruptedSwap, replaceEntries, STATE_FILE, type ExistingFolder } from './lib/entries-dir.ts';
import { readSlot, writeSlot } from './lib/cache-slot.ts';
import { corpusCache } from './lib/corpus-cache.ts';
import { sourceReadCache } from './lib/parse-cache.ts';
import { readCommandLine, USAGE_ERROR } from './lib/command-line.ts';
import { editedEntriesRemoved } from './lib/edited-entries.ts';
import { counted } from '../src/core/english/inflection.ts';

export const HELP = `Usage: npm run ingest -- [paths…] [--strict] [--quiet] [--force]

Reads raw abstract dumps and reference-manager exports and writes one Markdown entry per paper.

  paths      source files, or folders (subfolders included) of .txt dumps and .bib/.ris/.json exports (default: content/sources/)
  --strict   exit with status 1 when anything was skipped or warned about (for CI)
  --quiet    print only the summary line and problems, not the per-file counts
  --force    with paths: write their entries even when that deletes entries you edited
  --help     show this help

Writes content/papers/<slug>.md and content/ingest-report.json. Edits you make to an
entry's title, tags, topic, notes or metadata (authors, year, venue, ids, links) are kept
by later ingests. Given paths, the entries are those of the paths alone (the build reads
content/sources/ again); an entry you edited that this would delete stops the ingest, unless --force.

Exit status: 0 success (warnings allowed), 1 problems under --strict, 2 usage error.`;

export class UsageError extends Error {}
/** A problem with the project's own configuration (content/taxonomy.yaml): the ingest stops. */
export class ConfigError extends Error {}

export const TAXONOMY_FILE = 'content/taxonomy.yaml';

/**
 * The taxonomy, if the project has one; a broken one stops the ingest with file and line. With `cache` (a file
 * and the version of the code that reads the taxonomy), a taxonomy read before from the same text comes from
 * that file: parsing the shipped 88 KB taxonomy (the yaml library's composer) took 0.25 of a 10k add-one
 * rebuild's ~4.4 ingest CPU-s (profile, load 11), whatever the list's size. Only a taxonomy that parses is kept.
 */
export function readTaxonomy(root: string, cache?: { file: string; version: string }): Taxonomy | undefined {
  const path = join(root, TAXONOMY_FILE);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const key = cache && createHash('sha256').update(`${cache.version}\0`).update(text).digest('hex');
  const cached = cache && readSlot<Taxonomy>(cache.file, key!);
  if (cached) return cached;
  const parsed = parseTaxonomy(text, TAXONOMY_FILE);
  if (!parsed.ok) throw new ConfigError(`${parsed.error}\nFix the file (see the comments at its top), or delete it to tag from the text alone.`);
  if (cache) writeSlot(cache.file, key!, parsed.taxonomy);
  return parsed.taxonomy;
}

const toSourcePath = (root: string, file: string) => relative(root, file).split(sep).join('/') as SourcePath;

/**
 * Every source file named by `paths`: files as given, folders' files sorted by path, their subfolders'
 * included (a list kept in folders by year or project is read whole, not silently in part), hidden files
 * and folders (`.git`, `.DS_Store`) left out. The pipeline reads their dumps and exports.
 */
export function collectSources(root: string, paths: readonly string[]): SourceFile[] {
  const files = new Map<string, boolean>();
  for (const p of paths) {
    const full = resolve(root, p);
    if (!existsSync(full)) throw new UsageError(`${p}: no such file or folder`);
    if (statSync(full).isDirectory()) {
      for (const name of (readdirSync(full, { recursive: true }) as string[]).sort()) {
        const child = join(full, name);
        if (!name.split(sep).some((part) => part.startsWith('.')) && statSync(child).isFile() && !files.has(child)) files.set(child, true);
      }
    } else files.set(full, false);
  }
  return [...files].map(([file, fromFolder]) => ({ path: toSourcePath(root, file), bytes: readFileSync(file), fromFolder }));
}

/**
 * A hash of the ingest's code (every file under src/ingest/ and src/core/): a rebuild keeps what the last
 * ingest generated for unchanged papers only when the code that generated it is the same (pipeline.ts).
 */
export function ingestCodeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['src/ingest', 'src/core']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const file of (readdirSync(base, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort()) hash.update(`${dir}/${file}\0`).update(readFileSync(join(base, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Progress on a terminal for runs long enough to wonder about; nothing when output is piped. */
function progress(done: number, total: number, file: string): void {
  if (!process.stderr.isTTY || total < 20) return;
  process.stderr.write(`\ringest: ${done}/${total} files… ${file.slice(-50).padEnd(50)}`);
  if (done === total - 1) process.stderr.write('\r\x1b[K');
}

/** Phases of the whole ingest as `onPhase` reports them: the file work around `runIngest`'s. */
export type CliPhase = 'read-sources' | 'read-entries' | 'write-entries' | 'write-report';

/** `runIngest`'s hooks as the command and the build's ingest child give them, with the file phases. */
export interface IngestCliHooks {
  onPhase?: (name: CliPhase | IngestPhase, ms: number) => void;
  onTitled?: IngestHooks['onTitled'];
  onBodies?: IngestHooks['onBodies'];
}

/** What `ingest` computed, before its files are written: the output and the entry folder as it was read. */
export type IngestRun = IngestOutput & { previous: ExistingFolder };

/**
 * Reads the sources and the existing entries and runs the ingest, writing nothing (`ingest` without its
 * writes): the build hands its papers on before the entry files are written (scripts/lib/ingest-child.ts).
 */
export function ingestUnwritten(
  root: string,
  paths: readonly string[],
  hooks: IngestCliHooks = {},
): IngestRun {
  const phase = phaseClock<CliPhase>(hooks.onPhase);
  const papersDir = join(root, 'content', 'papers');
  recoverInterruptedSwap(papersDir);
  const sources = collectSources(root, paths.length > 0 ? paths : ['content/sources']);
  phase('read-sources');
  const existing = readExistingEntries(papersDir, 'content/papers');
  const codeVersion = ingestCodeVersion(root);
  // The readers' libraries (citation-js, chardet, yaml …) are in the lock file: a new version reads every file again.
  const lock = join(root, 'package-lock.json');
  const readerVersion = `${codeVersion}\0${existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : ''}`;
  const taxonomy = readTaxonomy(root, { file: join(root, '.cache', 'taxonomy.bin'), version: readerVersion });
  phase('read-entries');
  const sourceCache = sourceReadCache(join(root, '.cache', 'ingest-sources'), readerVersion);
  const output = runIngest(
    {
      sources,
      existing: existing.entries,
      state: existing.state,
      ...(taxonomy ? { taxonomy } : {}),
      codeVersion,
      sourceCache,
      corpusCache: corpusCache(join(root, '.cache', 'ingest-corpus.bin'), codeVersion),
    },
    { onFileStart: progress, ...(hooks.onPhase ? { onPhase: hooks.onPhase } : {}), ...(hooks.onTitled ? { onTitled: hooks.onTitled } : {}), ...(hooks.onBodies ? { onBodies: hooks.onBodies } : {}) },
  );
  output.issues.unshift(...existing.issues);
  return { ...output, previous: existing };
}

/** Writes what `ingestUnwritten` computed: the entry files with the ingest state, and the report (when it changed). */
export function writeIngest(root: string, run: IngestRun, onPhase?: (name: CliPhase, ms: number) => void): ReturnType<typeof replaceEntries> {
  const phase = phaseClock<CliPhase>(onPhase);
  const files = new Map(run.entries);
  files.set(STATE_FILE, `${JSON.stringify(run.state, null, 1)}\n`);
  const written = replaceEntries(join(root, 'content', 'papers'), files, run.previous.texts);
  phase('write-entries');
  const reportPath = join(root, 'content', 'ingest-report.json');
  const report = `${JSON.stringify(run.report, null, 2)}\n`;
  // Rewritten only when it changes, so an unchanged ingest leaves every file as it was.
  if (!existsSync(reportPath) || readFileSync(reportPath, 'utf8') !== report) writeFileSync(reportPath, report);
  phase('write-report');
  return written;
}

/** `npm run ingest`: reads the sources and existing entries, runs the ingest, writes the entries and the report. */
function main(): number {
  const { values: options, positionals: paths } = readCommandLine('ingest', HELP, { strict: { type: 'boolean' }, quiet: { type: 'boolean' }, force: { type: 'boolean' } }, Infinity);
  const started = performance.now();
  const root = process.cwd();
  let result: IngestRun & { written: ReturnType<typeof replaceEntries> };
  try {
    const run = ingestUnwritten(root, paths);
    // Sources named on the command line replace the whole list; the build reads content/sources/ again and
    // makes the generated entries anew, but not the owner's edits of the entries this would delete.
    const lost = paths.length > 0 && !options.force ? editedEntriesRemoved(run.previous.entries, run.previous.state, new Set(Object.keys(run.state.papers))) : [];
    if (lost.length > 0) {
      const names = lost.slice(0, 5).map((e) => `  content/papers/${e.slug}.md`);
      if (lost.length > 5) names.push(`  … and ${lost.length - 5} more`);
      console.error(
        `ingest: nothing written: the entries of ${paths.join(', ')} would replace content/papers/, deleting ${counted(lost.length, 'entry')} you edited (notes, title, tags, topic or metadata):\n${names.join('\n')}\n` +
          'To try files out, copy the project (or commit content/papers/) first; to replace the list anyway, add --force; to add the files to your list, put them in content/sources/ and run npm run ingest without paths.',
      );
      return 1;
    }
    result = { ...run, written: writeIngest(root, run) };
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ingest: ${error.message}`);
      return USAGE_ERROR;
    }
    if (error instanceof ConfigError) {
      console.error(`ingest: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const text = formatReport(result.report, result.issues);
  console.log(options.quiet ? text.slice(text.indexOf('\n\n') + 2) : text);
  const { written, unchanged, removed } = result.written;
  console.log(`\ncontent/papers: ${written} written, ${unchanged} unchanged, ${removed} removed (${Math.round(performance.now() - started)} ms)`);
  const problems = result.report.skipped.length + result.report.warnings.length;
  if (options.strict && problems > 0) {
    console.error(`ingest --strict: ${problems} problem${problems > 1 ? 's' : ''} (skipped or warnings); see above.`);
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = main();
