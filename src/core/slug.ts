/**
 * Slugs: the last part of a page's URL and the name of its entry file.
 *
 * A `Slug` is lowercase ASCII letters, digits and single hyphens, 1–100 characters, so it is safe in a
 * URL and as a file name on Linux, macOS and Windows alike.
 */
import { transliterate } from 'transliteration';

export type Slug = string & { readonly __brand: 'Slug' };

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Hard limit from the bad-input contract; base slugs stay shorter to leave room for a suffix. */
export const MAX_SLUG_LENGTH = 100;
const MAX_BASE_LENGTH = 80;

export function isSlug(value: string): value is Slug {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export function asSlug(value: string): Slug {
  if (!isSlug(value)) throw new Error(`"${value}" is not a slug: use lowercase a–z, 0–9 and single hyphens, at most ${MAX_SLUG_LENGTH} characters.`);
  return value;
}

/**
 * Turns any text into a readable slug, or `undefined` when nothing readable is left (a title of
 * only punctuation, say). Non-Latin scripts are transliterated (`深度学习` → `shen-du-xue-xi`) rather
 * than percent-encoded, so a shared link stays legible. Long text is cut at a word boundary.
 *
 * @example slugify('Poincaré Embeddings for λ-Calculus') // 'poincare-embeddings-for-l-calculus'
 */
export function slugify(text: string, maxLength = MAX_BASE_LENGTH): Slug | undefined {
  const words = transliterate(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, maxLength);
  return slug ? asSlug(slug) : undefined;
}
