/**
 * Content collections. Paper entries are validated by the same schema the ingest writes with
 * (`src/core/paper.ts`); the owner's own pages (intro, about) are MDX in `content/pages/`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { paperFrontMatter } from './core/paper.ts';

export const collections = {
  papers: defineCollection({
    // The file name is the slug; keep it exactly rather than re-slugifying it.
    loader: glob({ pattern: '*.md', base: './content/papers', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
    schema: paperFrontMatter,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: './content/pages' }),
    schema: z.object({
      /** Shown as the page heading and in the browser tab. */
      title: z.string(),
      /** One sentence for link previews and search engines. */
      description: z.string().optional(),
    }),
  }),
};
