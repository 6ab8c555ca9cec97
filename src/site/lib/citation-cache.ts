/**
 * A paper's citations (citation.ts: the formatted reference and its BibTeX) cached on disk, one file per
 * paper's citable fields (JSON, in the `<key>.html` files warm-cache.ts names). citeproc-js costs about
 * 3.2 ms of CPU per reference (measured on 300 papers, process.cpuUsage), 32 s on the single render
 * thread at 10k papers (1.5 ms since it formats with a one-entry style, citation-js.ts `formatReference`; 1.0 ms
 * in runs of 25 references, `formatReferences`; 0.17 ms with the style specialised to each item's shape, csl-specialise.ts),
 * and a page's BibTeX another 0.17 ms (2k papers; 0.04 ms at load 8 on the 10k corpus, and the same in one citation-js
 * call per batch of 25, split into entries: tried in session 11, not kept), so the build fills the cache in child processes before
 * `astro build` (warm-citation-cache.ts) and pages only read it; a rebuild formats only new or changed papers.
 * The folder is citation-cache-dir.ts's. A page loads citation.ts (and with it citation-js) only when its
 * paper is not in the cache (csl-item.ts says why).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cslItem, type CitablePaper } from './csl-item.ts';
import { writeCacheFile } from './warm-cache.ts';

/** What a paper page shows in its Cite box. */
export interface Citation {
  /** The formatted reference (APA) as HTML. */
  reference: string;
  /** The paper's BibTeX entry. */
  bibtex: string;
}

/** The cache file name of a paper's citations. The title as written too: BibTeX keeps its TeX, the CSL item only its plain text. */
export const citationCacheKey = (paper: CitablePaper) => createHash('sha256').update(JSON.stringify([paper.title, cslItem(paper)])).digest('hex').slice(0, 32);

/** A paper's citations, made with citation-js (citation.ts). */
export async function citationOf(paper: CitablePaper): Promise<Citation> {
  const { bibtex, referenceHtml } = await import('./citation.ts');
  return { reference: referenceHtml(paper), bibtex: bibtex([paper]) };
}

/** The paper's citations, from the cache in `dir` when there (without `dir`: made here). */
export async function cachedCitation(paper: CitablePaper, dir: string | undefined): Promise<Citation> {
  if (!dir) return citationOf(paper);
  const key = citationCacheKey(paper);
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.html`), 'utf8')) as Citation;
  } catch {
    const citation = await citationOf(paper);
    mkdirSync(dir, { recursive: true });
    writeCacheFile(dir, key, JSON.stringify(citation));
    return citation;
  }
}
