/**
 * rehype plugin: keeps KaTeX's visual HTML out of the search index.
 *
 * KaTeX emits MathML (with the TeX source as an annotation) and a visual HTML copy. Indexing the
 * visual copy would fill search excerpts with glyph soup, so it is marked `data-pagefind-ignore`.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeMarkMathForSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex-html')) node.properties.dataPagefindIgnore = '';
    });
  };
}
