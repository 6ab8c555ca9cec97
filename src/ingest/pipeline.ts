/**
 * The ingest, start to end. The only file that knows the order of the stages:
 * decode → normalise lines → split records → clean → identify → merge duplicates → title →
 * slug → classify → keep hand edits → entry files.
 *
 * Pure: it takes file contents and returns file contents plus a report; `scripts/ingest.ts` does
 * the reading and writing.
 */
import { compareIssues, issue, type IngestIssue, type SourcePath } from '../core/issue.ts';
import type { Paper, PaperFrontMatter, PaperMetadata } from '../core/paper.ts';
import type { Slug } from '../core/slug.ts';
import { assignSlugs } from './assign-slugs.ts';
import { classifyPapers, relatedPapers, type ClassifyInput, type Taxonomy } from './classify/index.ts';
import { fallBackFromBrokenMath, titleMathFailures } from './check-math.ts';
import { cleanAbstract, cleanTitle, titleText, toPlainText } from './clean-text.ts';
import { decodeSource } from './decode.ts';
import { deriveTitles } from './derive-title.ts';
import { formatEntry } from '../core/entry-file.ts';
import { abstractToMarkdown } from './to-markdown.ts';
import { identityKey, paperId } from './identity.ts';
import { keepHandEdits, type EditableFields } from './keep-hand-edits.ts';
import { exportFormatOf, importReferences, type ExportFormat, type ImportedRecord } from './import/index.ts';
import { mergeDuplicates, type MergeEvidence, type Occurrence } from './merge-duplicates.ts';
import { abstractSource, groupTitle, mergeKeywords, mergeMetadata, type MetadataSource } from './merge-metadata.ts';
import { normalizeLines } from './normalize-lines.ts';
import { splitRecords, type DumpFormat, type RawRecord } from './split-records.ts';

export interface SourceFile {
  path: SourcePath;
  bytes: Uint8Array;
  /** Found by listing a folder (only its dumps and exports are read: `.txt`, `.bib`, `.ris`, `.json`), rather than named by the user. */
  fromFolder?: boolean;
}

/** An entry already in `content/papers/`, as read back. */
export interface ExistingEntry {
  slug: Slug;
  data: PaperFrontMatter;
}

/** What the last ingest generated for each paper, to tell hand edits from generated values. */
export interface IngestState {
  version: 1;
  papers: Record<string, EditableFields>;
  /** Each paper's slug at the last ingest: a slug that changed since (a renamed entry) becomes an alias. */
  slugs?: Record<string, string>;
}

export interface IngestInput {
  sources: readonly SourceFile[];
  existing: readonly ExistingEntry[];
  state: IngestState | null;
  /** The parsed content/taxonomy.yaml; without one, topics and tags are discovered from the text alone. */
  taxonomy?: Taxonomy;
}

/** How many related papers each paper page lists. */
const RELATED_COUNT = 5;

export interface FileSummary {
  file: SourcePath;
  format: DumpFormat | ExportFormat | null;
  encoding: string | null;
  abstracts: number;
  papers: number;
  merged: number;
}

export interface IngestReport {
  papers: number;
  /** `by`: what the record had in common with the paper (the abstract, a DOI, an arXiv id, a PMID, the title). */
  merged: Array<{ file: SourcePath; line: number; into: string; by: MergeEvidence }>;
  skipped: Array<{ file: SourcePath; line: number | null; reason: string }>;
  repaired: Array<{ file: SourcePath; line: number | null; what: string }>;
  warnings: Array<{ file: SourcePath; line: number | null; message: string }>;
  files: FileSummary[];
}

export interface IngestOutput {
  papers: Paper[];
  /** Entry file name (`<slug>.md`) → file text. */
  entries: Map<string, string>;
  state: IngestState;
  issues: IngestIssue[];
  report: IngestReport;
}

/** No taxonomy file: every topic and tag is discovered from the papers' own text. */
const EMPTY_TAXONOMY: Taxonomy = { topics: [], tags: [], stopTags: [] };

interface CleanOccurrence extends Occurrence, MetadataSource {
  abstract: string;
  body: PaperBodyNodes;
}
type PaperBodyNodes = ReturnType<typeof cleanAbstract>['nodes'];

