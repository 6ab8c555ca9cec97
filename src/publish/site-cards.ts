/**
 * The link-preview cards the site needs: one per paper, one for the home page, and one per tag
 * and topic page. Names match `cardRoutes` (without `.png`), so the pages' og:image finds them.
 */
import type { Paper } from '../core/paper.ts';
import { cardRoutes } from '../core/routes.ts';
import { assignTermSlugs } from '../core/term-slugs.ts';
import type { CardContent } from './og-cards.ts';

const withoutExtension = (path: string) => path.replace(/\.png$/, '');
const papersCount = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

export function siteCards(papers: readonly Paper[], siteName: string): Array<{ name: string; content: CardContent }> {
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const tagCounts = count(papers.flatMap((p) => p.tags));
  const topicCounts = count(papers.map((p) => p.topic).filter(Boolean));
  const tagSlugs = assignTermSlugs(tagCounts.keys());
  const topicSlugs = assignTermSlugs(topicCounts.keys());
  return [
    { name: withoutExtension(cardRoutes.home()), content: { kind: 'list', title: siteName, subtitle: `A reading list of ${papersCount(papers.length)}`, siteName } },
    ...papers.map((p) => ({
      name: withoutExtension(cardRoutes.paper(p.slug)),
      content: { kind: 'paper' as const, title: p.title, ...(p.topic ? { topic: p.topic } : {}), tags: p.tags.slice(0, 4), siteName },
    })),
    // No counts on tag and topic cards: a new paper would otherwise re-render hundreds of them.
    ...[...tagCounts.keys()].map((name) => ({ name: withoutExtension(cardRoutes.tag(tagSlugs.get(name)!)), content: { kind: 'list' as const, title: name, subtitle: 'Papers with this tag', siteName } })),
    ...[...topicCounts.keys()].map((name) => ({ name: withoutExtension(cardRoutes.topic(topicSlugs.get(name)!)), content: { kind: 'list' as const, title: name, subtitle: 'Papers on this topic', siteName } })),
  ];
}
