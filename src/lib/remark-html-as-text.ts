/**
 * A remark plugin that turns raw HTML in markdown into text, so that `<script>` in an abstract
 * is shown as written and never reaches the page as markup. (remark-rehype would drop it
 * silently; dropping loses what the author wrote.)
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

export function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: "text", value: node.value };
    });
  };
}