export interface IngestHooks {
  /** Called as each source file is read, for progress display on long runs. */
  onFileStart?: (done: number, total: number, file: SourcePath) => void;
  /** Called at the end of each phase with its wall time, for benchmarks and profiling. */
  onPhase?: (name: IngestPhase, ms: number) => void;
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

export function runIngest(input: IngestInput, hooks: IngestHooks = {}): IngestOutput {
  const issues: IngestIssue[] = [];
  const occurrences: CleanOccurrence[] = [];
  const summaries = new Map<SourcePath, FileSummary>();
  const phase = phaseClock(hooks.onPhase);

  const sources = [...input.sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const [index, source] of sources.entries()) {
    hooks.onFileStart?.(index, sources.length, source.path);
    const summary: FileSummary = { file: source.path, format: null, encoding: null, abstracts: 0, papers: 0, merged: 0 };
    summaries.set(source.path, summary);
    const decoded = decodeSource(source.bytes, source.path);
    issues.push(...decoded.issues);
    if (!decoded.ok) continue;
    const exportFormat = exportFormatOf(source.path);
    if (source.fromFolder && !exportFormat && !/\.txt$/i.test(source.path)) {
      issues.push(issue('skipped', source.path, null, 'not-txt', 'not a .txt, .bib, .ris or .json file; only those in a sources folder are read', 'Rename a dump to .txt to ingest it, or name it on the command line.'));
      continue;
    }
    summary.encoding = decoded.encoding;
    let records: Array<RawRecord | ImportedRecord>;
    let recordIssues: IngestIssue[];
    if (exportFormat) {
      ({ records, issues: recordIssues } = importReferences(decoded.text, source.path, exportFormat));
      summary.format = exportFormat;
    } else {
      const { lines, issues: lineIssues } = normalizeLines(decoded.text, source.path);
      issues.push(...lineIssues);
      const split = splitRecords(lines, source.path);
      ({ records, issues: recordIssues } = split);
      summary.format = split.format;
    }
    issues.push(...recordIssues);
    summary.abstracts = records.length;
    if (records.length === 0 && recordIssues.length === 0) {
      issues.push(issue('skipped', source.path, null, 'no-abstracts', 'no abstracts found (the file holds only blank lines or page chrome); skipped', 'Paste abstracts into it, or delete it.'));
    }
    for (const record of records) {
      const cleaned = cleanAbstract(record.abstract);
      for (const macro of new Set(cleaned.unknownMacros)) {
        issues.push(issue('warning', record.file, record.line, 'latex-unknown-macro', `unknown LaTeX macro ${macro}; shown as "${macro.slice(1)}"`, 'Replace it with the text it stands for.'));
      }
      if (cleaned.unclosedMath > 0) {
        issues.push(issue('warning', record.file, record.line, 'math-unclosed', 'math that opens but never closes; shown as typed', 'Close the math with the matching delimiter ($, $$, \\) or \\]).'));
      }
      const checked = fallBackFromBrokenMath(cleaned.nodes);
      cleaned.nodes = checked.nodes;
      for (const failure of checked.failures) {
        issues.push(issue('warning', record.file, record.line, 'math-katex-error', failure, 'Fix the LaTeX of the formula; until then it shows as typed.'));
      }
      const abstract = toPlainText(cleaned.nodes);
      // An export's record may lack an abstract and still be a paper (its title and metadata).
      if (!exportFormat && !/[\p{L}\p{N}]/u.test(abstract)) {
        summary.abstracts--; // not an abstract after all: reported as skipped instead
        issues.push(issue('skipped', record.file, record.line, 'empty-after-cleaning', `line "${record.abstract.slice(0, 60)}" has no letter or digit once cleaned; skipped`, 'Delete the line, or paste the abstract it should hold.'));
        continue;
      }
      const title = record.title ? cleanTitle(record.title.text) : null;
      if (record.title && !title) {
        issues.push(issue('skipped', record.file, record.title.line, 'empty-after-cleaning', `title line "${record.title.text.slice(0, 60)}" is empty once cleaned; a title is derived from the abstract instead`, 'Delete the line, or type the title.'));
      }
      for (const failure of title ? titleMathFailures(title) : []) {
        issues.push(issue('warning', record.file, record.title!.line, 'math-katex-error', failure, 'Fix the LaTeX of the formula; until then it shows as typed.'));
      }
      if (title && title.length > 300) {
        issues.push(issue('warning', record.file, record.title!.line, 'long-title', `title is ${title.length} characters long`, 'Check that the line is a title; shorten it if it is.'));
      }
      occurrences.push({
        file: record.file, line: record.line, key: abstract ? identityKey(abstract) : '', title: title || null, abstract, body: cleaned.nodes,
        ids: record.meta?.ids, meta: record.meta, keywords: (record as ImportedRecord).keywords, exported: exportFormat !== undefined,
      });
    }
  }

  phase('parse');

  const { groups, merges } = mergeDuplicates(occurrences);
  // A paper without an abstract anywhere is known by its title (an export's record always has one).
  const home = groups.map((g) => abstractSource(g.occurrences) ?? g.occurrences[0]!);
  for (const g of groups) g.title = groupTitle(g.occurrences);
  const ids = groups.map((g, i) => paperId(home[i]!.key || `title\u0000${identityKey(g.title ?? '')}`));
  phase('merge');
  const untitled = groups.flatMap((g, i) => (g.title === null ? [i] : []));
  const derived = deriveTitles(untitled.map((i) => home[i]!.abstract), groups.flatMap((g) => (g.title ? [g.title] : [])));
  const titles = groups.map((g) => g.title);
  untitled.forEach((i, k) => (titles[i] = cleanTitle(derived[k]!)));
  phase('titles');
  const existingById = new Map(input.existing.map((e) => [e.data.id, e]));
  const slugs = assignSlugs(
    groups.map((_, i) => ({ id: ids[i]!, title: titleText(titles[i]!) })),
    // An entry's file name wins; a paper whose entry was deleted gets its last slug back.
    new Map<string, Slug>([...(Object.entries(input.state?.slugs ?? {}) as Array<[string, Slug]>), ...input.existing.map((e) => [e.data.id, e.slug] as [string, Slug])]),
    [...input.existing.flatMap((e) => e.data.aliases), ...Object.values(input.state?.slugs ?? {})],
  );
  phase('slugs');

  const keywords = groups.map((g) => mergeKeywords(g.occurrences));
  const toClassify: ClassifyInput[] = groups.map((_, i) => ({ id: ids[i]!, title: titleText(titles[i]!), abstract: home[i]!.abstract || keywords[i]!.join('. '), ...(keywords[i]!.length ? { keywords: keywords[i]! } : {}) }));
  const labels = classifyPapers(toClassify, input.taxonomy ?? EMPTY_TAXONOMY);
  phase('tagging');
  const related = relatedPapers(toClassify, labels, RELATED_COUNT);
  phase('related');

  const papers: Paper[] = [];
  const entries = new Map<string, string>();
  const state: IngestState = { version: 1, papers: {}, slugs: {} };
  groups.forEach((group, i) => {
    const id = ids[i]!;
    const first = group.occurrences[0]!;
    const label = labels.get(id)!;
    const generated: EditableFields = { title: titles[i]!, tags: label.tags, topic: label.topic, ...mergeMetadata(group.occurrences) };
    const existing = existingById.get(id);
    const { fields, edited } = keepHandEdits(generated, existing?.data, input.state?.papers[id]);
    state.papers[id] = generated;
    const slug = slugs.get(id)!;
    state.slugs![id] = slug;
    const aliases = [...(existing?.data.aliases ?? [])];
    for (const former of [existing?.slug, input.state?.slugs?.[id]]) {
      if (former && former !== slug && !aliases.includes(former)) aliases.push(former);
    }
    const { title, tags, topic, ...metadata } = fields;
    const data: PaperFrontMatter = {
      id,
      title,
      derivedTitle: group.title === null && !edited.includes('title'),
      ...metadata,
      topic,
      tags,
      sources: group.occurrences.map((o) => ({ file: o.file, line: o.line })),
      aliases,
      related: related.get(id) ?? [],
      ...(existing?.data.notes !== undefined ? { notes: existing.data.notes } : {}),
    };
    const body = abstractToMarkdown(home[i]!.body);
    papers.push({ ...data, slug, abstract: home[i]!.abstract, body });
    entries.set(`${slug}.md`, formatEntry(data, body));
    summaries.get(first.file)!.papers++;
    if (group.title === null) {
      issues.push(issue('warning', first.file, first.line, 'title-derived', `no title line; derived "${data.title}"`, 'Add a title line above the abstract to choose it yourself.'));
    }
    if (!home[i]!.abstract) {
      issues.push(issue('warning', first.file, first.line, 'no-abstract', `no abstract for "${data.title}" in any source; its page has the title, authors and links, and tags from the title and keywords`, 'Add the abstract in your reference manager and export again, or paste it into a dump.'));
    }
  });
  for (const merge of merges) summaries.get(merge.file)!.merged++;
  phase('entries');

  issues.sort(compareIssues);
  const report: IngestReport = {
    papers: papers.length,
    merged: merges.map((m) => ({ file: m.file, line: m.line, into: ids[m.into]!, by: m.by })),
    skipped: issues.filter((x) => x.kind === 'skipped').map((x) => ({ file: x.file, line: x.line, reason: x.message })),
    repaired: issues.filter((x) => x.kind === 'repaired').map((x) => ({ file: x.file, line: x.line, what: x.message })),
    warnings: issues.filter((x) => x.kind === 'warning').map((x) => ({ file: x.file, line: x.line, message: x.message })),
    files: [...summaries.values()],
  };
  phase('report');
  return { papers, entries, state, issues, report };
}
