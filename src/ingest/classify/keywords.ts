/**
 * An export's own keywords as evidence for tags. A keyword becomes a tag only when it names one the
 * reading list already has: a taxonomy tag or alias, or a tag other papers were given. So
 * "graph neural networks" or "GNN" is taken up, while a library category ("Computer Science -
 * Machine Learning") or a one-off label stays out, as the tag vocabulary decides, not the export.
 */
import type { Classification, ClassifyInput } from './classification.ts';
import { MAX_TAGS } from './tag-select.ts';
import type { Taxonomy } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';

/** Puts each paper's vocabulary keywords first among its tags (in the export's order), keeping at most MAX_TAGS. */
export function preferKeywordTags(papers: readonly ClassifyInput[], labels: Map<string, Classification>, taxonomy: Taxonomy): void {
  if (!papers.some((p) => p.keywords?.length)) return;
  const stopped = new Set(taxonomy.stopTags.map(phraseKey));
  const uses = new Map<string, number>();
  for (const label of labels.values()) for (const tag of label.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  // A taxonomy tag the list already shows in its written case ("BERT", tag-case.ts) keeps that name.
  const shown = new Map([...uses.keys()].map((t) => [t.toLowerCase(), t]));
  const vocabulary = new Map<string, string>();
  for (const tag of taxonomy.tags) for (const phrase of [tag.name, ...tag.aliases]) if (!vocabulary.has(phraseKey(phrase))) vocabulary.set(phraseKey(phrase), shown.get(tag.name.toLowerCase()) ?? tag.name);
  for (const [tag, count] of [...uses].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= 2 && !vocabulary.has(phraseKey(tag))) vocabulary.set(phraseKey(tag), tag);
  for (const paper of papers) {
    const label = labels.get(paper.id);
    if (!label || !paper.keywords?.length) continue;
    const chosen: string[] = [];
    for (const keyword of paper.keywords) {
      const key = phraseKey(keyword);
      const tag = stopped.has(key) ? undefined : vocabulary.get(key);
      if (tag && !chosen.includes(tag)) chosen.push(tag);
    }
    if (chosen.length === 0) continue;
    label.tags = [...chosen, ...label.tags.filter((t) => !chosen.includes(t))].slice(0, MAX_TAGS);
  }
}
