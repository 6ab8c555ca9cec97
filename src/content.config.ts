/**
 * Content collections. Paper entries are validated by the same schema the ingest writes with
 * (`src/core/paper.ts`); the owner's own pages (intro, about) are MDX in `content/pages/`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { paperFrontMatter } from './core/paper.ts';
import { paperEntries } from './site/content/paper-loader.ts';

export const collections = {
  papers: defineCollection({
    // The file name is the slug. Pages render the Markdown themselves (see the loader).
    loader: paperEntries('./content/papers'),
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
