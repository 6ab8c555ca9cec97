/**
 * A CSL style specialised to the shape of an item: its type and which of its variables are set. citeproc-js
 * walks a style's layout for every entry, and a large style spends most of its time on what the item cannot
 * show: APA's 66 KB (99 macros, 69 `<names>` elements) ran ~1,000 tokens a reference (18 `<names>` elements,
 * each setting up its et-al terms, ~68 macro calls, each a group) for the 10k bench corpus's items, which carry
 * a title and little else: 1.0-1.2 ms of CPU a reference, against 0.08 for a style of author, title and year.
 * Specialised, 114 tokens and 0.17 ms (citation-js.ts `shapedStyle`). What the shape decides is resolved as
 * citeproc-js (1.4.61, whose code each rule names) would resolve it for every item of that shape:
 *
 * - an `<if>`/`<else-if>` that tests only `type`, item variables, and `is-numeric` or `is-uncertain-date` of
 *   unset variables (false: CSL.Attributes), with `match` any/all/none, is true or false: false branches go,
 *   the first true one ends its `<choose>`, whose elements take its place when it is the first left (choose
 *   and if write nothing: CSL.Node.choose, CSL.Conditions.TopNode); a `<choose>` left without branches goes;
 * - a `<names>` element whose variables are all unset (and without `<substitute>`) renders nothing: inside a
 *   `<substitute>` it is a candidate passed over and goes, elsewhere a stand-in takes its place
 *   (`<text variable="…"/>` of an unset variable, which says to the enclosing group what it said: an empty
 *   variable call, CSL's group suppression);
 * - a group or macro call that surely renders nothing becomes a stand-in or an empty group (`silentGroup`).
 *
 * What the shape cannot decide stays as it is: tests of `position`, `locator`, locales, `is-numeric` of a set
 * variable; variables citeproc-js derives or sets itself (DERIVED); an item whose `note` holds `key: value`
 * lines, which citeproc-js reads as variables (then no shape at all). Within `<substitute>` a `<choose>`
 * stays one candidate and groups are not collapsed. Tested: every combination of the fields the site's items
 * carry renders as with the style itself (APA, Harvard), and the 10k bench corpus's 9,987 references are identical.
 */

/** A style element in citeproc-js's JSON form (`CSL.parseXml`); text content is a string child. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslNode | string>;
}

/** What a specialised style may assume of an item: its type, its set variables, and those it cannot say. */
export interface ItemShape {
  type: string;
  set: ReadonlySet<string>;
  /** Variables whose being set the item alone does not decide (a date without a plain year). */
  unknown: ReadonlySet<string>;
}

/**
 * Variables citeproc-js sets itself (CSL.Engine.prototype.retrieveItem: page-first from page, short titles
 * from abbreviations, legal jurisdictions, split titles and language names; names split from authority)
 * or that belong to a cite rather than an item (locators, note numbers, citation numbers and labels,
 * year suffixes): never decided from the item.
 */
const DERIVED = new Set([
  'page-first', 'title-short', 'container-title-short', 'title-main', 'title-sub', 'container-title-main', 'container-title-sub',
  'jurisdiction', 'country', 'best-jurisdiction', 'language', 'language-name', 'language-name-original', 'legislation_id',
  'container_id', 'authority', 'committee', 'section', 'cite-form', 'hereinafter', 'locator', 'locator-extra', 'locator-date',
  'first-reference-note-number', 'first-container-reference-note-number', 'citation-number', 'citation-label', 'year-suffix',
  'position', 'note', 'multi',
]);

/** citeproc-js's CSL.NOTE_FIELD_REGEXP: a `note` line it reads as a variable (`type: book`, `issued: 2001`). */
const NOTE_FIELD = /^([\-_a-z]+|[A-Z]+):\s*([^\}]+)$/;

/** citeproc-js's date variables (CSL.DATE_VARIABLES), whose test looks into the date object it parsed. */
const DATE_VARIABLES = new Set(['locator-date', 'issued', 'event-date', 'accessed', 'original-date', 'publication-date', 'available-date', 'submitted', 'alt-issued', 'alt-event']);

