/**
 * The search box in every header (results as you type, arrow keys, `/` or Ctrl+K to focus) and
 * the full search page (`search/index.html?q=…&topic=…&tag=…`, topic and tag facets with counts). One UI for both
 * engines: Pagefind where the page is served, the offline index where it is opened from disk.
 */
import { paintReadMarks } from '../read-marks.ts';
import { siteRoot, type ExcerptPiece, type FacetCount, type SearchBackend, type SearchHit } from './backend.ts';
import { loadOffline } from './offline-backend.ts';
import { loadPagefind } from './pagefind-backend.ts';

let backend: Promise<SearchBackend> | undefined;

/** Pagefind when the page is served; the offline index from disk, or if Pagefind will not load. */
function searchBackend(): Promise<SearchBackend> {
  const root = siteRoot();
  backend ??= (location.protocol === 'file:' ? loadOffline(root) : loadPagefind(root).catch(() => loadOffline(root))).then((engine) => {
    document.documentElement.dataset.searchEngine = engine.name; // says which engine answered, for people and tests
    return engine;
  });
  return backend;
}

function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function excerptNodes(pieces: readonly ExcerptPiece[]): Node[] {
  return pieces.map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const mark = document.createElement('mark');
    mark.textContent = p.text;
    return mark;
  });
}

function hitElement(hit: SearchHit, id?: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = hit.title;
  link.append(title);
  item.append(link);
  if (id) item.id = id;
  return item;
}

export function initSearch(): void {
  initHeaderSearch();
  initSearchPage();
}

function initHeaderSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('[data-search-input]');
  const popup = form?.querySelector<HTMLElement>('[data-search-popup]');
  if (!form || !input || !popup) return;

  const listId = 'header-search-results';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  let active = -1;
  let items: HTMLLIElement[] = [];

  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (index: number) => {
    items.forEach((item, i) => item.querySelector('a')!.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', items[index]!.id);
      items[index]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  let latest = 0;
  const run = debounce(async (query: string) => {
    const ticket = ++latest;
    if (query.trim().length < 2) return close();
    const engine = await searchBackend();
    const first = await engine.search(query, { topics: [], tags: [], limit: 8 });
    const response = (await first.complete) ?? first;
    if (ticket !== latest) return; // a newer query is on its way
    // A paper chosen with the arrow keys stays chosen when a slower query's results replace the list.
    const chosen = active >= 0 ? items[active]?.querySelector('a')?.href : undefined;
    items = response.hits.map((hit, i) => popupItem(hit, `${listId}-${i}`));
    const list = document.createElement('ol');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search results');
    list.append(...items);
    const footer = popupFooter(form.action, query, response.total);
    popup.replaceChildren(list, footer);
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(chosen ? items.findIndex((item) => item.querySelector('a')!.href === chosen) : -1);
  }, 120);

  input.addEventListener('input', () => run(input.value));
  input.addEventListener('focus', () => {
    void searchBackend(); // start loading the index before the first key
    if (input.value.trim().length >= 2) run(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      setActive(Math.min(active + 1, items.length - 1));
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      setActive(Math.max(active - 1, -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = items[active]!.querySelector('a')!.href;
    } else if (event.key === 'Escape') {
      close();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
  focusOnShortcut(input);
}

/** One option of the header popup: the hit's title and the start of its excerpt. */
function popupItem(hit: SearchHit, id: string): HTMLLIElement {
  const item = hitElement(hit, id);
  item.setAttribute('role', 'option');
  const excerpt = document.createElement('span');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(hit.excerpt.slice(0, 24)));
  item.querySelector('a')!.append(excerpt);
  return item;
}

/** The popup's link to the search page with the same query, saying how many papers match. */
function popupFooter(action: string, query: string, total: number): HTMLDivElement {
  const footer = document.createElement('div');
  footer.className = 'popup-footer';
  const all = document.createElement('a');
  all.href = `${action}?q=${encodeURIComponent(query)}`;
  all.textContent = total === 0 ? `No papers match “${query}”` : `See all ${total} results →`;
  footer.append(all);
  return footer;
}

/** `/` (outside a text field) or Ctrl/Cmd+K focuses the header search box. */
function focusOnShortcut(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as Element).closest('input, textarea, select, [contenteditable]');
    if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

function initSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const input = form?.querySelector<HTMLInputElement>('[data-search-page-input]');
  const results = document.querySelector<HTMLOListElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const filters = document.querySelector<HTMLElement>('[data-search-filters]');
  if (!form || !input || !results || !status || !filters) return;

  const selected: Record<Facet, Set<string>> = { topic: new Set(), tag: new Set() };
  /** The query and filters from the address: on load, and when Back or Forward returns to an earlier search. */
  const readAddress = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const facet of ['topic', 'tag'] as const) selected[facet] = new Set(params.getAll(facet));
  };
  readAddress();

  let limit = PAGE;
  const more = moreButton(() => {
    limit += PAGE;
    void run(true);
  });
  results.after(more);

  const toggle = (facet: Facet, name: string, on: boolean) => {
    if (on) selected[facet].add(name);
    else selected[facet].delete(name);
    void run(false, 'push');
  };

  let latest = 0;
  /**
   * `mode`: 'push' for a step the reader may want to undo with Back (a filter, a submitted query), 'replace'
   * for the letters typed one by one, which would otherwise fill the history with every prefix.
   */
  const run = async (keepLimit = false, mode: 'push' | 'replace' = 'replace') => {
    const ticket = ++latest;
    if (!keepLimit) limit = PAGE;
    const query = input.value;
    updateAddress(query, selected, mode);
    if (query.trim().length < 2) {
      more.hidden = true;
      results.replaceChildren();
      filters.replaceChildren();
      status.textContent = query.trim() ? 'Type at least two letters.' : '';
      return;
    }
    status.textContent = 'Searching…';
    const engine = await searchBackend();
    let response = await engine.search(query, { topics: [...selected.topic], tags: [...selected.tag], limit });
    if (ticket !== latest) return;
    if (response.complete) {
      // The first results show while the others load, unless they would replace a longer list for a moment.
      if (results.childElementCount === 0) showHits(results, response.hits);
      response = await response.complete;
      if (ticket !== latest) return;
    }
    status.textContent = matchCount(query, response.total);
    more.hidden = response.total <= response.hits.length;
    more.textContent = `Show ${Math.min(PAGE, response.total - response.hits.length)} more`;
    showHits(results, response.hits);
    // Counting waits until the results are painted: it takes the page's thread for a while on a large list.
    const facets = response.facets ? await afterPaint().then(response.facets) : response;
    if (ticket !== latest) return;
    filters.replaceChildren(...facetGroup('topic', 'Topic', facets.topics, selected.topic, toggle), ...facetGroup('tag', 'Tag', facets.tags, selected.tag, toggle, TAG_FACETS));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false, 'push');
  });
  window.addEventListener('popstate', () => {
    readAddress();
    void run();
  });
  input.addEventListener('input', debounce(() => void run(), 150));
  if (input.value) void run();
}

