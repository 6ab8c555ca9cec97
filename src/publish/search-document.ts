/**
 * What search reads of a paper, the same for Pagefind and the offline index: its title, its
 * abstract as plain text with math made readable (so an excerpt never shows TeX source, and a
 * formula once), and its topic and tags, which a query may name too.
 */
import type { Paper } from '../core/paper.ts';
import { titlePlainText } from '../core/title-math.ts';
import { routes } from '../core/routes.ts';
import { plainText } from '../core/summarize.ts';

export interface SearchDoc {
  /** Site-relative URL of the paper page. */
  url: string;
  title: string;
  /** The abstract as readable plain text. */
  body: string;
  topic: string;
  tags: readonly string[];
}

export function searchDocOf(paper: Pick<Paper, 'slug' | 'title' | 'abstract' | 'topic' | 'tags'>): SearchDoc {
  return {
    url: routes.paper(paper.slug),
    title: titlePlainText(paper.title),
    // The abstract is plain text with math as `$…$`; plainText reads the math as text, as previews do.
    body: plainText(paper.abstract),
    topic: paper.topic,
    tags: paper.tags,
  };
}

/** The topic and tags as one line of text, indexed like the abstract. */
export function labelText(doc: Pick<SearchDoc, 'topic' | 'tags'>): string {
  return [doc.topic, ...doc.tags].filter(Boolean).join(', ');
}
