/**
 * Slugs for tag and topic names: unique within their kind, never a site route, and the same
 * for the pages and for `papers.json`, because both call this with the same names.
 */
import { RESERVED_SLUGS } from './routes.ts';
import { asSlug, slugify, type Slug } from './slug.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function assignTermSlugs(names: Iterable<string>): Map<string, Slug> {
  const used = new Set<string>(RESERVED_SLUGS);
  const slugs = new Map<string, Slug>();
  for (const name of [...new Set(names)].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1))) {
    const base = slugify(name) ?? 'term';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(name, asSlug(slug));
  }
  return slugs;
}
