/**
 * Incremental paper pages. Each paper page has a signature (src/site/lib/paper-page.ts) stored with
 * `dist/` after a build; the next build keeps the pages whose signature is unchanged, tells Astro not to
 * render them (src/site/lib/kept-pages.ts) and clears the rest of `dist/` itself, as Astro would.
 *
 * The stored signatures are deleted when a build starts and written when it succeeds, so a failed or
 * interrupted build leaves nothing to keep and the next one renders every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Paper } from '../../src/core/paper.ts';
import { routes } from '../../src/core/routes.ts';
import type { Slug } from '../../src/core/slug.ts';
import { buildCatalog, navTopics } from '../../src/site/lib/catalog.ts';
import { paperPageSignature, paperPageView } from '../../src/site/lib/paper-page.ts';

const SIGNATURES_FILE = '.papershelf-pages.json';

export interface PagePlan {
  /** Slugs of paper pages kept from the last build. */
  keep: Slug[];
  /** Signatures of every paper page of this build, to store when it succeeds. */
  signatures: Record<string, string>;
}

export function planPaperPages(outDir: string, papers: readonly Paper[], codeSignature: string, siteUrl: string): PagePlan {
  const previous = takeStoredSignatures(outDir);
  const catalog = buildCatalog(papers.map((p) => ({ id: p.slug, data: p })));
  const siteKey = createHash('sha256').update(JSON.stringify([codeSignature, siteUrl, navTopics(catalog)])).digest('hex');
  const signatures: Record<string, string> = {};
  const keep: Slug[] = [];
  for (const paper of papers) {
    const view = paperPageView(catalog, catalog.bySlug.get(paper.slug)!, paper.related);
    const signature = paperPageSignature(siteKey, paper, view);
    signatures[paper.slug] = signature;
    if (previous[paper.slug] === signature && existsSync(join(outDir, routes.paper(paper.slug)))) keep.push(paper.slug);
  }
  return { keep, signatures };
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

/** Empties `outDir` but for the kept paper pages (what Astro does before a build, when it renders every page). */
export function clearOutDirExcept(outDir: string, keep: readonly Slug[]): void {
  if (!existsSync(outDir)) return;
  const kept = new Set(keep.map((slug) => routes.paper(slug)));
  const clear = (dir: string, rel: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(join(outDir, dir), { withFileTypes: true })) {
      const path = rel + entry.name;
      if (entry.isDirectory()) {
        if (clear(join(dir, entry.name), `${path}/`)) rmdirSync(join(outDir, path));
        else empty = false;
      } else if (kept.has(path)) empty = false;
      else unlinkSync(join(outDir, path));
    }
    return empty;
  };
  clear('', '');
}

/** Writes the slugs Astro must not render, for src/site/lib/kept-pages.ts. */
export function writeKeptPages(path: string, plan: PagePlan): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(plan.keep));
}
