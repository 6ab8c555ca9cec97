/**
 * One paper found in several sources → one set of metadata, deterministically: a reference
 * manager's export is the owner's curated record, so its fields win over a dump's, and among equals
 * the earlier source (in file-name order) wins. Each field is taken whole from the first source that
 * has it; ids are merged per kind; links are pooled. A dump's abstract wins over an export's,
 * since exports often carry a shortened one (and the issue asks for "the dump's abstract").
 */
import type { PaperIds, PaperLink, PaperMetadata } from '../core/paper.ts';
import { idsFromUrl } from '../core/paper-links.ts';

export interface MetadataSource {
  title: string | null;
  abstract: string;
  meta?: PaperMetadata | undefined;
  keywords?: string[] | undefined;
  /** From a reference-manager export rather than a pasted dump. */
  exported?: boolean;
}

/** Exports first, then dumps; each in source order (the order given). */
function ranked<T extends MetadataSource>(sources: readonly T[]): T[] {
  return [...sources.filter((s) => s.exported), ...sources.filter((s) => !s.exported)];
}

/** The occurrence whose abstract the paper shows: the first dump with one, else the first export with one. */
export function abstractSource<T extends MetadataSource>(sources: readonly T[]): T | undefined {
  return sources.find((s) => !s.exported && s.abstract) ?? sources.find((s) => s.abstract);
}

/** The best title (`bestTitle`), exports' titles before dumps' among equals. */
export function groupTitle(sources: readonly MetadataSource[]): string | null {
  return bestTitle(ranked(sources).map((s) => s.title));
}

export function mergeMetadata(sources: readonly MetadataSource[]): PaperMetadata {
  const order = ranked(sources).map((s) => s.meta).filter((m) => m !== undefined);
  const pick = <K extends 'authors' | 'year' | 'venue'>(key: K) => order.find((m) => m[key] !== undefined && (!Array.isArray(m[key]) || m[key].length > 0))?.[key];
  const ids: PaperIds = {};
  const links: PaperLink[] = [];
  for (const meta of order) {
    for (const [kind, id] of Object.entries(meta.ids ?? {}) as Array<[keyof PaperIds, string | undefined]>) if (id) ids[kind] ??= id;
    for (const link of meta.links ?? []) {
      // A permalink of a registry is an id (its link is made from the id); any other link is kept once.
      const named = idsFromUrl(link.url);
      if (named) for (const [kind, id] of Object.entries(named) as Array<[keyof PaperIds, string]>) ids[kind] ??= id;
      else if (!links.some((l) => l.url === link.url)) links.push(link);
    }
  }
  const authors = pick('authors');
  const year = pick('year');
  const venue = pick('venue');
  return {
    ...(authors ? { authors: [...authors] } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(venue ? { venue } : {}),
    ...(Object.keys(ids).length ? { ids: sortedIds(ids) } : {}),
    ...(links.length ? { links } : {}),
  };
}

/** The exports' keywords, pooled in rank order, each once (case-insensitive). */
export function mergeKeywords(sources: readonly MetadataSource[]): string[] {
  const seen = new Map<string, string>();
  for (const s of ranked(sources)) for (const k of s.keywords ?? []) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()];
}

/** Ids in a fixed key order, so the front matter does not change with the order sources name them. */
function sortedIds(ids: PaperIds): PaperIds {
  return { ...(ids.arxiv ? { arxiv: ids.arxiv } : {}), ...(ids.doi ? { doi: ids.doi } : {}), ...(ids.pmid ? { pmid: ids.pmid } : {}) };
}

/**
 * Prefers a complete title (not cut off with "…"), then one in mixed case (not SHOUTING or all
 * lowercase), then one of a sane length (a 1,000-character "title" is more likely a paste
 * error), then the first seen: the owner's earliest source is the one they chose first.
 */
function bestTitle(titles: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const title of titles) {
    if (!title) continue;
    const truncated = /(?:…|\.\.\.)$/.test(title);
    const letters = title.replace(/[^\p{L}]/gu, '');
    const mixedCase = letters !== letters.toUpperCase() && letters !== letters.toLowerCase();
    const score = (truncated ? 0 : 4) + (mixedCase ? 2 : 0) + (title.length <= 300 ? 1 : 0);
    if (score > bestScore) {
      best = title;
      bestScore = score;
    }
  }
  return best;
}
