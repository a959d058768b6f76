/**
 * KaTeX's fonts, cut down to the characters the catalogue's math shows.
 *
 * A page with math loads each KaTeX font its formulas use, whole: `$1$` and `$k$` alone cost
 * 42 KB (KaTeX_Main and KaTeX_Math), more than the rest of the page. The build knows every
 * formula, so each font is subset (with HarfBuzz, through `subset-font`) to the characters that
 * typeset math contains, and named by a hash of its bytes so that a browser never keeps a subset
 * that lacks a character added later. KaTeX's own `@font-face` rules are dropped from its
 * stylesheet (`src/integrations/katex-fonts.ts`) and pages declare these instead.
 */
import { createHash } from "node:crypto";
import subsetFont from "subset-font";

/** One `@font-face` of KaTeX's stylesheet. */
export interface FontFace {
  family: string;
  style: string;
  weight: string;
  /** The WOFF2 file, relative to KaTeX's stylesheet (`fonts/KaTeX_Main-Regular.woff2`). */
  source: string;
}

/** A font cut down to the catalogue's math. */
export interface SubsetFont extends FontFace {
  /** Its file name where the site serves it, with a hash of its content (`KaTeX_Main-Regular.1a2b3c4d.woff2`). */
  file: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The `@font-face` rules of KaTeX's stylesheet, with their WOFF2 sources. */
export function katexFontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
    const value = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body!)?.[1]?.trim() ?? "";
    const source = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(body!)?.[1];
    if (!source) throw new Error(`a KaTeX @font-face without a WOFF2 source: ${body}`);
    return { family: value("font-family"), style: value("font-style"), weight: value("font-weight"), source };
  });
}

/** Removes the `@font-face` rules from a stylesheet. */
export function withoutFontFaces(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, "");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

/**
 * Every character of the text inside typeset math (`<span class="katex">`, its MathML as well as
 * its HTML: both are drawn in KaTeX's fonts), in the order first met.
 */
export function mathCharacters(html: string): string {
  const seen = new Set<string>();
  for (
    let start = html.indexOf('<span class="katex');
    start !== -1;
    start = html.indexOf('<span class="katex', start)
  ) {
    // The formula ends where the span it opens closes.
    let depth = 0;
    let at = start;
    // The TeX source kept in the MathML's <annotation> is not drawn.
    let inAnnotation = false;
    for (const [token, closing] of html.slice(start).matchAll(/<(\/?)span\b[^>]*>|<[^>]*>|[^<]+/g)) {
      at += token.length;
      if (token.startsWith("<span") || token.startsWith("</span")) {
        depth += closing ? -1 : 1;
        if (depth === 0) break;
      } else if (token.startsWith("<annotation")) inAnnotation = true;
      else if (token.startsWith("</annotation")) inAnnotation = false;
      else if (!token.startsWith("<") && !inAnnotation) for (const ch of decodeEntities(token)) seen.add(ch);
    }
    start = at;
  }
  return [...seen].join("");
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Each of KaTeX's fonts cut to `characters`, named by its content. `read` gives a face's original
 * WOFF2 file. No characters, no fonts: a catalogue without math serves none.
 */
export async function subsetKatexFonts(
  faces: FontFace[],
  characters: string,
  read: (source: string) => Uint8Array,
): Promise<SubsetFont[]> {
  if (characters.trim() === "") return [];
  return Promise.all(
    faces.map(async (face) => {
      const bytes = new Uint8Array(
        await subsetFont(Buffer.from(read(face.source)), characters, { targetFormat: "woff2" }),
      );
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
      const name = face.source.replace(/^.*\//, "").replace(/\.woff2$/, "");
      return { ...face, file: `${name}.${hash}.woff2`, bytes };
    }),
  );
}

/** The `@font-face` rules that declare the subset fonts, each at `url(file)`. */
export function fontFaceCss(fonts: SubsetFont[], url: (file: string) => string): string {
  return fonts
    .map(
      (font) =>
        `@font-face{font-display:block;font-family:${font.family};font-style:${font.style};` +
        `font-weight:${font.weight};src:url(${url(font.file)}) format("woff2")}`,
    )
    .join("");
}
