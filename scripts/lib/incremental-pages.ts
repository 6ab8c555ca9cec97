/**
 * Incremental paper pages. Each paper page has a signature (src/site/lib/paper-page.ts) stored with
 * `dist/` after a build; the next build keeps the pages whose signature is unchanged, tells Astro not to
 * render them (src/site/lib/kept-pages.ts); after the build, `removeStale` deletes what no stage wrote again.
 *
 * The stored signatures are deleted when a build starts and written when it succeeds, so a failed or
 * interrupted build leaves nothing to keep and the next one renders every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/core/atomic-write.ts';
import type { Paper } from '../../src/core/paper.ts';
import type { SiteIdentity } from '../../src/core/site.ts';
import { routes } from '../../src/core/routes.ts';
import type { Slug } from '../../src/core/slug.ts';
import { buildCatalog, navTopics, type Catalog } from '../../src/site/lib/catalog.ts';
import { catalogSections, sectionPagePath, termPagePath, termPages } from '../../src/site/lib/list-pages.ts';
import { COMMON_TAGS_SHOWN, commonTags } from '../../src/site/lib/term-stats.ts';
import { listPageSignature, paperPageSignature, paperPageView } from '../../src/site/lib/paper-page.ts';
import { builtFiles } from './built-files.ts';
import { firstPaperPages } from './render-shares.ts';

const SIGNATURES_FILE = '.papershelf-pages.json';

export interface PagePlan {
  /** Slugs of paper pages kept from the last build. */
  keep: Slug[];
  /** Files of list pages (pages of a tag, a topic, all papers) kept from the last build. */
  keepLists: string[];
  /** Signatures of every paper page (by slug) and list page (by file) of this build, to store when it succeeds. */
  signatures: Record<string, string>;
  /** How many list pages (topics, tags, all papers, one-off pages) the build renders, to share the work out. */
  listPages: number;
}

/** Pages besides paper pages and paginated lists: home, about, search, 404, the three list indexes. */
const ONE_OFF_PAGES = 7;

/**
 * Which pages of the last build in `outDir` can be kept: those whose signature is unchanged. `site` is what every
 * page shows of the site as a whole (SITE_URL, its name and tagline), so a change there renders every page.
 */
export function planPaperPages(outDir: string, papers: readonly Paper[], codeSignature: string, site: { url: string; identity: SiteIdentity }): PagePlan {
  const previous = takeStoredSignatures(outDir);
  const built = builtFiles(outDir);
  const catalog = buildCatalog(papers.map((p) => ({ id: p.slug, data: p })));
  const siteKey = createHash('sha256').update(JSON.stringify([codeSignature, site.url, site.identity, navTopics(catalog)])).digest('hex');
  const signatures: Record<string, string> = {};
  const keep: Slug[] = [];
  for (const paper of papers) {
    const view = paperPageView(catalog, catalog.bySlug.get(paper.slug)!, paper.related);
    const signature = paperPageSignature(siteKey, paper, view);
    signatures[paper.slug] = signature;
    if (previous[paper.slug] === signature && built(routes.paper(paper.slug))) keep.push(paper.slug);
  }
  const keepLists: string[] = [];
  const lists = listPageSignatures(catalog, siteKey);
  for (const [path, signature] of lists) {
    signatures[path] = signature;
    if (previous[path] === signature && built(path)) keepLists.push(path);
  }
  return { keep, keepLists, signatures, listPages: ONE_OFF_PAGES + lists.size - keepLists.length };
}

/**
 * Signatures of the paginated list pages, by file: what TermList.astro and AllPapers.astro show of the list
 * (name, page count; on page 1 of a term its size and a topic's common tags; on the all-papers pages the A–Z
 * index's sections) and the papers of the page. The all-papers index page shows the list's size: it is a page of
 * its own (papers/index.astro), always rendered.
 */
