/**
 * The site's identity for what the build writes itself (feed, cards, page signatures), read from the
 * intro page's front matter as Astro reads it for the pages (src/site/lib/site-identity.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { frontMatterYaml } from '../../src/core/entry-file.ts';
import { INTRO_PAGE, siteIdentity, type SiteIdentity } from '../../src/core/site.ts';

/**
 * `content/pages/intro.mdx` (or `.md`) under `root` → the site's name and tagline; the defaults when there
 * is no intro page or it has no front matter. Throws, naming the file and line, on front matter that is not YAML.
 */
export function readSiteIdentity(root: string): SiteIdentity {
  for (const extension of ['mdx', 'md']) {
    const path = join(root, 'content', 'pages', `${INTRO_PAGE}.${extension}`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const yaml = frontMatterYaml(text);
    if (yaml === undefined) return siteIdentity(undefined);
    const doc = parseDocument(yaml, { schema: 'core' });
    const error = doc.errors[0];
    if (error) {
      const line = (error.linePos?.[0].line ?? 0) + 1; // the front matter starts on the file's second line
      throw new Error(`${relative(root, path)}:${line}: front matter is not valid YAML (${error.message.split('\n')[0]}).\nWrite it as "title: Your list's name" and "description: One sentence".`);
    }
    const data: unknown = doc.toJS();
    const field = (key: string) => (data && typeof data === 'object' && typeof (data as Record<string, unknown>)[key] === 'string' ? ((data as Record<string, string>)[key]) : undefined);
    return siteIdentity({ title: field('title'), description: field('description') });
  }
  return siteIdentity(undefined);
}
