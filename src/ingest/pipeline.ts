/**
 * The ingest, start to end: the only file that knows the order of the stages. Pure: it takes file
 * contents and returns file contents plus a report; `scripts/ingest.ts` does the reading and writing.
 */
import { hash } from 'node:crypto';
import { compareIssues, type SourcePath } from '../core/issue.ts';
import type { PaperMetadata } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import { assignSlugs } from './assign-slugs.ts';
import {
  analyseExtended,
  analysePapers,
  classifyIncrementally,
  classifyPapers,
  MAX_NEW_SHARE,
  relatedPapers,
  topicMethod,
  type Classification,
  type ClassifyInput,
  type CorpusState,
  type CorpusStore,
  type PaperAnalysis,
  type Taxonomy,
} from './classify/index.ts';
import { cleanTitle, titleText } from './clean-text.ts';
import { deriveTitles, UNTITLED } from './derive-title.ts';
import type { SentenceTags } from './english-tagger.ts';
import { identityKey, paperId } from './identity.ts';
import { ingestReport, type IngestReport } from './ingest-report.ts';
import { knownPapers, previousTopics, type ExistingEntry, type IngestState, type KnownPaper } from './ingest-state.ts';
import { mergeDuplicates, type Merge, type MergedGroup } from './merge-duplicates.ts';
import { abstractSource, mergeKeywords, mergeMetadata } from './merge-metadata.ts';
import { readSources, type CleanOccurrence, type SourceFile, type SourceReadCache } from './read-sources.ts';
import { abstractToMarkdown } from './to-markdown.ts';
import { writeEntries, type PaperDraft, type WrittenEntries } from './write-entries.ts';

export type { IngestReport, ReportedIssue } from './ingest-report.ts';
export type { ExistingEntry, IngestState } from './ingest-state.ts';
export type { FileSummary, SourceFile, SourceRead, SourceReadCache } from './read-sources.ts';

export interface IngestInput {
  sources: readonly SourceFile[];
  existing: readonly ExistingEntry[];
  state: IngestState | null;
  /** The parsed content/taxonomy.yaml; without one, topics and tags are discovered from the text alone. */
  taxonomy?: Taxonomy;
  /**
   * A version of the ingest's code (scripts/ingest.ts hashes its source): what the last ingest generated is
   * kept for unchanged papers only when it was made by the same code, so an improved classifier reaches them.
   */
  codeVersion?: string;
  /** What source files unchanged since the last ingest read to (read-sources.ts): given, they are not read again. */
  sourceCache?: SourceReadCache;
  /**
   * Where the last ingest's corpus pass is kept (classify/corpus-state.ts): given, a rebuild that adds papers
   * reads only their abstracts to classify them. `get` gives undefined when there is none or it cannot be read.
   */
  corpusCache?: { get(): CorpusState | undefined; set(state: CorpusState): void };
}

/** The entries as written (write-entries.ts), with the report of the whole ingest. */
export interface IngestOutput extends WrittenEntries {
  report: IngestReport;
}

/** How many related papers each paper page lists. */
const RELATED_COUNT = 5;

/** No taxonomy file: every topic and tag is discovered from the papers' own text. */
const EMPTY_TAXONOMY: Taxonomy = { topics: [], tags: [], stopTags: [] };

export interface IngestHooks {
  /** Called as each source file is read, for progress display on long runs. */
  onFileStart?: (done: number, total: number, file: SourcePath) => void;
  /** Called at the end of each phase with its wall time, for benchmarks and profiling. */
  onPhase?: (name: IngestPhase, ms: number) => void;
  /**
   * Called once the papers have their titles, before classification (the longest phase), with what
   * their citations and abstracts are made from as the sources give it: the build formats those on
   * another core meanwhile. Hand edits to entries are applied later (write-entries.ts), so this is a guess
   * for an edited paper; its time counts in the `slugs` phase.
   */
  onTitled?: (papers: TitledPaper[]) => void;
  /**
   * Called once the papers are merged, before their titles are derived (a phase on one core), with each
   * paper's entry body (Markdown) as the sources give it: the build renders those on another core meanwhile.
   * A guess for a hand-edited paper, as for `onTitled`; its time counts in the `merge` phase.
   */
  onBodies?: (bodies: string[]) => void;
}

/** A paper's generated title, metadata and entry body (Markdown), before classification and hand edits. */
export interface TitledPaper extends PaperMetadata {
  id: string;
  title: string;
  /** The title was derived from the abstract (a citation shows it as one, so its cache key differs). */
  derivedTitle: boolean;
  body: string;
}

/** The ingest's phases as `onPhase` reports them; `tagging` and `related` are classification. */
export type IngestPhase = 'parse' | 'merge' | 'titles' | 'slugs' | 'tagging' | 'related' | 'entries' | 'report';

