/**
 * The CSL-JSON item of a paper (citation.ts formats it with citation-js), in a module of its own without
 * citation-js: a paper page needs the item for its citation's cache key (citation-cache.ts) and formats only
 * on a cache miss, so the Astro processes no longer load citation-js and its plugins at all (~0.5 s of CPU in
 * each, a third of their module loading after Astro's own, in profiles of a 10k cold build).
 */
import { parse as parseName } from '@citation-js/name';
import type { CslItem } from '../../core/citation-js.ts';
import type { PaperMetadata } from '../../core/paper.ts';
import { paperLinks } from '../../core/paper-links.ts';
import { titlePlainText } from '../../core/title-math.ts';

export interface CitablePaper extends PaperMetadata {
  id: string;
  title: string;
  /** The title was derived from the abstract (no source gave one): cited in square brackets, with a note. */
  derivedTitle?: boolean;
}

/**
 * A derived title is Papershelf's stand-in, not the paper's: cited as it, a reader would look for a
 * title that does not exist. APA 7 (9.29, works with no title) puts a stand-in in square brackets;
 * BibTeX has no such convention, so its entry keeps the title as it is (an import reads it back)
 * and says so in `note`, which the standard styles print.
 */
const DERIVED_TITLE_NOTE = 'No title in the sources; title derived from the abstract';
const citedTitle = (paper: CitablePaper, title: string): string => (paper.derivedTitle ? `[${title}]` : title);

/** A venue named like this is a conference's or workshop's proceedings (BibTeX @inproceedings), else a journal. */
const CONFERENCE = /\b(?:proceedings|proc\.|conference|workshop|symposium|meeting|congress)\b/i;

/** The CSL-JSON item of a paper. The URL is its arXiv page when it has one, else its first own link. */
export function cslItem(paper: CitablePaper): CslItem {
  const url = paper.ids?.arxiv ? `https://arxiv.org/abs/${paper.ids.arxiv}` : paperLinks({ links: paper.links }).find((l) => l)?.url;
  const preprint = !paper.venue && paper.ids?.arxiv;
  return {
    id: paper.id,
    type: paper.venue ? (CONFERENCE.test(paper.venue) ? 'paper-conference' : 'article-journal') : preprint ? 'article' : 'document',
    // A formatted reference is text: math as readable text (`E = mc²`).
    title: citedTitle(paper, titlePlainText(paper.title)),
    ...(paper.derivedTitle ? { note: DERIVED_TITLE_NOTE } : {}),
    ...(paper.authors?.length ? { author: paper.authors.map(cslName) } : {}),
    ...(paper.year ? { issued: { 'date-parts': [[paper.year]] } } : {}),
    ...(paper.venue ? { 'container-title': paper.venue } : {}),
    ...(preprint ? { publisher: 'arXiv', number: `arXiv:${paper.ids!.arxiv}` } : {}),
    ...(paper.ids?.doi ? { DOI: paper.ids.doi } : {}),
    ...(paper.ids?.pmid ? { PMID: paper.ids.pmid } : {}),
    ...(url ? { URL: url } : {}),
  };
}

/** A display name → CSL name parts; a one-word name (a mononym, an organisation) stays literal. */
export function cslName(name: string): CslItem['author'] extends Array<infer N> | undefined ? N : never {
  if (!/\s/.test(name.trim())) return { literal: name };
  const parts = parseName(name);
  return parts.family ? parts : { literal: name };
}
