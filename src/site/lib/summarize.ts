/**
 * Plain text from an entry's Markdown body, for meta descriptions, link previews and schema.org.
 * The bodies are written by the ingest (mdast-util-to-markdown), so undoing its escapes, links and
 * emphasis is enough; hand-edited bodies lose at worst a stray `*`.
 */

/** The abstract as plain text; math kept as `$…$`, or replaced by `…` for a summary. */
export function plainText(markdown: string, { keepMath = true } = {}): string {
  let text = markdown;
  if (!keepMath) text = text.replace(/\$\$[^$]*\$\$|\$(?:\\.|[^$\\])+\$/g, '…'); // math has no plain form worth showing
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [label](url) → label
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|\s)[*_]+(?=\S)|(?<=\S)[*_]+(?=\s|[.,;:!?)]|$)/g, '$1') // emphasis markers
    .replace(/\\([\\`*_{}[\]()#+\-.!<>$&|~])/g, '$1') // Markdown escapes
    .replace(/\s+/g, ' ')
    .trim();
}

/** A summary of whole sentences, no math, no markup, at most `max` characters. */
export function summarize(markdown: string, max = 200): string {
  const text = plainText(markdown, { keepMath: false });
  const sentences = text.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [text];
  let summary = '';
  for (const sentence of sentences) {
    const next = `${summary}${sentence}`.trim();
    if (next.length > max) break;
    summary = `${next} `;
  }
  summary = summary.trim();
  if (summary) return summary;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}
