/**
 * A paper entry as a file: YAML front matter (validated by the `Paper` schema) and the abstract as
 * Markdown. Both directions live here so that what the ingest writes it can also read back.
 *
 * Front matter is written with every string either plain-safe or JSON-quoted (front-matter.ts)
 * and read back by a YAML library with the core schema and the Paper schema, so a title like
 * `&anchor *alias !!js/function` is only ever a string. The body (to-markdown.ts) escapes
 * everything Markdown would otherwise interpret (`<script>`, `*`, `$5`), while math stays `$…$`.
 */
import { parseDocument } from 'yaml';
import { paperFrontMatter, type PaperFrontMatter } from './paper.ts';
import { readOwnYaml, toYaml } from './front-matter.ts';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?/;

/** Field order in the file: identity, what readers see, provenance, then derived data. */
const FIELD_ORDER: ReadonlyArray<keyof PaperFrontMatter> = [
  'id', 'title', 'derivedTitle', 'authors', 'year', 'venue', 'ids', 'links', 'topic', 'tags', 'notes', 'sources', 'aliases', 'related',
];

export function formatEntry(data: PaperFrontMatter, body: string): string {
  const fields = FIELD_ORDER.map((key) => {
    const value = data[key];
    // Empty lists are noise in a hand-edited file; `tags: []` stays, as a place to add some.
    return [key, Array.isArray(value) && value.length === 0 && key !== 'tags' ? undefined : value] as const;
  });
  return `---\n${toYaml(fields)}---\n\n${body.trimEnd()}\n`;
}

export type ParsedEntry =
  | { ok: true; data: PaperFrontMatter; body: string }
  | { ok: false; error: string };

/** The YAML between a file's opening `---` lines (line ends normalised), or undefined when it has none. */
export function frontMatterYaml(text: string): string | undefined {
  return FRONT_MATTER.exec(text.replace(/\r\n?/g, '\n'))?.[1];
}

/** The Markdown body of an entry file: everything after the front matter (the whole text if there is none). */
export function entryBody(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(normalized);
  return match ? bodyAfter(normalized, match) : normalized;
}

const bodyAfter = (text: string, match: RegExpExecArray) => text.slice(match[0].length).replace(/^\n+/, '');

export function parseEntry(text: string): ParsedEntry {
  const normalized = text.replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(normalized);
  if (!match) return { ok: false, error: 'no front matter: the file must start with a line `---`' };
  let data = readOwnYaml(match[1]!);
  if (data === undefined) {
    // The core schema keeps `NO`, `1984` and `2024-01-01` as strings where a title expects one.
    const doc = parseDocument(match[1]!, { schema: 'core', uniqueKeys: true });
    if (doc.errors.length > 0) return { ok: false, error: `front matter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
    data = doc.toJS() as Record<string, unknown>;
  }
  const parsed = paperFrontMatter.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { ok: false, error: `front matter field \`${first.path.join('.') || '(root)'}\`: ${first.message}` };
  }
  return { ok: true, data: parsed.data, body: bodyAfter(normalized, match) };
}
