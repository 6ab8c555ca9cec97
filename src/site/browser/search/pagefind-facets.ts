/**
 * Facets for Pagefind's results from the shards' facet tables (`PagefindFacets`, written by
 * src/publish/pagefind-facets.ts): which topic and tags each result page has, by its page id. The
 * tables replace Pagefind's own filters: Pagefind counts them in time pages × results, seconds
 * for a common word at 10k papers, and on the page's thread.
 */
import { PAGEFIND_DIR, PAGEFIND_FACETS_FILE, shardOfPageId, type PagefindFacets } from '../../../core/pagefind-format.ts';

interface PageFacets {
  topic: string;
  tags: string[];
}

/** Reads a gzipped file, or one the host already decompressed (sent with `Content-Encoding: gzip`). */
async function gunzipJson<T>(response: Response): Promise<T> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(await text) as T;
}

export class FacetTables {
  private readonly tables = new Map<string, Promise<Map<string, PageFacets>>>();
  private readonly root: URL;
  private readonly shards: readonly string[];

  /** `shards` as in `PagefindShards`: the first lives in `pagefind/` itself. */
  constructor(root: URL, shards: readonly string[]) {
    this.root = root;
    this.shards = shards;
  }

  private table(folder: string): Promise<Map<string, PageFacets>> {
    let table = this.tables.get(folder);
    if (!table) {
      const path = folder === this.shards[0] ? `${PAGEFIND_DIR}/${PAGEFIND_FACETS_FILE}` : `${PAGEFIND_DIR}/${folder}/${PAGEFIND_FACETS_FILE}`;
      table = fetch(new URL(path, this.root))
        .then((response) => {
          if (!response.ok) throw new Error(`search index file ${path} is missing; rebuild the site`);
          return gunzipJson<PagefindFacets>(response);
        })
        .then(({ topics, tags, pages }) => {
          const out = new Map<string, PageFacets>();
          for (const [id, code] of Object.entries(pages)) {
            const [topic, ...tagCodes] = code.split('.');
            out.set(id, { topic: topic ? topics[parseInt(topic, 36)]! : '', tags: tagCodes.map((t) => tags[parseInt(t, 36)]!) });
          }
          return out;
        });
      this.tables.set(folder, table);
    }
    return table;
  }

  /** The facets of each of `ids` (Pagefind page ids), loading the tables of their shards. */
  async of(ids: readonly string[]): Promise<Array<PageFacets | undefined>> {
    const folders = [...new Set(ids.map(shardOfPageId))];
    const tables = new Map(await Promise.all(folders.map(async (folder) => [folder, await this.table(folder)] as const)));
    return ids.map((id) => tables.get(shardOfPageId(id))?.get(id.slice(id.lastIndexOf('_') + 1)));
  }
}
