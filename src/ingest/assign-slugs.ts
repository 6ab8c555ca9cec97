/**
 * Stage 6: papers → unique, stable slugs.
 *
 * A paper keeps the slug it was first given for as long as its entry exists, even when its title
 * is corrected later, so shared links never break. New papers get a slug from their title; on a
 * clash with a taken slug or a site route, a short piece of the id is appended, which no later
 * paper can take away.
 */
import { RESERVED_SLUGS } from '../core/routes.ts';
import { MAX_SLUG_LENGTH, asSlug, isSlug, slugify, type Slug } from '../core/slug.ts';

export interface SlugRequest {
  id: string;
  title: string;
}

/**
 * @param papers in a deterministic order (source order): earlier papers win a contested slug.
 * @param kept slugs of existing entries, by paper id.
 * @param formerSlugs slugs papers had before (their `aliases`).
 */
export function assignSlugs(papers: readonly SlugRequest[], kept: ReadonlyMap<string, Slug>, formerSlugs: Iterable<string> = []): Map<string, Slug> {
  const assigned = new Map<string, Slug>();
  const taken = new Set<string>(RESERVED_SLUGS);
  for (const paper of papers) {
    const slug = kept.get(paper.id);
    if (slug && isSlug(slug) && !taken.has(slug)) {
      assigned.set(paper.id, slug);
      taken.add(slug);
    }
  }
  // A former slug still answers with a redirect page, so no new paper may take it.
  for (const former of formerSlugs) taken.add(former);
  for (const paper of papers) {
    if (assigned.has(paper.id)) continue;
    const base = slugify(paper.title) ?? 'paper';
    let slug = base;
    for (let length = 6; taken.has(slug) || base === 'paper'; length += 2) {
      slug = `${base.slice(0, MAX_SLUG_LENGTH - length - 1).replace(/-+$/, "")}-${paper.id.slice(0, length)}`;
      if (!taken.has(slug) || length >= paper.id.length) break;
    }
    assigned.set(paper.id, asSlug(slug));
    taken.add(slug);
  }
  return assigned;
}