/** Results per page: each needs its own Pagefind fragment before the page shows; 10 instead of 20 halved that wait. */
const PAGE = 10;

/** The search page's "Show more" button, hidden until there are more results. */
function moreButton(onClick: () => void): HTMLButtonElement {
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'button search-more';
  more.hidden = true;
  more.textContent = 'Show more';
  more.addEventListener('click', onClick);
  return more;
}

function matchCount(query: string, total: number): string {
  return total === 0 ? `No papers match “${query}”.` : `${total} ${total === 1 ? 'paper matches' : 'papers match'} “${query}”.`;
}

/** The search page's result list: title, topic and excerpt of each hit, with read marks. */
function showHits(results: HTMLOListElement, hits: readonly SearchHit[]): void {
  results.replaceChildren(
    ...hits.map((hit) => {
      const item = hitElement(hit);
      if (hit.topic) {
        const topic = document.createElement('span');
        topic.className = 'muted';
        topic.textContent = ` · ${hit.topic}`;
        item.append(topic);
      }
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(hit.excerpt));
      item.append(excerpt);
      return item;
    }),
  );
  paintReadMarks(results);
}

/**
 * One group of facet checkboxes (the first `max` counts); a selected value stays listed even when the
 * query no longer counts it. `onToggle` is called when a box is ticked or cleared.
 */
function facetGroup(
  facet: Facet,
  title: string,
  allCounts: FacetCount[],
  selected: ReadonlySet<string>,
  onToggle: (facet: Facet, name: string, on: boolean) => void,
  max = Infinity,
): HTMLFieldSetElement[] {
  const counts = allCounts.filter((c, i) => i < max || selected.has(c.name));
  const listed = new Set(counts.map((c) => c.name));
  const all = [...counts, ...[...selected].filter((name) => !listed.has(name)).map((name) => ({ name, count: 0 }))];
  if (all.length === 0) return [];
  const fieldset = document.createElement('fieldset');
  fieldset.dataset.facet = facet;
  const legend = document.createElement('legend');
  legend.textContent = title;
  fieldset.append(legend);
  for (const { name, count } of all) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = facet;
    box.value = name;
    box.checked = selected.has(name);
    box.addEventListener('change', () => onToggle(facet, name, box.checked));
    const text = document.createElement('span');
    text.textContent = name;
    const number = document.createElement('span');
    number.className = 'count';
    number.textContent = String(count);
    label.append(box, text, number);
    fieldset.append(label);
  }
  return [fieldset];
}

type Facet = 'topic' | 'tag';

/** Resolves after the next frame is painted. */
const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** Tags listed as facets: the most frequent among the results; more would bury the topics. */
const TAG_FACETS = 12;

/**
 * Keeps the query and the filters in the address bar, so a search can be shared or reloaded; `mode`
 * 'push' adds a history entry (unless the address is unchanged), so that Back returns to the search before.
 */
function updateAddress(query: string, selected: Record<Facet, ReadonlySet<string>>, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const topic of selected.topic) params.append('topic', topic);
  for (const tag of selected.tag) params.append('tag', tag);
  try {
    const address = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
    if (mode === 'push' && address !== `${location.pathname}${location.search}`) history.pushState(null, '', address);
    else history.replaceState(null, '', address);
  } catch {
    // Some browsers refuse history changes on file:// pages; the search still works.
  }
}
