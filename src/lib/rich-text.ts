/**
 * The three forms of every text the catalogue shows (a title, an abstract): the raw TeX source
 * as written (for citations), plain Unicode text (for titles, meta tags, feeds and search), and
 * typeset HTML (for pages). HTML comes from one unified pipeline: the TeX is read by `tex.ts`
 * into a markdown syntax tree (mdast) whose only markup is math, emphasis and links, which
 * remark-rehype turns into HTML and rehype-katex typesets at build time.
 *
 * The tree is built directly rather than written out as markdown and parsed back: an abstract is
 * not markdown, so parsing could only undo escaping, and it cost two thirds of the rendering time
 * (2.4 ms an abstract, against 0.8 ms without; `npm run bench` renders a 10,000-paper catalogue).
 */
import type { PhrasingContent, Root } from "mdast";
// Declares the inlineMath node (remark-math's) in mdast's types.
import type {} from "mdast-util-math";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseTex, texToPlainText, type TexNode } from "./tex.ts";

export interface RichText {
  /** As written in the source, TeX and all. */
  raw: string;
  /** Plain Unicode text: accents composed, math as its text, no markup. */
  text: string;
  /** Typeset HTML, safe to insert: every tag in it was made by the pipeline. */
  html: string;
}

const pipeline = unified()
  .use(remarkRehype)
  .use(rehypeKatex, { output: "htmlAndMathml", errorColor: "currentColor" })
  .use(rehypeStringify);

/** Renders multi-paragraph TeX (paragraphs separated by "\n") to `<p>` elements. */
export function richText(raw: string): RichText {
  const paragraphs = raw
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map(parseTex);
  return {
    raw,
    text: paragraphs.map(texToPlainText).join("\n"),
    html: render(paragraphs.map((nodes) => ({ type: "paragraph", children: toMdast(nodes) }))),
  };
}

/** Renders a one-line TeX text (a title) to inline HTML, with no wrapping `<p>`. */
export function inlineRichText(raw: string): RichText {
  const nodes = parseInline(raw);
  // A paragraph keeps remark-rehype from putting line breaks between inline nodes; its tags go.
  const html = render([{ type: "paragraph", children: toMdast(nodes) }])
    .replace(/^<p>/, "")
    .replace(/<\/p>$/, "");
  return { raw, text: texToPlainText(nodes), html };
}

/** The plain text of a one-line TeX text (an author's name), as `inlineRichText(raw).text`, without typesetting it. */
export function inlinePlainText(raw: string): string {
  return texToPlainText(parseInline(raw));
}

function parseInline(raw: string) {
  return parseTex(raw.replace(/\s+/g, " ").trim());
}

function render(children: Root["children"]): string {
  const tree: Root = { type: "root", children };
  return pipeline.stringify(pipeline.runSync(tree)).trim();
}

/**
 * The mdast of parsed TeX. Math becomes the node remark-math makes (`inlineMath`, rendered as
 * `<code class="language-math math-inline">` for rehype-katex to typeset); display math met inside
 * a paragraph keeps its paragraph and is typeset in display mode.
 */
export function toMdast(nodes: TexNode[]): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    switch (node.type) {
      case "text":
        return { type: "text", value: node.value };
      case "math":
        return {
          type: "inlineMath",
          value: node.value,
          data: {
            hName: "code",
            hProperties: { className: ["language-math", node.display ? "math-display" : "math-inline"] },
            hChildren: [{ type: "text", value: node.value }],
          },
        };
      case "link":
        return { type: "link", url: node.url, children: [{ type: "text", value: node.label }] };
      case "emphasis":
        return { type: "emphasis", children: toMdast(node.children) };
      case "strong":
        return { type: "strong", children: toMdast(node.children) };
    }
  });
}
