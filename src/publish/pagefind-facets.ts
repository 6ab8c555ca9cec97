/**
 * The facet table of one Pagefind shard (`PagefindFacets`), read back from the fragments Pagefind
 * wrote: a fragment is gzipped `pagefind_dcd` + JSON with the page's filters, named by its page id.
 * Reading them costs ~0.1 ms a page, once per indexed shard.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PagefindFacets } from '../core/pagefind-format.ts';

type Filters = Record<string, string[] | undefined>;
interface Fragment {
  url?: string;
  filters?: Filters;
}

/** Every page's filters in the shard written to `dir`, by page id (a fragment file, or a group of them when Pagefind bundles fragments). */
function pageFilters(dir: string): Map<string, Filters> {
  const pages = new Map<string, Filters>();
  const fragments = join(dir, 'fragment');
  for (const name of readdirSync(fragments).sort()) {
    if (!name.endsWith('.pf_fragment')) continue;
    const raw = gunzipSync(readFileSync(join(fragments, name)));
    const data = JSON.parse(raw.subarray(12).toString('utf8')) as Fragment | Record<string, Fragment>;
    if (typeof (data as Fragment).url === 'string') pages.set(name.slice(0, -'.pf_fragment'.length), (data as Fragment).filters ?? {});
    else for (const [id, fragment] of Object.entries(data as Record<string, Fragment>)) pages.set(id, fragment.filters ?? {});
  }
  return pages;
}

/** The gzipped facet table of the shard Pagefind wrote to `dir`. */
export function facetTable(dir: string): Buffer {
  const pages = pageFilters(dir);
  const topics = [...new Set([...pages.values()].flatMap((f) => f.topic ?? []))].sort();
  const tags = [...new Set([...pages.values()].flatMap((f) => f.tag ?? []))].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i.toString(36)]));
  const tagIndex = new Map(tags.map((t, i) => [t, i.toString(36)]));
  const table: PagefindFacets = { topics, tags, pages: {} };
  for (const [id, filters] of pages) {
    const topic = filters.topic?.[0];
    table.pages[id.slice(id.lastIndexOf('_') + 1)] = [topic === undefined ? '' : topicIndex.get(topic)!, ...(filters.tag ?? []).map((t) => tagIndex.get(t)!)].join('.');
  }
  return gzipSync(JSON.stringify(table), { level: 9 });
}
