/**
 * The one door to citation-js (`@citation-js/core` with its BibTeX, RIS and CSL plugins): its
 * parsers read reference-manager exports (src/ingest/import/), its CSL engine writes citations
 * (src/site/lib/citation.ts). The package ships no types; the few calls used are typed here, with
 * CSL-JSON as the item shape (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 */
import core from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { commands as textCommands } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { createRequire } from 'node:module';
import { itemShape, shapeKey, specialiseStyle, type CslNode } from './csl-specialise.ts';

// citeproc-js as the CSL plugin loads it (the same instance), for its style parser.
const citeproc = createRequire(createRequire(import.meta.url).resolve('@citation-js/plugin-csl'))('citeproc') as { parseXml(xml: string): CslNode };

/** A CSL name: a person (`given`, `family`, particles) or an organisation (`literal`). */
export interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/** A CSL date: `date-parts` [[year, month, day]], or a `raw`/`literal` string. */
export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  raw?: string;
  literal?: string;
}

/** A CSL-JSON item, as far as Papershelf reads or writes it. */
export interface CslItem {
  id?: string | number;
  type?: string;
  'citation-key'?: string;
  title?: string;
  abstract?: string;
  author?: CslName[];
  issued?: CslDate;
  'container-title'?: string | string[];
  publisher?: string;
  DOI?: string;
  URL?: string;
  PMID?: string;
  number?: string;
  keyword?: string;
  [field: string]: unknown;
}

/** A BibTeX entry as the plugin's file parser returns it: field values raw, `@string` macros expanded. */
export interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

interface CitationJs {
  plugins: {
    input: {
      /** Runs the one parser registered for `type` (no type guessing). */
      data(input: unknown, type: string): unknown;
      chain(input: unknown, options: { forceType: string; generateGraph?: boolean }): unknown;
    };
    output: { format(format: string, data: CslItem[], options?: Record<string, unknown>): string };
    config: {
      get(plugin: '@bibtex'): { format: { asciiOnly: boolean } };
      /** citation-js's register of CSL styles by name (the bundled `apa`, `vancouver`, `harvard1` and added ones). */
      get(plugin: '@csl'): { styles: { has(name: string): boolean; get(name: string): string; add(name: string, xml: string): void } };
    };
  };
}

const cite = core as unknown as CitationJs;
// BibTeX is written in ASCII with LaTeX escapes (`M{\" u}ller`, `\&`), which every BibTeX reads; its
// UTF-8 mode escapes nothing, not even `&` or `%`. The price: compatibility characters are folded
// (NFKD: `ℓ1` → `l1`, `²` → `2`).
cite.plugins.config.get('@bibtex').format.asciiOnly = true;

/**
 * LaTeX's text-mode symbol commands and the characters they write (`texttimes` → ×, `textcent` → ¢,
 * `textperthousand` → ‰: 136 of them), from the table citation-js's BibTeX parser reads them with.
 */
export const LATEX_TEXT_COMMANDS: Readonly<Record<string, string>> = textCommands;

/** Parses BibTeX/BibLaTeX text into raw entries. Throws SyntaxError (with "line N col M") on bad syntax. */
export function parseBibtexEntries(text: string): BibtexEntry[] {
  return cite.plugins.input.data(text, '@biblatex/text') as BibtexEntry[];
}

/** Raw BibTeX entries → CSL items, resolving `crossref` among the given entries. */
export function bibtexEntriesToCsl(entries: readonly BibtexEntry[]): CslItem[] {
  return cite.plugins.input.chain(entries, { forceType: '@biblatex/entries+list', generateGraph: false }) as CslItem[];
}

/** One RIS record (tag → value or values) → a CSL item. */
export function risRecordToCsl(record: Record<string, string | string[]>): CslItem {
  const out = cite.plugins.input.chain(record, { forceType: '@ris/record', generateGraph: false }) as CslItem[];
  return out[0]!;
}

/** BibTeX text of CSL items (labels from `citation-key`, else author-year-title). */
export function formatBibtex(items: CslItem[]): string {
  return cite.plugins.output.format('bibtex', items);
}

/**
 * A formatted reference, in CSL `style` (bundled: `apa`, `vancouver`, `harvard1`), as `html` or
 * `text`. HTML from citeproc-js escapes markup in the data except its rich-text subset (<i>, <b>, <sup>, <sub>).
 */
export function formatBibliography(items: CslItem[], format: 'html' | 'text', style = 'apa'): string {
  return cite.plugins.output.format('bibliography', items, { format, template: style, lang: 'en-US' });
}

