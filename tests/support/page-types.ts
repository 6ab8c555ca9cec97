/** One page of each type in a build, for checks and screenshots that run per page type. */
import { routes } from '../../src/core/routes.ts';
import { titlePlainText } from '../../src/core/title-math.ts';
import { byTitle } from '../../src/site/lib/catalog.ts';
import { indexSection, titleSections } from '../../src/site/lib/title-sections.ts';

interface SiteData {
  papers: Array<{ id: string; url: string; title: string; abstract: string; derivedTitle: boolean }>;
  tags: Array<{ url: string }>;
  topics: Array<{ url: string }>;
}

export function pageTypesOf(data: SiteData): Record<string, string> {
  const mathPaper = data.papers.find((p) => /\$[^$\s][^$]*\$/.test(p.abstract)) ?? data.papers[0]!;
  const derived = data.papers.find((p) => p.derivedTitle) ?? data.papers[0]!;
  // A letter of the all-papers list other than the one its index page shows.
  const sections = titleSections(data.papers.map((p) => ({ id: p.id, plainTitle: titlePlainText(p.title) })).sort(byTitle));
  const other = sections.find((_, i) => i !== indexSection(sections));
  return {
    home: 'index.html',
    paper: mathPaper.url,
    'paper with a derived title': derived.url,
    'all papers': 'papers/index.html',
    ...(other ? { 'all papers, a letter': routes.papersByTitle(other.key) } : {}),
    tags: 'tags/index.html',
    topics: 'topics/index.html',
    ...(data.tags[0] ? { tag: data.tags[0].url } : {}),
    ...(data.topics[0] ? { topic: data.topics[0].url } : {}),
    search: 'search/index.html',
    about: 'about/index.html',
    'not found': '404.html',
  };
}