/**
 * A stopwatch that reports the time since its previous mark as phase `name` (no name: restarts
 * without reporting). It costs nothing without a listener.
 */
export function phaseClock<P extends string>(onPhase?: (name: P, ms: number) => void): (name?: P) => void {
  if (!onPhase) return () => {};
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    if (name !== undefined) onPhase(name, now - last);
    last = now;
  };
}

/**
 * Source files and the entries already written → papers, entry files, the state for the next
 * ingest, and the issues and report. The stages, each timed as the phase it reports to `onPhase`:
 * - parse: decode each file, normalise its lines, split it into records (or import an export's),
 *   clean each title and abstract (read-sources.ts);
 * - merge: records of the same paper become one (merge-duplicates.ts), each paper gets its id;
 * - titles: papers without a title get one derived from the abstract (derive-title.ts);
 * - slugs: file names, an existing entry's kept (assign-slugs.ts);
 * - tagging and related: topics, tags and related papers (classify/), from one analysis of the papers;
 * - entries: front matter with hand edits kept, entry files and state (write-entries.ts);
 * - report: issues in report order, and the report (ingest-report.ts).
 * Same input, same output: files are read in path order and every stage is deterministic.
 */
export function runIngest(input: IngestInput, hooks: IngestHooks = {}): IngestOutput {
  const phase = phaseClock(hooks.onPhase);
  const read = readSources(input.sources, hooks.onFileStart, input.sourceCache);
  phase('parse');
  const merged = mergeRecords(read.occurrences);
  const taxonomy = input.taxonomy ?? EMPTY_TAXONOMY;
  const method = topicMethod(taxonomy);
  // A rebuild that adds or changes a few papers leaves the others' titles, topics, tags and related lists
  // as the last ingest made them (classify/incremental.ts); more than that, and the list is made afresh.
  const hashes = merged.groups.map((g, i) => inputHash(g, merged.home[i]!));
  const lastRun = knownPapers(input.state, input.existing, merged.ids, hashes, method, input.codeVersion);
  // Papers new since the list was last classified afresh: past MAX_NEW_SHARE of it, it is classified afresh.
  const present = new Set(merged.ids.filter((_, i) => lastRun[i]));
  const recent = [...(input.state?.recent ?? []).filter((id) => present.has(id)), ...merged.ids.filter((_, i) => !lastRun[i])];
  const known = present.size > 0 && recent.length <= MAX_NEW_SHARE * merged.ids.length ? lastRun : lastRun.map(() => undefined);
  // Each paper's entry body, made once for the build's head starts and the entries alike.
  const bodies = merged.home.map((h) => abstractToMarkdown(h.body));
  hooks.onBodies?.(bodies);
  phase('merge');
  // The title reader tags most sentences of the abstracts it reads; term extraction takes them from here.
  const tagged: SentenceTags = new Map();
  const titles = titlePapers(merged, known, tagged);
  phase('titles');
  hooks.onTitled?.(merged.groups.map((g, i) => ({ ...mergeMetadata(g.occurrences), id: merged.ids[i]!, title: titles[i]!, derivedTitle: g.title === null, body: bodies[i]! })));
  // Titles as plain text (math read as text), for slugs and the classifier.
  const plainTitles = titles.map(titleText);
  const slugs = slugPapers(merged, plainTitles, input.existing, input.state);
  phase('slugs');
  const toClassify = classifyInputs(merged, plainTitles);
  const store = corpusStore(input.corpusCache, toClassify, hashes);
  let analysis: PaperAnalysis | undefined;
  const analyse = () => (analysis ??= analysePapers(toClassify, store));
  // A whole pass made because the kept one could not be extended serves the full classification too.
  const extend = () => (store && analyseExtended(toClassify, store)) ?? analyse();
  let classified = known.some(Boolean) ? classifyIncrementally(toClassify, extend, known, taxonomy, RELATED_COUNT) : null;
  phase('tagging');
  let full: typeof classified = null;
  if (!classified) {
    // The topics generated last time keep a rebuild that adds a few papers from moving the others.
    const labels = classifyPapers(toClassify, taxonomy, { previousTopics: previousTopics(input.state, method), analysis: analyse(), tagged });
    phase('tagging');
    classified = full = { labels, related: relatedPapers(toClassify, labels, { count: RELATED_COUNT, analysis: analyse() }) };
  }
  // Term extraction was the sentence tags' only reader; what it did not take need not live on through the entries.
  tagged.clear();
  const { labels, related } = classified;
  phase('related');
  const written = writeEntries(paperDrafts(merged, titles, bodies, slugs, labels, related, hashes), input.existing, input.state, method);
  written.state.recent = known.some(Boolean) && classified !== full ? recent : [];
  if (input.codeVersion !== undefined) written.state.codeVersion = input.codeVersion;
  phase('entries');
  const issues = [...read.issues, ...written.issues].sort(compareIssues);
  const merges = merged.merges.map((m) => ({ file: m.file, line: m.line, into: merged.ids[m.into]!, by: m.by }));
  const report = ingestReport(merged.groups.map((g) => g.occurrences[0]!.file), merges, issues, read.summaries.values());
  phase('report');
  return { papers: written.papers, entries: written.entries, state: written.state, issues, report };
}