/**
 * The reference of one item, as `formatBibliography([item], format, style)` makes it, with a variant of
 * `style` for bibliographies of one entry. For every item it registers, citeproc-js also renders the
 * bibliography's sort keys and the in-text citation, and runs the citation's disambiguation: work that
 * orders and tells apart the entries of a list, so it changes nothing in a list of one (a unit test
 * compares both on every shape of item the site makes), and cost 60 % of the time. The variant drops
 * the `<sort>` elements and reduces `<citation>` to a one-variable layout without disambiguation:
 * 3.2–4.5 → 1.5 ms of CPU per reference (APA, 1,500 papers of the 10k bench corpus, one thread).
 */
export function formatReference(item: CslItem, format: 'html' | 'text', style = 'apa'): string {
  return formatBibliography([item], format, singleEntryStyle(style));
}

/**
 * The bibliography entry of each item (`<div class="csl-entry" …>…</div>` in HTML), each as
 * `formatReference` makes it but for its `data-csl-entry-id` attribute, from one run of citeproc-js over all of them: a run has a fixed cost
 * (engine reset, item registration, output setup) that one run per item pays each time. In a list of
 * 1,000 papers of the 10k bench corpus (APA, HTML, one thread, CPU time): 1.49 ms a reference one by
 * one, 1.01 ms in runs of 25, 1.06 ms of 100, 1.18 ms of 200 (citeproc's registry grows with the run).
 * The one-entry variant has no sort and no disambiguation, so an entry cannot depend on the other
 * items; a style that numbers its entries (`citation-number`) would, so it is formatted one by one.
 * Each run holds items of one shape, formatted with the style specialised to it (`shapedStyle`).
 */
export function formatReferences(items: readonly CslItem[], format: 'html' | 'text', style = 'apa'): string[] {
  const name = singleEntryStyle(style);
  if (cite.plugins.config.get('@csl').styles.get(name).includes('citation-number')) return items.map((item) => formatReference(item, format, style));
  // Ids by position: an entry is found again by its id, and two items may share one.
  const keyed = items.map((item, i) => ({ ...item, id: `item-${i}` }));
  // One run per shape of item, each with the style specialised to it (csl-specialise.ts).
  const runs = new Map<string, typeof keyed>();
  for (const item of keyed) {
    const template = shapedStyle(name, item);
    const run = runs.get(template);
    if (run) run.push(item);
    else runs.set(template, [item]);
  }
  const byId = new Map<string, string>();
  for (const [template, run] of runs) {
    const entries = cite.plugins.output.format('bibliography', run, { format, template, lang: 'en-US', asEntryArray: true, nosort: true }) as unknown as Array<[string, string]>;
    for (const [id, entry] of entries) byId.set(id, entry);
  }
  return keyed.map((item) => byId.get(item.id) ?? '');
}

/**
 * The name of `style` specialised to the shape of `item` (csl-specialise.ts), registering it on first use;
 * `style` itself for an item without a shape. APA, the 9,987 papers of the 10k bench corpus (a title, some a
 * derived-title note), runs of 25, one thread, load 8: 0.99-1.06 -> 0.17 ms of CPU a reference, entries identical.
 */
function shapedStyle(style: string, item: CslItem): string {
  const shape = itemShape(item);
  const styles = cite.plugins.config.get('@csl').styles;
  if (!shape || !styles.has(style)) return style; // an unknown style fails in citation-js, as before
  const name = `${style}#${shapeKey(shape)}`;
  if (!styles.has(name)) {
    let parsed = parsedStyles.get(style);
    if (!parsed) parsedStyles.set(style, (parsed = citeproc.parseXml(styles.get(style))));
    // citeproc-js takes a style as JSON text too (CSL.setupXml), and changes the tree it is given.
    styles.add(name, JSON.stringify(specialiseStyle(parsed, shape)));
  }
  return name;
}

const parsedStyles = new Map<string, CslNode>();

/** The name of the one-entry variant of a registered style, registering it on first use. */
function singleEntryStyle(style: string): string {
  const styles = cite.plugins.config.get('@csl').styles;
  const name = `${style}+single-entry`;
  if (styles.has(name) || !styles.has(style)) return styles.has(name) ? name : style; // an unknown style fails as before
  const xml = styles.get(style);
  const citation = /<citation\b[^>]*>[\s\S]*?<\/citation>/g;
  if (xml.match(citation)?.length !== 1) throw new Error(`CSL style ${style}: expected one <citation> element`);
  styles.add(name, xml.replace(/<sort>[\s\S]*?<\/sort>/g, '').replace(citation, '<citation><layout><text variable="title"/></layout></citation>'));
  return name;
}

