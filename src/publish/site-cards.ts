/**
 * The link-preview cards the site needs: one per paper, one for the home page, and one per tag
 * and topic page. Names match `cardRoutes` (without `.png`), so the pages' og:image finds them.
 */
import { counted } from '../core/english/inflection.ts';
import type { Paper } from '../core/paper.ts';
import { cardRoutes } from '../core/routes.ts';
import { titlePlainText } from '../core/title-math.ts';
import { canDraw, drawableText, undrawable } from './og-card-fonts.ts';
import { termIndex } from './term-index.ts';
import type { CardContent } from './og-card-content.ts';

const withoutExtension = (path: string) => path.replace(/\.png$/, '');

/**
 * Cards whose text has characters that no card font draws (a script without a font here, such as Hangul or
 * Thai): they are drawn as boxes, so the build names them. Each entry: the card's name and the characters.
 */
export function undrawableOnCards(cards: ReadonlyArray<{ name: string; content: CardContent }>): Array<{ name: string; chars: string[] }> {
  return cards
    .map(({ name, content }) => ({ name, chars: undrawable([content.title, content.topic ?? '', ...(content.tags ?? []), content.subtitle ?? ''].join(' ')) }))
    .filter((c) => c.chars.length > 0);
}

export function siteCards(papers: readonly Paper[], siteName: string): Array<{ name: string; content: CardContent }> {
  const { tags, topics } = termIndex(papers);
  return [
    { name: withoutExtension(cardRoutes.home()), content: { kind: 'list', title: siteName, subtitle: `A reading list of ${counted(papers.length, 'paper')}`, siteName } },
    ...papers.map((p) => ({
      name: withoutExtension(cardRoutes.paper(p.slug)),
      content: { kind: 'paper' as const, title: drawableText(titlePlainText(p.title, canDraw)), ...(p.topic ? { topic: drawableText(p.topic) } : {}), tags: p.tags.slice(0, 4).map(drawableText), siteName },
    })),
    // No counts on tag and topic cards: a new paper would otherwise re-render hundreds of them.
    ...tags.map((t) => ({ name: withoutExtension(cardRoutes.tag(t.slug)), content: { kind: 'list' as const, title: drawableText(t.name), subtitle: 'Papers with this tag', siteName } })),
    ...topics.map((t) => ({ name: withoutExtension(cardRoutes.topic(t.slug)), content: { kind: 'list' as const, title: drawableText(t.name), subtitle: 'Papers on this topic', siteName } })),
  ];
}