/** The papers the records make: groups of records, the record whose abstract each shows (`home`), and each one's id. */
interface MergedRecords {
  groups: MergedGroup<CleanOccurrence>[];
  merges: Merge[];
  home: CleanOccurrence[];
  ids: string[];
}

function mergeRecords(occurrences: readonly CleanOccurrence[]): MergedRecords {
  const { groups, merges } = mergeDuplicates(occurrences);
  // A paper without an abstract anywhere is known by its title (an export's record always has one).
  const home = groups.map((g) => abstractSource(g.occurrences) ?? g.occurrences[0]!);
  const ids = groups.map((g, i) => paperId(home[i]!.key || `title\u0000${identityKey(g.title ?? '')}`));
  return { groups, merges, home, ids };
}

/**
 * Each paper's title: its sources' best, or one derived from its abstract (unlike every other title);
 * a title derived by the last ingest from the same abstract is kept (`known`).
 */
function titlePapers({ groups, home }: MergedRecords, known: readonly (KnownPaper | undefined)[], tagged: SentenceTags): string[] {
  const untitled = groups.flatMap((g, i) => (g.title === null ? [i] : []));
  const kept = untitled.map((i) => known[i]?.title);
  const derived = deriveTitles(untitled.map((i) => home[i]!.abstract), groups.flatMap((g) => (g.title ? [g.title] : [])), kept, tagged);
  const titles = groups.map((g) => g.title);
  // Cleaning can leave nothing of a last-resort title made of markup (`$${\em`): a title is never empty.
  untitled.forEach((i, k) => (titles[i] = derived[k] === kept[k] ? derived[k]! : cleanTitle(derived[k]!) || UNTITLED));
  return titles.map((t) => t!);
}

/** A hash of what a paper's title, topic, tags and related papers are made from: its source title, abstract and keywords. */
function inputHash(group: MergedGroup<CleanOccurrence>, home: CleanOccurrence): string {
  return hash('sha256', JSON.stringify([group.title, home.abstract, mergeKeywords(group.occurrences)]), 'hex').slice(0, 16);
}

/** Each paper's slug by id: an existing entry's file name wins; a paper whose entry was deleted gets its last slug back. */
function slugPapers({ groups, ids }: MergedRecords, plainTitles: readonly string[], existing: readonly ExistingEntry[], state: IngestState | null): Map<string, Slug> {
  return assignSlugs(
    groups.map((_, i) => ({ id: ids[i]!, title: plainTitles[i]! })),
    new Map<string, Slug>([...(Object.entries(state?.slugs ?? {}) as Array<[string, Slug]>), ...existing.map((e) => [e.data.id, e.slug] as [string, Slug])]),
    [...existing.flatMap((e) => e.data.aliases), ...Object.values(state?.slugs ?? {})],
  );
}

/** The corpus cache with each paper's key: its input hash (source title, abstract, keywords) and the title classified. */
function corpusStore(cache: IngestInput['corpusCache'], papers: readonly ClassifyInput[], hashes: readonly string[]): CorpusStore | undefined {
  return cache && { keys: papers.map((p, i) => `${hashes[i]}\0${p.title}`), get: () => cache.get(), set: (state) => cache.set(state) };
}

/** What the classifier reads of each paper: title, abstract (its keywords when it has none) and keywords. */
function classifyInputs({ groups, home, ids }: MergedRecords, plainTitles: readonly string[]): ClassifyInput[] {
  const keywords = groups.map((g) => mergeKeywords(g.occurrences));
  return groups.map((_, i) => ({ id: ids[i]!, title: plainTitles[i]!, abstract: home[i]!.abstract || keywords[i]!.join('. '), ...(keywords[i]!.length ? { keywords: keywords[i]! } : {}) }));
}

function paperDrafts(
  { groups, home, ids }: MergedRecords,
  titles: readonly string[],
  bodies: readonly string[],
  slugs: ReadonlyMap<string, Slug>,
  labels: ReadonlyMap<string, Classification>,
  related: ReadonlyMap<string, string[]>,
  hashes: readonly string[],
): PaperDraft[] {
  return groups.map((group, i) => {
    const id = ids[i]!;
    const { topic, tags } = labels.get(id)!;
    return { id, occurrences: group.occurrences, home: home[i]!, derived: group.title === null, title: titles[i]!, body: bodies[i]!, slug: slugs.get(id)!, topic, tags, related: related.get(id) ?? [], inputHash: hashes[i]! };
  });
}
