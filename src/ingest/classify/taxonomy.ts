/** Reading content/taxonomy.yaml into a checked, typed taxonomy. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface TopicDef {
  /** Human name, shown on the site ("Graph Neural Networks"). */
  readonly name: string;
  readonly description: string;
  /** Phrases whose presence in a paper is evidence for the topic. */
  readonly keywords: readonly string[];
  /**
   * Narrower topics (one level, key `subtopics`), used instead of this topic in a part of a list
   * where it would hold too many papers (topics.ts): "Natural Language Processing" is one topic of an
   * ML list and splits into dialogue, translation, question answering … on a list of NLP papers.
   */
  readonly subtopics?: readonly TopicDef[];
  /**
   * A field of its own beside the others (key `field: true`; it needs subtopics): "Biomedicine &
   * Life Sciences" beside the ML topics. Never a topic itself: in a part of a list where most
   * keyword-labelled papers are its, its subtopics are the only taxonomy topics; elsewhere neither
   * it nor its subtopics are used (topics.ts).
   */
  readonly field?: boolean;
}

export interface TagDef {
  /** The tag as shown: lowercase. */
  readonly name: string;
  /** Other ways of writing the same concept, merged into `name`. */
  readonly aliases: readonly string[];
  /**
   * Phrases (1–3 words) whose presence implies the tag although it is not written: "binary weights"
   * implies "quantization". Taxonomy key `implied-by`.
   */
  readonly impliedBy: readonly string[];
  /**
   * Nouns a paper says it contributes ("we introduce a … dataset"), which give it the tag though the
   * tag's own words may be written only in passing: "benchmark datasets" introduced by dataset,
   * benchmark, corpus. Taxonomy key `introduced-by`; the sentences that say so are contribution.ts's.
   */
  readonly introducedBy?: readonly string[];
  /**
   * The field topic (`field: true`) whose papers the tag is for (section `field-tags`): "cohort
   * studies" is a tag of Medicine & Health, implied there by "followed up". None: a tag of the
   * taxonomy's own field (tag-field.ts).
   */
  readonly field?: string;
}

export interface Taxonomy {
  readonly topics: readonly TopicDef[];
  readonly tags: readonly TagDef[];
  /** Phrases that are never tags, however often they occur. */
  readonly stopTags: readonly string[];
}

export type ParseResult = { ok: true; taxonomy: Taxonomy } | { ok: false; error: string; line: number | null };

class TaxonomyError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(message);
    this.line = line;
  }
}

/** Parses content/taxonomy.yaml's text; errors name the line. `file` is only used in messages. */
export function parseTaxonomy(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | null => (node?.range ? lines.linePos(node.range[0]).line : null);
  const fail = (message: string, line: number | null): ParseResult => ({
    ok: false,
    error: `${file}${line ? `:${line}` : ''}: ${message}`,
    line,
  });
  const first = doc.errors[0];
  if (first) return fail(first.message.split('\n')[0]!, first.linePos?.[0].line ?? lines.linePos(first.pos[0]).line);
  try {
    return { ok: true, taxonomy: read(doc.contents as Node | null, lineOf) };
  } catch (e) {
    if (e instanceof TaxonomyError) return fail(e.message, e.line);
    throw e;
  }
}

