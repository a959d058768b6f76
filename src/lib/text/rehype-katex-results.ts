/**
 * A rehype plugin run after rehype-katex that reads what it made of each formula. A formula
 * KaTeX typeset gives the characters it draws (in its HTML and its MathML, not the TeX source
 * kept in the MathML's `<annotation>`), which are what KaTeX's fonts are cut to
 * (`katex-fonts.ts`): collected here, where the math is rendered, rather than by parsing every
 * page's HTML again. A formula KaTeX could not typeset is shown as its TeX source, as written,
 * instead of KaTeX's error box, and KaTeX's message is handed on.
 *
 * Each formula reaches rehype-katex inside a `<span data-math-source>` holding the source as
 * written (`$x$`, delimiters included) and its paragraph, made by `rich-text.ts`; the span is
 * removed here.
 */
import type { Element, ElementContent, Root } from "hast";
import type { VFile } from "vfile";
import { CONTINUE, SKIP, visit } from "unist-util-visit";

/** The properties of the span that wraps each formula for rehype-katex: the formula as written, and its paragraph. */
export const MATH_SOURCE = "dataMathSource";
export const MATH_PARAGRAPH = "dataMathParagraph";

/** A formula KaTeX could not typeset. */
export interface MathError {
  /** The formula as written, delimiters included. */
  source: string;
  /** KaTeX's message. */
  message: string;
  /** The paragraph (0-based) of the text it is in. */
  paragraph: number;
}

/** What the plugin leaves in `file.data`. */
export interface KatexResults {
  /** Every character typeset math draws, each once, in the order first met. */
  mathCharacters: string;
  mathErrors: MathError[];
}

declare module "vfile" {
  interface DataMap {
    katexResults: KatexResults;
  }
}

export default function rehypeKatexResults() {
  return (tree: Root, file: VFile): void => {
    // rehype-katex reports each formula KaTeX refused, then typesets it leniently: an undefined
    // command in colour (no error box), a syntax error as KaTeX's error box. Both are failures.
    const refused = new Map<unknown, string>();
    for (const message of file.messages) {
      if (message.source !== "rehype-katex") continue;
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      refused.set(message.ancestors?.at(-2), cause);
    }
    const seen = new Set<string>();
    const mathErrors: MathError[] = [];
    visit(tree, "element", (node, index, parent) => {
      const source = node.properties[MATH_SOURCE];
      if (typeof source !== "string" || parent === undefined || index === undefined) return CONTINUE;
      const box = node.children.find((child) => isElement(child) && hasClass(child, "katex-error"));
      const error = refused.get(node) ?? (box && isElement(box) ? String(box.properties.title) : undefined);
      let replacement: ElementContent[] = node.children;
      if (error !== undefined) {
        mathErrors.push({
          source,
          // KaTeX underlines the place of the error with combining low lines (U+0332): plain text here.
          message: error.replace(/^ParseError: /, "").replace(/\u0332/g, ""),
          paragraph: Number(node.properties[MATH_PARAGRAPH] ?? 0),
        });
        replacement = [{ type: "text", value: source }];
      } else collectCharacters(node, seen);
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
    file.data.katexResults = { mathCharacters: [...seen].join(""), mathErrors };
  };
}

function collectCharacters(math: Element, seen: Set<string>): void {
  visit(math, (inner) => {
    if (inner.type === "element" && inner.tagName === "annotation") return SKIP;
    if (inner.type === "text") for (const ch of inner.value) seen.add(ch);
    return CONTINUE;
  });
}

function isElement(node: ElementContent): node is Element {
  return node.type === "element";
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}
