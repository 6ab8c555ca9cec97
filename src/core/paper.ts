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

/** Identifiers of the paper itself in the field's registries. */
export const paperIds = z.object({
  /** arXiv identifier without version or prefix: `2403.01234`, or old-style `hep-th/9901001`. */
  arxiv: z.string().min(1).optional(),
  /** DOI without a resolver prefix: `10.1145/3292500.3330701`. */
  doi: z.string().min(1).optional(),
  /** PubMed id: digits. */
  pmid: z.string().regex(/^\d+$/, 'a PMID is digits').optional(),
});
export type PaperIds = z.infer<typeof paperIds>;

/** A link to the paper itself (its page at a publisher, on arXiv, PubMed …), not to a search. */
export const paperLink = z.object({
  /** What a reader clicks: `arXiv`, `PDF`, `DOI`, `PubMed`, a host name. */
  label: z.string().min(1),
  /** Absolute `http(s)` URL. */
  url: z.string().url(),
});
export type PaperLink = z.infer<typeof paperLink>;

/**
 * Optional bibliographic metadata, present when the sources carry it (a listing with authors, an
 * arXiv or PubMed copy, a reference manager's export). Field names and shapes follow SPEC.md's
 * `papers.json`; the entry's front matter holds the same fields, hand-editable.
 */
export const paperMetadata = z.object({
  /** Display names, in the paper's order: `Ada Lovelace`, not `Lovelace, A.`. */
  authors: z.array(z.string().min(1)).optional(),
  /** Year of publication (or of the first version, for a preprint). */
  year: z.number().int().min(1000).max(9999).optional(),
  /** Journal, conference or archive category as the source names it. */
  venue: z.string().min(1).optional(),
  ids: paperIds.optional(),
  links: z.array(paperLink).optional(),
});
export type PaperMetadata = z.infer<typeof paperMetadata>;

export const paperFrontMatter = paperMetadata.extend({
  /** Stable identity: a hash of the normalised abstract. Survives title edits and re-ingests. */
  id: z.string().regex(/^[0-9a-f]{12}$/, 'an id is 12 lowercase hex digits'),
  /** The title shown to readers. */
  title: z.string().min(1),
  /** True when the sources had no title and the ingest derived one from the abstract. */
  derivedTitle: z.boolean().default(false),
  /** The one primary topic (a name from `content/taxonomy.yaml`). */
  topic: z.string().default(''),
  /** 0–6 concept tags, lowercase but for words their papers write capitalized ("BERT", "Gaussian processes"; classify/tag-case.ts). */
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
