/**
 * remark plugin: raw HTML in Markdown shows as the text it is.
 *
 * The ingest already escapes abstracts, but entries are hand-editable; this keeps a pasted
 * `<script>` inert even then. remark-rehype can only drop raw HTML (losing the text), so the few
 * lines here turn `html` nodes into `text` nodes instead.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: 'text', value: node.value } as never;
    });
  };
}