export function listPageSignatures(catalog: Catalog, siteKey: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of ['tag', 'topic'] as const) {
    for (const term of kind === 'tag' ? catalog.tags : catalog.topics) {
      const pages = termPages(term);
      pages.forEach((papers, i) => {
        const whole = i === 0 ? { count: term.papers.length, common: kind === 'topic' ? commonTags(term.papers, COMMON_TAGS_SHOWN).map(({ tag, count }) => [tag.name, tag.slug, count]) : null } : null;
        const list = { kind, name: term.name, slug: term.slug, page: i + 1, pages: pages.length, whole };
        out.set(termPagePath(kind, term.slug, i + 1), listPageSignature(siteKey, list, papers));
      });
    }
  }
  const sections = catalogSections(catalog);
  const index = sections.map((s) => [s.key, s.label]);
  sections.forEach((section, s) => {
    section.pages.forEach((papers, i) => {
      if (s === 0 && i === 0) return;
      out.set(sectionPagePath(sections, s, i + 1), listPageSignature(siteKey, { kind: 'all', index, section: s, page: i + 1, pages: section.pages.length }, papers));
    });
  });
  return out;
}

function takeStoredSignatures(outDir: string): Record<string, string> {
  const path = join(outDir, SIGNATURES_FILE);
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    unlinkSync(path);
    return stored;
  } catch {
    return {};
  }
}

export function storePageSignatures(outDir: string, plan: PagePlan): void {
  writeFileSync(join(outDir, SIGNATURES_FILE), JSON.stringify(plan.signatures));
}

/**
 * Deletes what the last build left in `outDir` that this one neither wrote nor kept: the pages of papers,
 * tags or topics that are gone, old search index files. Every stage writes its files anew, so a file not
 * modified since `since` (epoch ms; the build process's start, before which the last build had ended) and
 * not in `keep` is stale. `dist/` is not emptied before the build, as Astro does: emptying it cost 3–40 s at
 * 10k papers (24k files), and unchanged files keep their place. Returns how many files it deleted.
 */
export function removeStale(outDir: string, since: number, keep: (path: string) => boolean): number {
  let removed = 0;
  const sweep = (rel: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(join(outDir, rel), { withFileTypes: true })) {
      const path = rel + entry.name;
      if (entry.isDirectory()) {
        if (sweep(`${path}/`)) rmdirSync(join(outDir, path));
        else empty = false;
      } else if (keep(path) || statSync(join(outDir, path)).mtimeMs >= since) empty = false;
      else {
        unlinkSync(join(outDir, path));
        removed++;
      }
    }
    return empty;
  };
  if (existsSync(outDir)) sweep('');
  return removed;
}

/** Whether `outDir` holds the page signatures of a build (none: every page is rendered, see `planPaperPages`). */
export const hasStoredSignatures = (outDir: string): boolean => existsSync(join(outDir, SIGNATURES_FILE));

/** The files of the kept pages, for `removeStale`. */
export const keptPaths = (plan: PagePlan): Set<string> => new Set([...plan.keep.map((slug) => routes.paper(slug)), ...plan.keepLists]);

/** The render plan of Astro process `share` in `dir`. */
export const renderPlanFile = (dir: string, share: number): string => join(dir, `render-plan-${share}.json`);

/** Removes the last build's render plans from `dir`, so that an Astro process started before this build's are written waits for them. */
export function clearRenderPlans(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (/^render-plan-\d+\.json/.test(name)) unlinkSync(join(dir, name));
}

/**
 * Writes one render plan per Astro process (src/site/lib/kept-pages.ts) into `dir` and returns their
 * files. Process 0 renders the list pages and a share of the paper pages to render such that the processes
 * end together (render-shares.ts `firstPaperPages`: a list page costs more, and the other processes start
 * `headStart` paper pages behind process 0); the other paper pages are dealt out in turn, so each share holds
 * papers from the whole list. Each file appears whole (written aside, then renamed): process 0 may be waiting
 * for it already (src/site/lib/kept-pages.ts).
 */
export function writeRenderPlans(dir: string, plan: PagePlan, toRender: readonly Slug[], processes: number, headStart = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const firstShare = firstPaperPages(toRender.length, plan.listPages, processes, headStart);
  const shareOf = (i: number): number => (i < firstShare ? 0 : 1 + ((i - firstShare) % (processes - 1)));
  const kept = new Set<string>(plan.keep);
  return Array.from({ length: processes }, (_, share) => {
    const skip = [...kept, ...toRender.filter((_, i) => shareOf(i) !== share)];
    const file = renderPlanFile(dir, share);
    writeFileAtomic(file, JSON.stringify({ skip, lists: share === 0, skipLists: plan.keepLists }));
    return file;
  });
}
