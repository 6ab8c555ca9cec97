/**
 * Raw abstract or title text → what readers see: math kept for KaTeX, LaTeX leftovers turned
 * into characters, URLs into links, TeX typing conventions into typography.
 */
import type { PhrasingContent } from 'mdast';
import { latexToNodes, mergeText } from './latex.ts';
import { linkify } from './links.ts';
import { escapeTitleText } from '../core/title-math.ts';
import { splitMath } from './math.ts';
import { applyTitleTypography, typographyOnText } from './typography.ts';

const MAY_HAVE_URL = /\/\/|www\.|\.[a-z]{2,}\//i;
const MAY_HAVE_TYPOGRAPHY = /[`'~]|--/;

export interface CleanedText {
  nodes: PhrasingContent[];
  unknownMacros: string[];
  unclosedMath: number;
}

export function cleanAbstract(raw: string): CleanedText {
  // Most abstracts have no math, LaTeX, URL or TeX typography: one test each skips the work.
  const { segments, unclosed } = /[$\\]/.test(raw) ? splitMath(raw) : { segments: [{ kind: 'text' as const, value: raw }], unclosed: 0 };
  const nodes: PhrasingContent[] = [];
  const unknownMacros: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'math') {
      // mdast has no inline display math; `$$…$$` stays display through its delimiter.
      nodes.push({ type: 'inlineMath', value: segment.value, data: segment.display ? { display: true } : {} } as PhrasingContent);
      continue;
    }
    if (segment.kind === 'verbatim') {
      nodes.push({ type: 'text', value: segment.value });
      continue;
    }
    const latex = /[\\{]/.test(segment.value) ? latexToNodes(segment.value) : { nodes: [{ type: 'text', value: segment.value } as PhrasingContent], unknownMacros: [] };
    unknownMacros.push(...latex.unknownMacros);
    // linkify also vets the targets of \url{…} links, so it runs whenever there is one.
    const linked = MAY_HAVE_URL.test(segment.value) || latex.nodes.some((n) => n.type === 'link') ? linkify(latex.nodes) : latex.nodes;
    nodes.push(...(MAY_HAVE_TYPOGRAPHY.test(segment.value) ? typographyOnText(linked) : linked));
  }
  return { nodes: mergeText(nodes), unknownMacros, unclosedMath: unclosed };
}

/**
 * A title in its stored form (`src/core/title-math.ts`): LaTeX outside math converted, math kept as `$…$` for
 * KaTeX (`$E = mc^2$`, `RED$^{\textrm{FM}}$`), a literal dollar as `\$`, no markup.
 */
export function cleanTitle(raw: string): string {
  // Without `$` or a backslash there is neither math nor LaTeX: the text is one plain segment.
  const text = /[$\\]/.test(raw)
    ? splitMath(raw)
        .segments.map((s) =>
          s.kind === 'math'
            ? s.display ? `$$${s.value}$$` : `$${s.value}$`
            : escapeTitleText(s.kind === 'verbatim' ? s.value : applyTitleTypography(toPlainText(latexToNodes(s.value).nodes))),
        )
        .join('')
    : escapeTitleText(applyTitleTypography(raw));
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of phrasing nodes without markup; math keeps its `$` delimiters. */
export function toPlainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'inlineMath':
          return (node.data as { display?: boolean } | undefined)?.display ? `$$${node.value}$$` : `$${node.value}$`;
        case 'emphasis':
        case 'strong':
        case 'link':
          return toPlainText(node.children);
        default:
          return '';
      }
    })
    .join('');
}
