/**
 * Plain text from an entry's Markdown body, for meta descriptions, link previews, schema.org and search (site and publish both use it).
 * The bodies are written by the ingest (mdast-util-to-markdown), so undoing its escapes, links and
 * emphasis is enough; hand-edited bodies lose at worst a stray `*`. Math is read as text the way titles are
 * (`$\ell_1$` → ℓ₁, see core/math-plain-text.ts).
 */
import { mathToPlainTextIfValid } from './math-plain-text.ts';

/**
 * `$$…$$` or `$…$` math in the Markdown the ingest writes (an escaped `\$` is a dollar, not math, also
 * inside math: the ingest writes `$$\sum_i p_i \le \$B$$` for math holding a dollar).
 */
const MATH = /(?<!\\)\$\$((?:\\.|[^$\\])+)\$\$|(?<!\\)\$((?:\\.|[^$\\])+)\$/g;

/** The abstract as plain text, math as readable text. */
export function plainText(markdown: string): string {
  // Math first: its backslashes are TeX, not Markdown escapes. Its text is escaped back so the unescaping
  // below leaves it as it is; math KaTeX rejects is left out (…): its source would read as noise.
  const text = markdown.includes('$') ? markdown.replace(MATH, (_m, display: string | undefined, inline: string | undefined) => escapeMarkdown(mathToPlainTextIfValid(display ?? inline ?? '') ?? '…')) : markdown;
  return text
    .replace(/\\\n/g, '\n') // a hard line break (a structured abstract's sections) is a line end
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [label](url) → label
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|\s)[*_]+(?=\S)|(?<=[^\s\\])[*_]+(?=\s|[.,;:!?)]|$)/g, '$1') // emphasis markers (not an escaped `\*`)
    .replace(/\\([\\`*_{}[\]()#+\-.!<>$&|~])/g, '$1') // Markdown escapes
    .replace(/\s+/g, ' ')
    .trim();
}

/** A summary of whole sentences, no markup, at most `max` characters. */
export function summarize(markdown: string, max = 200): string {
  return summarizePlain(plainText(markdown), max);
}

/**
 * Sentences by Unicode's sentence boundaries (UAX #29, ICU through `Intl.Segmenter`): a period inside a
 * sentence (`e.g.,`, `93.5%`, `i.e. the`) ends none. A hand regex (`[^.!?]+[.!?]+(?=\s|$)`) skipped
 * such a first sentence and began the description mid-sentence (`,\ language, video, and audio), …`).
 */
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** `summarize` of text already made plain by `plainText` (for a caller that needs both); '' for a text of no words (a record without abstract). */
export function summarizePlain(text: string, max = 200): string {
  if (!/[\p{L}\p{N}]/u.test(text)) return '';
  let summary = '';
  for (const { segment: sentence } of SENTENCES.segment(text)) {
    const next = `${summary}${sentence.trim()}`;
    if (next.length > max) break;
    summary = `${next} `;
  }
  summary = summary.trim();
  if (summary) return summary;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}

const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>$&|~]/g, '\\$&');
