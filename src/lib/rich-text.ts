/**
 * The three forms of every text the catalogue shows (a title, an abstract): the raw TeX source
 * as written (for citations), plain Unicode text (for titles, meta tags, feeds and search), and
 * typeset HTML (for pages). HTML comes from one unified pipeline: the TeX is read by `tex.ts`,
 * written out as markdown in which every character is literal except math, emphasis and links,
 * then remark-math and rehype-katex typeset the math at build time.
 */
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { remarkHtmlAsText } from "./remark-html-as-text.ts";
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
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkHtmlAsText)
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
    html: renderMarkdown(paragraphs.map(toMarkdown).join("\n\n")),
  };
}

/** Renders a one-line TeX text (a title) to inline HTML, with no wrapping `<p>`. */
export function inlineRichText(raw: string): RichText {
  const nodes = parseTex(raw.replace(/\s+/g, " ").trim());
  const html = renderMarkdown(toMarkdown(nodes))
    .replace(/^<p>/, "")
    .replace(/<\/p>$/, "");
  return { raw, text: texToPlainText(nodes), html };
}

function renderMarkdown(markdown: string): string {
  return String(pipeline.processSync(markdown)).trim();
}

/** CommonMark lets any ASCII punctuation be escaped with a backslash, which makes it literal. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** Markdown for parsed TeX, in which only math, emphasis and links are markup. */
export function toMarkdown(nodes: TexNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
          return escapeMarkdown(node.value);
        case "math":
          return node.display ? `$$\\displaystyle ${node.value}$$` : `$${node.value}$`;
        case "link":
          return `[${escapeMarkdown(node.label)}](<${node.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        case "emphasis":
          return `*${toMarkdown(node.children)}*`;
        case "strong":
          return `**${toMarkdown(node.children)}**`;
      }
    })
    .join("");
}
