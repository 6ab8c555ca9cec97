/**
 * A short plain-text summary of an abstract for `<meta name="description">` and link previews:
 * whole sentences only, no math, no Markdown, at most `max` characters.
 */
export function summarize(markdown: string, max = 200): string {
  const text = markdown
    .replace(/\$\$[^$]*\$\$|\$(?:\\.|[^$\\])+\$/g, '…') // math has no plain-text form worth showing
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [label](url) → label
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>$&|~])/g, '$1') // Markdown escapes
    .replace(/(^|\s)[*_]+|[*_]+(?=\s|[.,;:!?]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
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
