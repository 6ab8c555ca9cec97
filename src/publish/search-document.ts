/**
 * What search reads of a paper, the same for Pagefind and the offline index: its title, its
 * abstract as plain text with math made readable (so an excerpt never shows TeX source, and a
 * formula once), and after them a tail of words a query may name but an excerpt never shows: the
 * topic and tags, and the counterparts of the text's irregular nouns (lemma of a form, forms of a lemma).
 */
import { irregularNounCounterparts } from '../core/english/irregular-nouns.ts';
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

/**
 * The words both engines index after the title and abstract, with an abstract word's weight: the topic
 * and tags (`Glaciology, ice shelf`), then the counterpart of each irregular noun of the title and abstract
 * (`shelves` → `shelf`, `mouse` → `mice`), so a query for a lemma finds its irregular forms as Porter2 makes
 * it find the regular ones, and a query for a form finds its lemma (src/core/english/irregular-nouns.ts).
 * Served excerpts end before it (the
 * Pagefind record's `TEXT_WORDS_META`).
 */
export function tailText(doc: Pick<SearchDoc, 'title' | 'body' | 'topic' | 'tags'>): string {
  let tail = tails.get(doc);
  if (tail === undefined) {
    const labels = [doc.topic, ...doc.tags].filter(Boolean).join(', ');
    tails.set(doc, (tail = [labels, ...irregularNounCounterparts(`${doc.title} ${doc.body}`)].filter(Boolean).join(' ')));
  }
  return tail;
}

/**
 * Each document's tail, made once for both indexes: reading every abstract for its irregular nouns costs
 * ~0.4–0.8 CPU-s per 10k papers (527 seed abstracts × 20, load 9; 0.3–0.45 before the plurals of singulars
 * were added), and ~0.15–0.3 CPU-s once for the table of plurals (irregular-nouns.ts).
 */
const tails = new WeakMap<object, string>();
