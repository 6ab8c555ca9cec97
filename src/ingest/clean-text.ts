/**
 * Raw abstract or title text → what readers see: math kept for KaTeX, LaTeX leftovers turned
 * into characters, URLs into links, TeX typing conventions into typography.
 */
import type { PhrasingContent } from 'mdast';
import { latexToNodes, mergeText } from './latex.ts';
import { linkify } from './links.ts';
import { splitMath } from './math.ts';
import { findStrippedMath } from './stripped-tex.ts';
import { SECTION_LABEL } from './record-fields.ts';
import { applyTitleTypography, typographyOnText } from './typography.ts';

const MAY_HAVE_URL = /\/\/|www\.|\.[a-z]{2,}\//i;
const MAY_HAVE_TYPOGRAPHY = /[`'~]|--/;
/**
 * `{pasted macro ‘OUR’}`: what a LaTeX macro became when its abstract was pasted into a form that
 * does not expand macros (the ACL Anthology shows hundreds). Its definition is lost, so it is an
 * unknown macro like `\OUR`: shown by its name and reported.
 */
const PASTED_MACRO = /\{pasted macro [‘'`]([^’'{}]{1,40})[’']\}/g;

export interface CleanedText {
  nodes: PhrasingContent[];
  unknownMacros: string[];
  unclosedMath: number;
}

/**
 * An abstract → phrasing nodes. A structured abstract (one labelled section a line, as
 * `splitRecords` gathers them) keeps its sections in order, each label in bold and each section
 * on its own line.
 */
export function cleanAbstract(raw: string): CleanedText {
  if (!raw.includes('\n')) return cleanLine(raw);
  const out: CleanedText = { nodes: [], unknownMacros: [], unclosedMath: 0 };
  raw.split('\n').forEach((section, i) => {
    if (i > 0) out.nodes.push({ type: 'break' });
    const label = SECTION_LABEL.exec(section);
    if (label) out.nodes.push({ type: 'strong', children: [{ type: 'text', value: `${label[1]}:` }] }, { type: 'text', value: ' ' });
    const cleaned = cleanLine(label ? section.slice(label[0].length) : section);
    out.nodes.push(...cleaned.nodes);
    out.unknownMacros.push(...cleaned.unknownMacros);
    out.unclosedMath += cleaned.unclosedMath;
  });
  out.nodes = mergeText(out.nodes);
  return out;
}

function cleanLine(text: string): CleanedText {
  const pasted = text.includes('pasted macro') ? [...text.matchAll(PASTED_MACRO)].map((m) => `\\${m[1]}`) : [];
  const raw = pasted.length ? text.replace(PASTED_MACRO, '$1') : text;
  // Most abstracts have no math, LaTeX, URL or TeX typography: one test each skips the work (math whose
  // markup was stripped has neither `$` nor a backslash, so is looked for in every text).
  const { segments, unclosed } = /[$\\]/.test(raw) ? splitMath(raw) : { segments: findStrippedMath(raw), unclosed: 0 };
  const nodes: PhrasingContent[] = [];
  const unknownMacros: string[] = pasted;
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
 * A title as readers see it: LaTeX outside math converted (`{\\L}ojasiewicz` → Łojasiewicz), TeX
 * typography applied, and math kept as its source between `$…$` (or `$$…$$`), for the site to
 * typeset with KaTeX in headings and to flatten where only plain text fits. A literal dollar
 * (`\\$`) is unescaped, unless that would pair it with another into math.
 */
export function cleanTitle(raw: string): string {
  // Without `$` or a backslash, the only math is math whose markup was stripped; without that, the text is plain.
  const marked = /[$\\]/.test(raw);
  const segments = marked ? splitMath(raw).segments : findStrippedMath(raw);
  if (!marked && segments.every((s) => s.kind === 'text')) return applyTitleTypography(raw).replace(/\s+/g, ' ').trim();
  const build = (escapeDollars: boolean) =>
    segments
      .map((s) => {
        if (s.kind === 'math') return s.display ? `$$${s.value}$$` : `$${s.value}$`;
        if (s.kind === 'verbatim') return s.value;
        const text = applyTitleTypography(toPlainText(latexToNodes(s.value).nodes));
        return escapeDollars ? text.replaceAll('$', '\\$') : text;
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const plain = build(false);
  const mathCount = (text: string) => splitMath(text).segments.filter((s) => s.kind === 'math').length;
  return mathCount(plain) === segments.filter((s) => s.kind === 'math').length ? plain : build(true);
}

/**
 * A cleaned title with its math flattened into plain characters (`$\\ell_1$` → ℓ1), for what needs
 * words rather than markup: slugs and term extraction. Not a reader-facing form.
 */
export function titleText(title: string): string {
  if (!/[$\\]/.test(title)) return title;
  return splitMath(title)
    .segments.map((s) => (s.kind === 'math' ? flattenMath(s.value) : s.kind === 'verbatim' ? s.value : toPlainText(latexToNodes(s.value).nodes)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function flattenMath(math: string): string {
  return toPlainText(latexToNodes(math).nodes).replace(/[{}^_]/g, '').replace(/\s+/g, ' ');
}

/** Text of phrasing nodes without markup; math keeps its `$` delimiters. */
export function toPlainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'break':
          return ' ';
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
