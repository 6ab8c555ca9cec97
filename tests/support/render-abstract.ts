/** Renders an entry body with the site's own Markdown pipeline, as Astro does. */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { rehypePlugins, remarkPlugins } from '../../src/site/markdown/plugins.ts';

export async function renderAbstract(markdown: string): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify);
  return String(await processor.process(markdown));
}
