/**
 * TeX typing conventions → the characters they stand for: ``quotes'' → “quotes”, `word' → ‘word’,
 * `---` → —, `--` → –, and `~` between words (a TeX tie) → a space. Only applied to running text,
 * never to links or math.
 */
import type { PhrasingContent } from 'mdast';

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/``/g, '“'],
  [/''/g, '”'],
  [/(^|[\s(\[])`([^`'\s][^`']*)'(?!\w)/g, '$1‘$2’'],
  [/(?<![-!<])---(?![->])/g, '—'],
  [/(?<![-!<])--(?![->])/g, '–'],
  [/(?<=\S)~(?=\S)/g, ' '],
];

export function applyTypography(value: string): string {
  let out = value;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

export function typographyOnText(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { ...node, value: applyTypography(node.value) };
    if (node.type === 'emphasis' || node.type === 'strong') return { ...node, children: typographyOnText(node.children) } as PhrasingContent;
    return node;
  });
}
