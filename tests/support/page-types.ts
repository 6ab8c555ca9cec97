/** One page of each type in a build, for checks and screenshots that run per page type. */

interface SiteData {
  papers: Array<{ url: string; abstract: string; derivedTitle: boolean }>;
  tags: Array<{ url: string }>;
  topics: Array<{ url: string }>;
}

export function pageTypesOf(data: SiteData): Record<string, string> {
  const mathPaper = data.papers.find((p) => /\$[^$\s][^$]*\$/.test(p.abstract)) ?? data.papers[0]!;
  const derived = data.papers.find((p) => p.derivedTitle) ?? data.papers[0]!;
  return {
    home: 'index.html',
    paper: mathPaper.url,
    'paper with a derived title': derived.url,
    'all papers': 'papers/index.html',
    'all papers, page 2': 'papers/page/2.html',
    tags: 'tags/index.html',
    topics: 'topics/index.html',
    ...(data.tags[0] ? { tag: data.tags[0].url } : {}),
    ...(data.topics[0] ? { topic: data.topics[0].url } : {}),
    search: 'search/index.html',
    about: 'about/index.html',
    'not found': '404.html',
  };
}
