/**
 * KaTeX's fonts, cut down to the characters the catalogue's math shows.
 *
 * A page with math loads each KaTeX font its formulas use, whole: `$1$` and `$k$` alone cost
 * 42 KB (KaTeX_Main and KaTeX_Math), more than the rest of the page. The build knows every
 * formula, so each font is subset (with HarfBuzz, through `subset-font`) to the characters that
 * typeset math contains (collected as it is typeset: `text/rehype-katex-results.ts`), and named
 * by a hash of its bytes so that a browser never keeps a subset that lacks a character added
 * later. KaTeX's own `@font-face` rules are dropped from its
 * stylesheet (`src/integrations/katex-css.ts`) and pages declare these instead.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

/** Whether rendered HTML holds typeset math. */
export function showsMath(html: string): boolean {
  return html.includes('class="katex');
}

/** Every character of `texts`' math, each once, in the order first met. */
export function mathCharacters(texts: Iterable<{ mathCharacters: string }>): string {
  const seen = new Set<string>();
  for (const text of texts) for (const ch of text.mathCharacters) seen.add(ch);
  return [...seen].join("");
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

/** KaTeX's fonts, as installed, cut to `characters` (those that the catalogue's math draws). */
export function katexFontsFor(characters: string): Promise<SubsetFont[]> {
  const stylesheet = createRequire(import.meta.url).resolve("katex/dist/katex.min.css");
  return subsetKatexFonts(katexFontFaces(readFileSync(stylesheet, "utf8")), characters, (source) =>
    readFileSync(join(dirname(stylesheet), source)),
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
