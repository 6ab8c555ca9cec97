/**
 * What a paper page shows of the rest of the reading list, and a signature of everything the page is made
 * from. The page renders from this view (PaperPage.astro); the build compares signatures with the last
 * build's and keeps the pages whose signature did not change instead of rendering them again.
 */
import { hash } from 'node:crypto';
import type { Catalog, PaperSummary, Term } from './catalog.ts';

export interface PaperPageView {
  paper: PaperSummary;
  /** Papers most like this one (ids from the entry's `related`), in the entry's order. */
  related: PaperSummary[];
  /** Previous and next paper in the paper's topic, in the topic's order. */
  prev: PaperSummary | undefined;
  next: PaperSummary | undefined;
}

export function paperPageView(catalog: Catalog, paper: PaperSummary, relatedIds: readonly string[]): PaperPageView {
  const related = relatedIds.map((id) => catalog.byId.get(id)).filter((p) => p !== undefined);
  const inTopic = paper.topic?.papers ?? [];
  const index = catalog.topicPosition.get(paper.id) ?? -1;
  return { paper, related, prev: index > 0 ? inTopic[index - 1] : undefined, next: index >= 0 ? inTopic[index + 1] : undefined };
}

/**
 * The digest of a paper's summary as JSON, terms as name and slug (a paper's summary must not drag in every paper
 * of its topic). Made once per summary: a paper is named by ~14 pages (its own, related lists, prev/next, its tag,
 * topic and list pages), and stringifying it for each took 1.8 s of the 3 s of planning at 10k papers; a page's
 * signature hashes the digests of the summaries it names rather than their JSON, so each summary's text is hashed
 * once, not once per page naming it (~50 per list page).
 */
function summaryDigest(paper: PaperSummary | undefined): string {
  if (!paper) return 'null';
  let hashed = summaries.get(paper);
  if (hashed === undefined) {
    // Spread rather than a replacer function (called for every key and value): the same JSON, in ~half the time.
    hashed = digest(JSON.stringify({ ...paper, topic: termRefs(paper.topic), tags: termRefs(paper.tags) }));
    summaries.set(paper, hashed);
  }
  return hashed;
}
const summaries = new WeakMap<PaperSummary, string>();

function termRefs(value: Term | Term[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((t) => [t.name, t.slug]);
  return value ? [value.name, value.slug] : null;
}

/**
 * The signature of a list page (a page of a tag, a topic or of all papers): the site-wide part, what the page
 * says about the list as a whole (`list`: its name, size, page count, common tags …) and the summaries of the
 * papers it shows, whole (by their digests), as for paper pages.
 */
export function listPageSignature(siteKey: string, list: unknown, papers: readonly PaperSummary[]): string {
  let text = `${siteKey}\0${JSON.stringify(list)}`;
  for (const paper of papers) text += `\0${summaryDigest(paper)}`;
  return digest(text);
}

/**
 * The first 32 hex digits of the SHA-256 of `text`, hashed in one call (`crypto.hash`, without a Hash object): a
 * page's signature is many short strings, and one `update` per string (two per summary) was ~2.7 of the ~6.9 CPU-s
 * of planning a 50k-paper rebuild (profile).
 */
const digest = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

/**
 * The signature of a paper page: the site-wide part (code, SITE_URL, navigation), the paper's whole entry,
 * and the summaries (by their digests) of every other paper the page names. Summaries are whole `PaperSummary` objects, so a
 * component that starts showing another field of a related paper is covered without touching this.
 */
export function paperPageSignature(siteKey: string, entry: unknown, view: PaperPageView): string {
  let text = `${siteKey}\0${JSON.stringify(entry)}`;
  for (const paper of [view.paper, ...view.related, view.prev, view.next]) text += `\0${summaryDigest(paper)}`;
  return digest(text);
}
