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

/**
 * Titles are short and often typed by hand: only the unambiguous TeX forms change there
 * (``quotes'', a spaced ` -- `, and `--` between two names: "Navier--Stokes equations");
 * a `---` or `~` in a title stays as typed.
 */
const TITLE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/``/g, '“'],
  [/''/g, '”'],
  [/ -- /g, ' – '],
  [/(?<=\p{Lu}\p{Ll}+)--(?=\p{Lu}\p{Ll})/gu, '–'],
];

export function applyTypography(value: string, rules = RULES): string {
  let out = value;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

export const applyTitleTypography = (value: string): string => applyTypography(value, TITLE_RULES);

export function typographyOnText(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { ...node, value: applyTypography(node.value) };
    if (node.type === 'emphasis' || node.type === 'strong') return { ...node, children: typographyOnText(node.children) } as PhrasingContent;
    return node;
  });
}