function read(root: Node | null, lineOf: (n: Node | null | undefined) => number | null): Taxonomy {
  if (!isMap(root)) throw new TaxonomyError('expected a mapping with the keys topics, tags and stop-tags', lineOf(root) ?? 1);
  const known = new Set(['topics', 'tags', 'field-tags', 'stop-tags']);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!known.has(key)) throw new TaxonomyError(`unknown key "${key}" (expected topics, tags, field-tags or stop-tags)`, lineOf(pair.key as Node));
  }
  // An empty section ("tags:" with nothing under it) reads as no entries.
  const section = (name: string) => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === name);
    return pair && !(pair.value === null || (isScalar(pair.value) && pair.value.value === null)) ? pair : undefined;
  };

  const topicsPair = section('topics');
  const topics: TopicDef[] = [];
  if (topicsPair && topicsPair.value !== null) {
    const seq = topicsPair.value as Node;
    if (!isSeq(seq)) throw new TaxonomyError('"topics" must be a list of topics', lineOf(seq));
    const names = new Map<string, number | null>();
    const topic = (item: Node, nested: boolean): TopicDef => {
      if (!isMap(item)) throw new TaxonomyError('each topic must be a mapping with name, description and keywords', lineOf(item));
      const allowed = nested ? ['name', 'description', 'keywords'] : ['name', 'description', 'keywords', 'field', 'subtopics'];
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!allowed.includes(key)) {
          throw new TaxonomyError(`unknown ${nested ? 'subtopic' : 'topic'} key "${key}" (expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)})`, lineOf(pair.key as Node));
        }
      }
      const nameNode = item.get('name', true) as Node | undefined;
      const name = text(nameNode, 'topic name', lineOf(item), lineOf);
      if (!/[A-Z]/.test(name)) throw new TaxonomyError(`topic name "${name}" should be a human name with capitals`, lineOf(nameNode));
      const seen = names.get(name.toLowerCase());
      if (seen !== undefined) throw new TaxonomyError(`topic "${name}" is defined twice (first at line ${seen})`, lineOf(nameNode));
      names.set(name.toLowerCase(), lineOf(nameNode));
      const descNode = item.get('description', true) as Node | undefined;
      const description = descNode === undefined ? '' : text(descNode, 'description', lineOf(item), lineOf);
      const keywordsNode = item.get('keywords', true) as Node | undefined;
      const keywords = strings(keywordsNode, `keywords of topic "${name}"`, lineOf(item), lineOf);
      if (keywords.length === 0) throw new TaxonomyError(`topic "${name}" needs at least one keyword`, lineOf(keywordsNode) ?? lineOf(item));
      const fieldNode = item.get('field', true) as Node | undefined;
      if (fieldNode !== undefined && !(isScalar(fieldNode) && typeof fieldNode.value === 'boolean')) {
        throw new TaxonomyError(`"field" of topic "${name}" must be true or false`, lineOf(fieldNode) ?? lineOf(item));
      }
      const field = fieldNode !== undefined && (fieldNode as { value: boolean }).value;
      const subNode = item.get('subtopics', true) as Node | undefined;
      if (field && subNode === undefined) throw new TaxonomyError(`topic "${name}" is a field and needs subtopics`, lineOf(fieldNode) ?? lineOf(item));
      if (subNode === undefined) return { name, description, keywords };
      if (!isSeq(subNode)) throw new TaxonomyError(`"subtopics" of topic "${name}" must be a list of topics`, lineOf(subNode) ?? lineOf(item));
      const subtopics = (subNode.items as Node[]).map((sub) => topic(sub, true));
      if (subtopics.length < 2) throw new TaxonomyError(`topic "${name}" needs at least two subtopics, or none`, lineOf(subNode));
      return field ? { name, description, keywords, subtopics, field } : { name, description, keywords, subtopics };
    };
    for (const item of seq.items as Node[]) topics.push(topic(item, false));
  }

  const tags: TagDef[] = [];
  /** The tags of one mapping (the `tags` section, or one field's under `field-tags`). */
  const readTags = (map: Node, where: string, field?: string) => {
    if (!isMap(map)) throw new TaxonomyError(`${where} must map each tag to its aliases (a list, possibly empty)`, lineOf(map));
    const claimed = new Map<string, { tag: string; line: number | null }>();
    const claim = (phrase: string, tag: string, line: number | null) => {
      const key = phrase.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const prior = claimed.get(key);
      if (prior && prior.tag !== tag) {
        throw new TaxonomyError(`"${phrase}" is listed under both "${prior.tag}" (line ${prior.line}) and "${tag}"`, line);
      }
      claimed.set(key, { tag, line });
    };
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const name = text(keyNode, 'tag', lineOf(keyNode), lineOf);
      if (name !== name.toLowerCase()) throw new TaxonomyError(`tag "${name}" must be lowercase`, lineOf(keyNode));
      const valueNode = pair.value as Node | null;
      const { aliases, impliedBy, introducedBy, aliasLine } = tagEntry(valueNode, name, lineOf(keyNode), lineOf);
      claim(name, name, lineOf(keyNode));
      for (const alias of aliases) claim(alias, name, aliasLine ?? lineOf(keyNode));
      const introduced = introducedBy.length ? { introducedBy } : {};
      tags.push(field ? { name, aliases, impliedBy, ...introduced, field } : { name, aliases, impliedBy, ...introduced });
    }
  };
  const tagsPair = section('tags');
  if (tagsPair && tagsPair.value !== null) readTags(tagsPair.value as Node, '"tags"');
  const fieldTagsPair = section('field-tags');
  if (fieldTagsPair && fieldTagsPair.value !== null) {
    const fields = fieldTagsPair.value as Node;
    if (!isMap(fields)) throw new TaxonomyError('"field-tags" must map a field topic\'s name to its tags', lineOf(fields));
    const fieldNames = new Set(topics.filter((t) => t.field).map((t) => t.name));
    const own = new Set(tags.map((t) => t.name));
    for (const pair of fields.items) {
      const keyNode = pair.key as Node;
      const field = text(keyNode, 'field name', lineOf(keyNode), lineOf);
      if (!fieldNames.has(field)) throw new TaxonomyError(`"${field}" under field-tags is not a topic with field: true`, lineOf(keyNode));
      const before = tags.length;
      readTags(pair.value as Node, `field-tags of "${field}"`, field);
      // A tag named twice would be one tag with two scopes.
      for (const t of tags.slice(before)) {
        if (own.has(t.name)) throw new TaxonomyError(`field tag "${t.name}" of "${field}" is also a tag of the taxonomy's own field or of another field`, lineOf(keyNode));
        own.add(t.name);
      }
    }
  }

  const stopPair = section('stop-tags');
  const stopTags = stopPair && stopPair.value !== null ? strings(stopPair.value as Node, 'stop-tags', lineOf(stopPair.key as Node), lineOf) : [];
  return { topics, tags, stopTags };
}

