/**
 * An abstract's HTML, rendered by the site's Markdown pipeline (plugins.ts) outside Astro's content layer.
 *
 * Astro's `glob()` loader renders every entry when it loads the collection and keeps the HTML in its data
 * store, which is then bundled into the build as one JavaScript module: at 10k papers that was a 28 MB
 * module (KaTeX output is verbose) parsed and held for the whole build, and at 50k the largest share of a
 * 5 GB process. Here a paper page renders its own abstract when it is written, so the HTML is garbage as soon
 * as the page is, and a disk cache keyed by the Markdown lets a rebuild skip unchanged abstracts
 * (`warmAbstractCache` fills it in child processes before `astro build`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { plainText, summarizePlain } from '../../core/summarize.ts';
import { writeCacheFile } from '../lib/warm-cache.ts';
import { plainProseHtml } from './plain-prose.ts';
import { rehypePlugins, remarkPlugins } from './plugins.ts';

let processor: Processor<any, any, any, any, string> | undefined;

function getProcessor() {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkPlugins as PluggableList)
    // Raw HTML never reaches here as HTML (remark-html-as-text turns it into text); KaTeX's output does.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify)
    .freeze() as unknown as Processor<any, any, any, any, string>;
  return processor;
}

/** Renders an entry's Markdown body to HTML through the whole pipeline (plugins.ts). */
export async function pipelineHtml(markdown: string): Promise<string> {
  return String(await getProcessor().process(markdown));
}

/**
 * Renders an entry's Markdown body to HTML, exactly as a paper page shows it: plain prose without parsing
 * (plain-prose.ts, the same bytes as `pipelineHtml`), the rest through the pipeline.
 */
export async function renderAbstract(markdown: string): Promise<string> {
  return plainProseHtml(markdown) ?? pipelineHtml(markdown);
}

/** What a paper page shows of its abstract: the HTML, and the plain text and summary (empty for an empty body). */
export interface RenderedAbstract {
  html: string;
  /** core/summarize.ts `plainText` of the body. */
  plain: string;
  /** core/summarize.ts `summarizePlain` of `plain`, or '' when there is no text. */
  summary: string;
}

/** Renders a body as a paper page shows it. */
export async function renderAbstractParts(markdown: string): Promise<RenderedAbstract> {
  const plain = plainText(markdown);
  return { html: await renderAbstract(markdown), plain, summary: summarizePlain(plain) };
}

/** The cache file name for a body (the pipeline's version is in the folder's name: abstract-cache-dir.ts). */
export function abstractKey(markdown: string): string {
  return createHash('sha256').update(markdown).digest('hex').slice(0, 32);
}

const cacheFile = (cacheDir: string, key: string) => join(cacheDir, `${key}.html`);

/**
 * The rendered abstract from the cache in `cacheDir` (a file of JSON), rendering (and caching) it when it is not
 * there. Without a cache folder (tests, a bare `astro` command) it just renders.
 */
export async function cachedAbstract(markdown: string, cacheDir: string | undefined): Promise<RenderedAbstract> {
  if (!cacheDir) return renderAbstractParts(markdown);
  const key = abstractKey(markdown);
  try {
    return JSON.parse(readFileSync(cacheFile(cacheDir, key), 'utf8')) as RenderedAbstract;
  } catch {
    const parts = await renderAbstractParts(markdown);
    mkdirSync(cacheDir, { recursive: true });
    writeCacheFile(cacheDir, key, JSON.stringify(parts));
    return parts;
  }
}