/** citeproc-js's condition test of a variable (CSL.Attributes["@variable"] on if/else-if): a non-empty string or number, an object with a truthy value. */
function isSet(value: unknown): boolean {
  if (!value) return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (typeof value === 'object') return Object.values(value as object).some(Boolean);
  return false;
}

/**
 * The shape of a CSL-JSON item, or undefined when citeproc-js would read variables out of its `note`. A date
 * counts as set when its first date part is a year, as unset when missing, and as unknown otherwise.
 */
export function itemShape(item: Record<string, unknown>): ItemShape | undefined {
  if (typeof item.type !== 'string') return undefined;
  const note = item.note;
  if (note !== undefined && (typeof note !== 'string' || !note.trim() || note.split('\n').some((line) => NOTE_FIELD.test(line)))) return undefined;
  const set = new Set<string>();
  const unknown = new Set<string>();
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key === 'type' || DERIVED.has(key)) continue;
    if (DATE_VARIABLES.has(key)) {
      if (value === undefined || value === null) continue;
      const parts = (value as { 'date-parts'?: unknown[][] })['date-parts'];
      if (Object.keys(value as object).length === 1 && Array.isArray(parts) && Number.isInteger(parts[0]?.[0]) && (parts[0]![0] as number) > 0) set.add(key);
      else unknown.add(key);
    } else if (isSet(value)) set.add(key);
    else if (value) unknown.add(key); // an empty list or object: unset to `variable` tests, not to others
  }
  return { type: item.type, set, unknown };
}

/** A key naming the shape, for caching one specialised style per shape. */
export const shapeKey = (shape: ItemShape): string => `${shape.type}|${[...shape.set].sort().join(',')}|${[...shape.unknown].sort().join(',')}`;

/** Whether `variable` is set in the shape, or undefined when the shape does not decide it. */
function variableSet(shape: ItemShape, variable: string): boolean | undefined {
  if (DERIVED.has(variable) || shape.unknown.has(variable)) return undefined;
  return shape.set.has(variable);
}

/** The value of an if/else-if's test for every item of the shape, or undefined when it depends on more. */
function conditionValue(node: CslNode, shape: ItemShape): boolean | undefined {
  const { type, variable, match = 'all', 'is-numeric': numeric, 'is-uncertain-date': uncertain, ...others } = node.attrs;
  if (Object.keys(others).length > 0 || node.children.some((c) => typeof c !== 'string' && c.name === 'conditions')) return undefined;
  if (type === undefined && variable === undefined && numeric === undefined && uncertain === undefined) return undefined;
  const list = (value: string | undefined) => value?.split(/\s+/).filter(Boolean) ?? [];
  // citeproc-js makes one test of a `type` list (any of them), and one test per variable; `is-numeric` and
  // `is-uncertain-date` of an unset variable are false (CSL.Attributes), of a set one they depend on its value.
  const tests: Array<boolean | undefined> = [];
  if (type !== undefined) tests.push(type.split(/\s+/).includes(shape.type));
  for (const v of list(variable)) tests.push(variableSet(shape, v));
  for (const v of [...list(numeric), ...list(uncertain)]) tests.push(variableSet(shape, v) === false ? false : undefined);
  if (tests.includes(undefined)) return undefined;
  if (match === 'any') return tests.includes(true);
  if (match === 'all') return tests.every(Boolean);
  if (match === 'none') return !tests.includes(true);
  return undefined;
}

const BRANCHES = new Set(['if', 'else-if', 'else']);

/** What the walk over a style knows: the shape, the style's macros, and whether it is inside `<substitute>`. */
interface Walk {
  shape: ItemShape;
  macros: ReadonlyMap<string, CslNode>;
  /** Per macro: what a call of it is when it surely renders nothing (`silentMacro`), or false. */
  silentMacros: Map<string, CslNode | false>;
  inSubstitute: boolean;
}