/**
 * A tag's value: a list of aliases, or a mapping with `aliases`, `implied-by` and `introduced-by` (all
 * optional lists). Evidence phrases have 1–3 words, the longest phrase the text is counted in;
 * introduced-by entries are one word, the noun a contribution sentence names.
 */
function tagEntry(
  node: Node | null,
  name: string,
  keyLine: number | null,
  lineOf: (n: Node | null | undefined) => number | null,
): { aliases: string[]; impliedBy: string[]; introducedBy: string[]; aliasLine: number | null } {
  if (node === null || (isScalar(node) && node.value === null)) return { aliases: [], impliedBy: [], introducedBy: [], aliasLine: null };
  if (!isMap(node)) return { aliases: strings(node, `aliases of tag "${name}"`, keyLine, lineOf), impliedBy: [], introducedBy: [], aliasLine: lineOf(node) };
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'aliases' && key !== 'implied-by' && key !== 'introduced-by') {
      throw new TaxonomyError(`unknown key "${key}" in tag "${name}" (expected aliases, implied-by or introduced-by)`, lineOf(pair.key as Node));
    }
  }
  const list = (key: string, what: string): { items: string[]; line: number | null } => {
    const value = node.get(key, true) as Node | undefined | null;
    if (value === undefined || value === null || (isScalar(value) && value.value === null)) return { items: [], line: null };
    return { items: strings(value, `${what} of tag "${name}"`, keyLine, lineOf), line: lineOf(value) };
  };
  const aliases = list('aliases', 'aliases');
  const implied = list('implied-by', 'implied-by');
  for (const phrase of implied.items) {
    const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
    if (words < 1 || words > 3) {
      throw new TaxonomyError(`implied-by phrase "${phrase}" of tag "${name}" must have 1 to 3 words`, implied.line ?? keyLine);
    }
  }
  const introduced = list('introduced-by', 'introduced-by');
  for (const noun of introduced.items) {
    if (!/^\p{L}[\p{L}\p{N}-]*$/u.test(noun)) throw new TaxonomyError(`introduced-by entry "${noun}" of tag "${name}" must be one word`, introduced.line ?? keyLine);
  }
  return { aliases: aliases.items, impliedBy: implied.items, introducedBy: introduced.items.map((n) => n.toLowerCase()), aliasLine: aliases.line };
}

function text(node: Node | undefined | null, what: string, fallbackLine: number | null, lineOf: (n: Node | null | undefined) => number | null): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
    throw new TaxonomyError(`${what} is missing or is not text`, lineOf(node) ?? fallbackLine);
  }
  const value = String(node.value).trim();
  if (!value) throw new TaxonomyError(`${what} is empty`, lineOf(node) ?? fallbackLine);
  return value;
}

function strings(node: Node | undefined | null, what: string, fallbackLine: number | null, lineOf: (n: Node | null | undefined) => number | null): string[] {
  if (!isSeq(node)) throw new TaxonomyError(`${what} must be a list`, lineOf(node) ?? fallbackLine);
  return (node.items as Node[]).map((item) => text(item, `an entry of ${what}`, lineOf(node), lineOf));
}
