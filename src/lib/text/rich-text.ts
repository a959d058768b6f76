/**
 * The three forms of every text the catalogue shows (a title, an abstract): the raw TeX source
 * as written (for citations), plain Unicode text (for titles, meta tags, feeds and search), and
 * typeset HTML (for pages), with the characters its math draws (for KaTeX's fonts). HTML comes
 * from one unified pipeline: the TeX is read by `tex.ts` into a markdown syntax tree (mdast)
 * whose only markup is math, emphasis and links, which remark-rehype turns into HTML and
 * rehype-katex typesets at build time. A formula KaTeX cannot typeset is shown as its TeX source
 * (`text/rehype-katex-results.ts`), as arXiv's MathJax shows one it cannot, and reported.
 *
 * The tree is built directly rather than written out as markdown and parsed back: an abstract is
 * not markdown, so parsing could only undo escaping, and it cost two thirds of the rendering time
 * (2.4 ms an abstract, against 0.8 ms without; `npm run bench` renders a 10,000-paper catalogue).
 * A text that is only text (no math, emphasis or link, as most titles and many abstracts are)
 * skips the pipeline: its HTML is written directly, as the pipeline writes text (`plainHtml`).
 */
import type { PhrasingContent, Root } from "mdast";
// Declares the inlineMath node (remark-math's) in mdast's types.
import type {} from "mdast-util-math";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { trimLines } from "trim-lines";
import { unified } from "unified";
import { VFile } from "vfile";
import { parseTex, parseTexParagraphs, texToPlainText, type TexNode } from "./tex.ts";
import rehypeKatexResults, { MATH_PARAGRAPH, MATH_SOURCE, type MathError } from "./rehype-katex-results.ts";

export type { MathError };

export interface RichText {
  /** As written in the source, TeX and all. */
  raw: string;
  /** Plain Unicode text: accents composed, math as its text, no markup. */
  text: string;
  /** Typeset HTML, safe to insert: every tag in it was made by the pipeline. */
  html: string;
  /** Every character its typeset math draws, each once, in the order first met; empty without math. */
  mathCharacters: string;
}

const pipeline = unified()
  .use(remarkRehype)
  // MathJax typesets what KaTeX's strict mode frowns on (Unicode letters in math): no console noise.
  .use(rehypeKatex, { output: "htmlAndMathml", errorColor: "currentColor", strict: "ignore" })
  .use(rehypeKatexResults)
  .use(rehypeStringify);

/**
 * Renders multi-paragraph TeX (paragraphs separated by "\n", a formula possibly spanning several)
 * to `<p>` elements. Each formula KaTeX cannot typeset is shown as written and passed to `onError`.
 */
export function richText(raw: string, onError?: (error: MathError) => void): RichText {
  const paragraphs = parseTexParagraphs(raw);
  const rendered = paragraphs.every(onlyText)
    ? { html: paragraphs.map((nodes) => `<p>${plainHtml(nodes)}</p>`).join("\n"), characters: "", errors: [] }
    : render(paragraphs.map((nodes, paragraph) => ({ type: "paragraph", children: toMdast(nodes, paragraph) })));
  if (onError) for (const error of rendered.errors) onError(error);
  return {
    raw,
    text: sameOrRaw(paragraphs.map(texToPlainText).join("\n"), raw),
    html: rendered.html,
    mathCharacters: rendered.characters,
  };
}

/** Renders a one-line TeX text (a title) to inline HTML, with no wrapping `<p>`. */
export function inlineRichText(raw: string, onError?: (error: MathError) => void): RichText {
  const nodes = parseInline(raw);
  const text = sameOrRaw(texToPlainText(nodes), raw);
  if (onlyText(nodes)) return { raw, text, html: plainHtml(nodes), mathCharacters: "" };
  // A paragraph keeps remark-rehype from putting line breaks between inline nodes; its tags go.
  const rendered = render([{ type: "paragraph", children: toMdast(nodes, 0) }]);
  if (onError) for (const error of rendered.errors) onError(error);
  const html = rendered.html.replace(/^<p>/, "").replace(/<\/p>$/, "");
  return { raw, text, html, mathCharacters: rendered.characters };
}