/**
 * A `<choose>` with the branches the shape decides resolved: undefined when no branch can be taken, the taken
 * branch's elements alone when the shape decides it outright (`<choose>` and `<if>` touch no output in
 * citeproc-js: CSL.Node.choose, CSL.Conditions.TopNode), else a `<choose>` of the branches left.
 */
function specialiseChoose(node: CslNode, walk: Walk): CslNode | Array<CslNode | string> | undefined {
  const kept: CslNode[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (!BRANCHES.has(child.name)) return { ...node, children: specialiseChildren(node.children, walk) };
    const value = child.name === 'else' ? true : conditionValue(child, walk.shape);
    if (value === false) continue;
    const children = specialiseChildren(child.children, walk);
    if (value === true) {
      if (kept.length === 0) return children;
      kept.push({ name: 'else', attrs: {}, children });
      break;
    }
    kept.push({ ...child, name: kept.length === 0 ? 'if' : 'else-if', children });
  }
  return kept.length === 0 ? undefined : { ...node, children: kept };
}

/** Whether a `<names>` element's variables are all unset in every item of the shape. */
function namesUnset(node: CslNode, shape: ItemShape): boolean {
  const variables = node.attrs.variable?.split(/\s+/).filter(Boolean) ?? [];
  return variables.length > 0 && variables.every((v) => variableSet(shape, v) === false);
}

const isElement = (node: CslNode | string, name: string): node is CslNode => typeof node !== 'string' && node.name === name;

/**
 * The stand-in for an element that renders nothing but calls a variable: `<text variable="…"/>` of a variable
 * unset in the shape. In a group it is what the element was to citeproc-js's group suppression (CSL.Node.group:
 * a group that rendered nothing passes its `variable_attempt` up, as such a text sets it).
 */
const standIn = (variable: string): CslNode => ({ name: 'text', attrs: { variable }, children: [] });

/** Attributes that only format what an element renders: of an element that renders nothing, they change nothing. */
const FORMATTING = new Set([
  'prefix', 'suffix', 'font-style', 'font-variant', 'font-weight', 'text-decoration', 'vertical-align', 'text-case', 'quotes', 'strip-periods', 'display',
]);

/**
 * The unset variable of an element that only renders that variable (`<text>`, `<date>` or `<number>` of it,
 * with formatting attributes, no `form`: a short title falls back to another variable), else undefined.
 */
function standInVariable(node: CslNode | string, shape: ItemShape): string | undefined {
  if (typeof node === 'string' || !['text', 'date', 'number'].includes(node.name)) return undefined;
  if (node.name !== 'date' && node.children.length > 0) return undefined;
  const { variable, ...others } = node.attrs;
  if (!variable || /\s/.test(variable) || variableSet(shape, variable) !== false) return undefined;
  const formatting = (name: string) => FORMATTING.has(name) || (node.name === 'date' && ['date-parts', 'form', 'delimiter'].includes(name));
  return Object.keys(others).every(formatting) ? variable : undefined;
}

/**
 * A group of exactly an unaffixed `<text variable="publisher"/>` and `<text variable="publisher-place"/>`,
 * which citeproc-js renders its own way (CSL.XmlJSON insertPublisherAndPlace): a `<choose>` taken apart
 * must not make one.
 */
const PUBLISHER_AND_PLACE = ['publisher', 'publisher-place'];
function isPublisherAndPlace(children: ReadonlyArray<CslNode | string>): boolean {
  return children.length === 2 && children.every((c) => isElement(c, 'text') && !c.attrs.prefix && !c.attrs.suffix && PUBLISHER_AND_PLACE.includes(c.attrs.variable ?? ''))
    && (children[0] as CslNode).attrs.variable !== (children[1] as CslNode).attrs.variable;
}

function specialiseChildren(children: ReadonlyArray<CslNode | string>, walk: Walk): Array<CslNode | string> {
  const out: Array<CslNode | string> = [];
  for (const child of children) {
    const node = specialiseNode(child, walk);
    if (Array.isArray(node)) out.push(...node);
    else if (node !== undefined) out.push(node);
  }
  return out;
}

