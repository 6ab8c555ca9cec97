/**
 * The `Paper`: one entry of the reading list, as written to `content/papers/<slug>.md`.
 *
 * This schema is the single definition of an entry's front matter. The ingest validates what it
 * writes against it, and `src/content.config.ts` validates what Astro reads with it, so the two
 * halves of Papershelf cannot drift apart.
 */
import { z } from 'astro/zod';
import type { Slug } from './slug.ts';

/** Where one occurrence of a paper's abstract stands in the raw sources. */
export const sourceRef = z.object({
  /** Path of the source file relative to the project root, with `/` separators. */
  file: z.string().min(1),
  /** 1-based line of the abstract in that file. */
  line: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof sourceRef>;

export const paperFrontMatter = z.object({
  /** Stable identity: a hash of the normalised abstract. Survives title edits and re-ingests. */
  id: z.string().regex(/^[0-9a-f]{12}$/, 'an id is 12 lowercase hex digits'),
  /** The title shown to readers. */
  title: z.string().min(1),
  /** True when the sources had no title and the ingest derived one from the abstract. */
  derivedTitle: z.boolean().default(false),
  /** The one primary topic (a name from `content/taxonomy.yaml`). */
  topic: z.string().default(''),
  /** 0–6 lowercase concept tags. */
  tags: z.array(z.string().min(1)).default([]),
  /** Every place the abstract was found; the first is where the entry came from. */
  sources: z.array(sourceRef).min(1),
  /** Former slugs of this paper: each gets a page that redirects here, so old links keep working. */
  aliases: z.array(z.string()).default([]),
  /** Ids of related papers, most related first (computed by the ingest). */
  related: z.array(z.string()).default([]),
  /** The owner's own notes, shown under the abstract. Never touched by the ingest. */
  notes: z.string().optional(),
});
export type PaperFrontMatter = z.infer<typeof paperFrontMatter>;

/** A paper as the ingest hands it on: its entry's front matter, slug and cleaned abstract. */
export interface Paper extends PaperFrontMatter {
  slug: Slug;
  /** The cleaned abstract as plain text, math kept as `$…$`. */
  abstract: string;
  /** The cleaned abstract as Markdown, the body of the entry file. */
  body: string;
}
