/**
 * Math the site cannot typeset falls back to its source text at ingest, with a warning, so that a
 * page never shows a KaTeX error box (rehype-katex would render one in red in the abstract).
 * The check is KaTeX itself (katex-verdict.ts).
 */
import type { PhrasingContent } from 'mdast';
import { katexError } from './katex-verdict.ts';
import { splitMath } from './math.ts';

/**
 * Replaces every math node KaTeX cannot typeset with a text node holding its source as typed
 * (`$…$`); returns the nodes and one message per replaced formula.
 */
export function fallBackFromBrokenMath(nodes: readonly PhrasingContent[]): { nodes: PhrasingContent[]; failures: string[] } {
  const failures: string[] = [];
  const out = nodes.map((node): PhrasingContent => {
    if (node.type !== 'inlineMath') return node;
    const display = (node.data as { display?: boolean } | undefined)?.display === true;
    const error = katexError(node.value, display);
    if (error === null) return node;
    const source = display ? `$$${node.value}$$` : `$${node.value}$`;
    failures.push(`formula ${clip(source)} cannot be typeset (${clip(error, 80)}); shown as its source text`);
    return { type: 'text', value: source };
  });
  return { nodes: failures.length > 0 ? out : [...nodes], failures };
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One message per formula of a cleaned title (which keeps math as `$…$` source) that KaTeX cannot
 * typeset; the site shows those as their source.
 */
export function titleMathFailures(title: string): string[] {
  if (!title.includes('$')) return [];
  return splitMath(title)
    .segments.flatMap((s) => (s.kind === 'math' ? [{ s, error: katexError(s.value, s.display) }] : []))
    .filter(({ error }) => error !== null)
    .map(({ s, error }) => `formula ${clip(`$${s.value}$`)} in the title cannot be typeset (${clip(error!, 80)}); shown as its source text`);
}