/**
 * What a group of these children is for the shape when it surely renders nothing, else undefined. citeproc-js
 * ends a group that rendered nothing (CSL.Node.group's end) by dropping what its terms wrote, putting
 * `term_predecessor` back and setting the enclosing group's `variable_attempt` to its own: so such a group is a
 * stand-in (a variable called) or an empty `<group/>` (none called, or the last called group cleared it). The
 * children may be stand-ins, empty groups, terms and fixed values (the group then still renders nothing when a
 * variable was attempted last), and labels of unset variables (which write nothing).
 */
function silentGroup(children: ReadonlyArray<CslNode | string>, shape: ItemShape): CslNode | undefined {
  let attempt: string | undefined;
  let term = false;
  for (const child of children) {
    const variable = standInVariable(child, shape);
    if (variable) attempt = variable;
    else if (isElement(child, 'group') && child.children.length === 0) attempt = undefined;
    else if (isElement(child, 'text') && child.attrs.variable === undefined && child.attrs.macro === undefined && (child.attrs.term !== undefined || child.attrs.value !== undefined)) term = true;
    else if (!(isElement(child, 'label') && child.attrs.variable !== undefined && child.attrs.variable.split(/\s+/).every((v) => variableSet(shape, v) === false))) return undefined;
  }
  if (term && !attempt) return undefined; // it renders its terms
  return attempt ? standIn(attempt) : EMPTY_GROUP;
}

const EMPTY_GROUP: CslNode = { name: 'group', attrs: {}, children: [] };

/** For a macro: what a call of it is for the shape when it surely renders nothing (`silentGroup`), else false. */
function silentMacro(name: string, walk: Walk): CslNode | false {
  const known = walk.silentMacros.get(name);
  if (known !== undefined) return known;
  walk.silentMacros.set(name, false); // a macro that calls itself is not taken apart
  const macro = walk.macros.get(name);
  const silent = (macro && silentGroup(specialiseChildren(macro.children, { ...walk, inSubstitute: false }), walk.shape)) ?? false;
  walk.silentMacros.set(name, silent);
  return silent;
}

function specialiseNode(node: CslNode | string, walk: Walk): CslNode | Array<CslNode | string> | string | undefined {
  if (typeof node === 'string') return node;
  const { shape, inSubstitute } = walk;
  if (node.name === 'choose') {
    const chosen = specialiseChoose(node, walk);
    // Within <substitute> each element is one candidate: a branch's several elements stay one, in a choose on the item's type.
    return Array.isArray(chosen) && inSubstitute ? { ...node, children: [{ name: 'if', attrs: { type: shape.type }, children: chosen }] } : chosen;
  }
  if (node.name === 'names' && !node.children.some((c) => isElement(c, 'substitute')) && namesUnset(node, shape)) {
    // It renders nothing; a candidate of <substitute> that renders nothing is passed over.
    return inSubstitute ? undefined : standIn(node.attrs.variable!.split(/\s+/).find(Boolean)!);
  }
  if (node.name === 'substitute') {
    const children = specialiseChildren(node.children, { ...walk, inSubstitute: true });
    return { ...node, children: children.some((c) => typeof c !== 'string') ? children : node.children };
  }
  // A macro's call is a group in citeproc-js (CSL.expandMacro).
  if (!inSubstitute && isElement(node, 'text') && node.attrs.macro) {
    return silentMacro(node.attrs.macro, walk) || node;
  }
  const children = specialiseChildren(node.children, walk);
  if (node.name === 'group') {
    if (isPublisherAndPlace(children) && !isPublisherAndPlace(node.children)) return node;
    const silent = inSubstitute ? undefined : silentGroup(children, shape);
    if (silent) return silent;
  }
  return { ...node, children };
}

/** The style (the whole `<style>` tree, macros included) as it renders items of `shape`; the input is not changed. */
export function specialiseStyle(style: CslNode, shape: ItemShape): CslNode {
  const macros = new Map(style.children.filter((c) => isElement(c, 'macro')).map((m) => [(m as CslNode).attrs.name!, m as CslNode]));
  return specialiseNode(style, { shape, macros, silentMacros: new Map(), inSubstitute: false }) as CslNode;
}
