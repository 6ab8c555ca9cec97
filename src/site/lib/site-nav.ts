/**
 * The site navigation's markup (components/Sidebar.astro): the fixed sections and the topics by name. It is
 * on every page and the same on all pages at one depth but those it links to, so it is made once per depth and
 * current link, as one string (lib/html.ts says why a string).
 */
import { routes } from '../../core/routes.ts';
import type { Slug } from '../../core/slug.ts';
import type { Linker } from './href.ts';
import { attr, text } from './html.ts';

const sections = [
  { label: 'Home', path: routes.home() },
  { label: 'All papers', path: routes.allPapers() },
  { label: 'Topics', path: routes.topics() },
  { label: 'Tags', path: routes.tags() },
  { label: 'Search', path: routes.search() },
  { label: 'About', path: routes.about() },
];

type NavTopic = { name: string; slug: Slug };

/** Per list of topics: the navigation's links, their paths, and its markup by depth and current link. */
interface Nav {
  links: Array<{ label: string; path: string }>;
  paths: ReadonlySet<string>;
  html: Map<string, string>;
}
const made = new WeakMap<readonly NavTopic[], Nav>();

/** The navigation's inner HTML for the page at `here`, whose links `to` makes; `topics` as catalog.ts `navTopics` gives them. */
export function siteNavHtml(to: Linker, here: string, topics: readonly NavTopic[]): string {
  // The links are made once per list of topics, not per page: a page only looks its markup up.
  let nav = made.get(topics);
  if (!nav) {
    const links = [...sections, ...topics.map((t) => ({ label: t.name, path: routes.topic(t.slug) }))];
    nav = { links, paths: new Set(links.map((l) => l.path)), html: new Map() };
    made.set(topics, nav);
  }
  const current = nav.paths.has(here) ? here : '';
  const key = `${to('')}\0${current}`;
  let html = nav.html.get(key);
  if (html === undefined) {
    const item = (l: { label: string; path: string }) => `<li><a${attr('href', to(l.path))}${attr('aria-current', l.path === here ? 'page' : undefined)}>${text(l.label)}</a></li>`;
    html = `<ul class="nav-list">${sections.map(item).join('')}</ul>`;
    if (topics.length > 0) html += `<h2 class="nav-heading">Topics</h2><ul class="nav-list">${nav.links.slice(sections.length).map(item).join('')}</ul>`;
    nav.html.set(key, html);
  }
  return html;
}
