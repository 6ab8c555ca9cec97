/**
 * The reading list as the pages see it: papers in reading order, topics and tags with their
 * papers. Built once per build and shared by every page, so no page does work that grows with
 * the size of the site beyond its own list.
 */
import type { PaperFrontMatter } from '../../core/paper.ts';
import { asSlug, type Slug } from '../../core/slug.ts';
import { assignTermSlugs } from '../../core/term-slugs.ts';
import { titleHasMath, titlePlainText } from '../../core/title-math.ts';

export interface PaperSummary {
  id: string;
  slug: Slug;
  /** The stored title: math as `$…$` (core/title-math.ts); shown as lib/title-html.ts makes it. */
  title: string;
  /** The title as plain text (`E = mc²`): for `<title>`, meta, breadcrumbs, sorting. */
  plainTitle: string;
  /** Whether the title holds math, so a page listing it loads KaTeX's stylesheet. */
  titleMath: boolean;
  derivedTitle: boolean;
  topic: Term | undefined;
  tags: Term[];
  sourceFile: string;
}

export interface Term {
  name: string;
  slug: Slug;
  papers: PaperSummary[];
}

export interface Catalog {
  /** All papers, sorted by title. */
  papers: PaperSummary[];
  byId: Map<string, PaperSummary>;
  bySlug: Map<string, PaperSummary>;
  /** Topics, largest first. */
  topics: Term[];
  /** Tags, most used first. */
  tags: Term[];
  /** Each paper's place in its topic's list (by paper id), so a page finds its neighbours without a search. */
  topicPosition: Map<string, number>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/**
 * A title as it is filed: symbols, emoji and punctuation before its first letter or digit do not count, as in
 * library filing rules (ALA Filing Rules, 1980), so "🚀 Rocket Science" files under R and "∑-Nets" under N, not
 * before every "A". A title of symbols only files as it is.
 */
export const filingTitle = (title: string) => title.replace(/^[^\p{L}\p{N}]+/u, '') || title;
/** Papers in title order (`filingTitle`, then the whole title), case- and accent-insensitive, numbers by value. */
export const byTitle = (a: { plainTitle: string }, b: { plainTitle: string }) =>
  collator.compare(filingTitle(a.plainTitle), filingTitle(b.plainTitle)) || collator.compare(a.plainTitle, b.plainTitle);
/** Code-unit order: the last tie-break, so that an order never depends on the order the entries came in. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySize = (a: Term, b: Term) => b.papers.length - a.papers.length || collator.compare(a.name, b.name) || byCodeUnits(a.name, b.name);

function buildTerms(names: Iterable<string>): Map<string, Term> {
  const terms = new Map<string, Term>();
  for (const [name, slug] of assignTermSlugs(names)) terms.set(name, { name, slug, papers: [] });
  return terms;
}

/** The catalog of a set of entries (slug and front matter); also used by the build outside Astro. */
export function buildCatalog(entries: ReadonlyArray<{ id: string; data: PaperFrontMatter }>): Catalog {
  const topics = buildTerms(entries.map((e) => e.data.topic).filter(Boolean));
  const tags = buildTerms(entries.flatMap((e) => e.data.tags));
  const papers: PaperSummary[] = entries.map((e) => ({
    id: e.data.id,
    slug: asSlug(e.id),
    title: e.data.title,
    plainTitle: titlePlainText(e.data.title),
    titleMath: titleHasMath(e.data.title),
    derivedTitle: e.data.derivedTitle,
    topic: topics.get(e.data.topic),
    tags: e.data.tags.map((t) => tags.get(t)!),
    sourceFile: e.data.sources[0]!.file,
  }));
  // Papers of the same title by slug: the entries come in the order of the content store or of the build's
  // ingest, and a rebuild must list them as a build from scratch does.
  papers.sort((a, b) => byTitle(a, b) || byCodeUnits(a.slug, b.slug));
  const topicPosition = new Map<string, number>();
  for (const paper of papers) {
    if (paper.topic) {
      topicPosition.set(paper.id, paper.topic.papers.length);
      paper.topic.papers.push(paper);
    }
    for (const tag of paper.tags) tag.papers.push(paper);
  }
  return {
    papers,
    byId: new Map(papers.map((p) => [p.id, p])),
    bySlug: new Map(papers.map((p) => [p.slug, p])),
    topics: [...topics.values()].sort(bySize),
    tags: [...tags.values()].sort(bySize),
    topicPosition,
  };
}

/**
 * The topics as the navigation on every page lists them: by name, without counts. Made once per catalog:
 * every page's sidebar asks for it, and sorting with the collator each time was ~0.02 ms a page.
 */
export function navTopics(catalog: Catalog): Array<{ name: string; slug: Slug }> {
  let topics = navTopicsOf.get(catalog);
  if (!topics) {
    topics = catalog.topics.map((t) => ({ name: t.name, slug: t.slug })).sort(byName);
    navTopicsOf.set(catalog, topics);
  }
  return topics;
}
const navTopicsOf = new WeakMap<Catalog, Array<{ name: string; slug: Slug }>>();

const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