/**
 * `text`, or `raw` when they are equal: most texts have no TeX, and a catalogue keeps both forms
 * of every abstract (at 100,000 papers, 190 MB each); one string is kept for the two.
 */
function sameOrRaw(text: string, raw: string): string {
  return text === raw ? raw : text;
}

/** The plain text of a one-line TeX text (an author's name), as `inlineRichText(raw).text`, without typesetting it. */
export function inlinePlainText(raw: string): string {
  return texToPlainText(parseInline(raw));
}

function parseInline(raw: string) {
  return parseTex(raw.replace(/\s+/g, " ").trim());
}

/** Nodes that are all text: no math, emphasis or link. */
const onlyText = (nodes: readonly TexNode[]): nodes is Extract<TexNode, { type: "text" }>[] =>
  nodes.every((node) => node.type === "text");

/**
 * Text nodes as the pipeline writes them, without it: remark-rehype trims the spaces and tabs
 * around each node's line breaks (with `trim-lines`, as this does), and rehype-stringify writes
 * `<` and `&` as hexadecimal character references, and nothing else. A test holds the two
 * equal (`tests/unit/text/rich-text.test.ts`). A title takes 3 to 4 µs so, against 26 to 31
 * through the pipeline (10,000 titles, warm).
 */
function plainHtml(nodes: readonly Extract<TexNode, { type: "text" }>[]): string {
  return nodes.map((node) => trimLines(node.value).replace(/[<&]/g, (c) => (c === "<" ? "&#x3C;" : "&#x26;"))).join("");
}

/** The pipeline's HTML of a tree (exported for the test that holds `plainHtml` to it). */
export function render(children: Root["children"]): { html: string; characters: string; errors: MathError[] } {
  const tree: Root = { type: "root", children };
  const file = new VFile();
  const html = pipeline.stringify(pipeline.runSync(tree, file)).trim();
  const results = file.data.katexResults!;
  return { html, characters: results.mathCharacters, errors: results.mathErrors };
}

/**
 * The mdast of parsed TeX. Math becomes the node remark-math makes (`inlineMath`, rendered as
 * `<code class="language-math math-inline">` for rehype-katex to typeset) in a span that keeps
 * the formula as written, for `rehype-katex-results.ts`; display math met inside a paragraph
 * keeps its paragraph and is typeset in display mode.
 */
export function toMdast(nodes: TexNode[], paragraph = 0): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    switch (node.type) {
      case "text":
        return { type: "text", value: node.value };
      case "math": {
        const tex = asKatexInput(node.value);
        return {
          type: "inlineMath",
          value: tex,
          data: {
            hName: "span",
            hProperties: { [MATH_SOURCE]: node.source, [MATH_PARAGRAPH]: paragraph },
            hChildren: [
              {
                type: "element",
                tagName: "code",
                properties: { className: ["language-math", node.display ? "math-display" : "math-inline"] },
                children: [{ type: "text", value: tex }],
              },
            ],
          },
        };
      }
      case "link":
        return { type: "link", url: node.url, children: [{ type: "text", value: node.label }] };
      case "emphasis":
        return { type: "emphasis", children: toMdast(node.children, paragraph) };
      case "strong":
        return { type: "strong", children: toMdast(node.children, paragraph) };
    }
  });
}

/**
 * A formula as KaTeX is to read it: `%` is a percent sign, as authors of abstracts mean it
 * (`$5\%$` and `$5%$` alike), not a comment that would swallow the rest of the formula.
 */
export function asKatexInput(tex: string): string {
  return tex.replace(/\\[^]|%/g, (token) => (token === "%" ? "\\%" : token));
}
