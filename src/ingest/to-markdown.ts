/**
 * Abstract (mdast phrasing nodes) → the Markdown body of an entry.
 *
 * Hand-written rather than mdast-util-to-markdown because that general serializer costs about
 * 0.1 ms per abstract (seconds at 50k papers) while an abstract is one paragraph of five node
 * kinds. The escaping follows CommonMark with remark-math, and tests round-trip random text
 * through remark's own parser to hold it to that.
 */
import type { PhrasingContent } from 'mdast';

/**
 * Characters that start Markdown syntax anywhere in a line (GFM is off, so `~` and `|` are not;
 * `]` is harmless once every `[` is escaped, and `_` inside a word never makes emphasis).
 */
const INLINE_SPECIAL = /[\\`*[<$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** An `&` that would start an entity reference (`&amp;`, `&#38;`). */
const ENTITY_START = /&(?=#?[a-zA-Z0-9]+;)/g;
/** What makes a paragraph's first characters a heading, quote, list, rule or fence instead. */
const LINE_START = /^(?:[#>+=~-]|\d+(?=[.)]))/;

export function escapeText(text: string): string {
  let out = text.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_START, '\\&');
  const start = LINE_START.exec(out);
  if (start) out = /^\d/.test(start[0]) ? `${start[0]}\\${out.slice(start[0].length)}` : `\\${out}`;
  return out;
}

function serialize(nodes: readonly PhrasingContent[], atStart: boolean): string {
  let out = '';
  for (const node of nodes) {
    // A hard break starts a new line, where block syntax (`# `, `> `, `- `) would start too.
    const first = (atStart && out === '') || out.endsWith('\\\n');
    switch (node.type) {
      case 'text': {
        const escaped = escapeText(node.value);
        // Only the paragraph's first characters can start a block; elsewhere undo that escape.
        out += first ? escaped : node.value.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_START, '\\&');
        break;
      }
      case 'inlineMath': {
        const display = (node.data as { display?: boolean } | undefined)?.display === true;
        out += mathSpan(node.value, display);
        break;
      }
      case 'break':
        out += '\\\n';
        break;
      case 'emphasis':
      case 'strong': {
        const marker = node.type === 'emphasis' ? '*' : '**';
        const inner = serialize(node.children, false);
        const trimmed = inner.trim();
        // Emphasis cannot open or close next to a space: keep the spaces outside the markers.
        if (trimmed) out += `${inner.slice(0, inner.length - inner.trimStart().length)}${marker}${trimmed}${marker}${inner.slice(inner.trimEnd().length)}`;
        else out += inner;
        break;
      }
      case 'link': {
        if (out.endsWith('!')) out = `${out.slice(0, -1)}\\!`; // "!" + "[…](…)" would be an image
        const only = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0].value : undefined;
        if (only === node.url && !/[\s<>]/.test(node.url)) {
          out += `<${node.url}>`; // an autolink reads best when the text is the address itself
          break;
        }
        const label = serialize(node.children, false);
        const target = /[\s()<>]/.test(node.url) ? `<${node.url.replace(/[<>]/g, encodeURIComponent)}>` : node.url;
        out += `[${label}](${target})`;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * Inline math in remark-math's syntax. Its math spans work like code spans (micromark's math-text):
 * the span ends at the first run of exactly as many dollars as opened it, and a backslash escapes
 * nothing inside. So math holding a literal dollar (`\\$100`) is fenced with a longer run than any
 * run inside it (at least `$$`, which remark-math also reads as inline math), padded with a space
 * where a dollar touches the fence; otherwise `$…$`, or `$$…$$` for display math as typed.
 */
export function mathSpan(value: string, display: boolean): string {
  const longest = Math.max(0, ...(value.match(/\$+/g) ?? []).map((run) => run.length));
  if (longest === 0) return display ? `$$${value}$$` : `$${value}$`;
  const fence = '$'.repeat(Math.max(2, longest + 1));
  const pad = value.startsWith('$') || value.endsWith('$') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function abstractToMarkdown(nodes: readonly PhrasingContent[]): string {
  return `${serialize(nodes, true)}\n`;
}
