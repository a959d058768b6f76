import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import katex from "katex";
import { describe, expect, it } from "vitest";
import {
  fontFaceCss,
  katexFontFaces,
  katexFontsFor,
  mathCharacters,
  showsMath,
  subsetKatexFonts,
  withoutFontFaces,
} from "../../../src/lib/text/katex-fonts.ts";
import { inlineRichText, richText } from "../../../src/lib/text/rich-text.ts";

const katexCss = createRequire(import.meta.url).resolve("katex/dist/katex.min.css");
const css = readFileSync(katexCss, "utf8");
const readFont = (source: string) => readFileSync(join(dirname(katexCss), source));

describe("KaTeX's stylesheet", () => {
  it("declares 20 faces, each with a WOFF2 file that KaTeX ships", () => {
    const faces = katexFontFaces(css);
    expect(faces).toHaveLength(20);
    expect(faces).toContainEqual({
      family: "KaTeX_Main",
      style: "normal",
      weight: "400",
      source: "fonts/KaTeX_Main-Regular.woff2",
    });
    for (const face of faces) expect(existsSync(join(dirname(katexCss), face.source))).toBe(true);
  });

  it("keeps every other rule when its @font-face rules are dropped", () => {
    const stripped = withoutFontFaces(css);
    expect(stripped).not.toContain("@font-face");
    expect(stripped).not.toContain(".woff");
    expect(stripped).toContain(".katex .mathnormal{font-family:KaTeX_Math");
    expect(stripped.length).toBeGreaterThan(css.length / 2);
  });
});

describe("mathCharacters", () => {
  it("gathers the characters of every text's math, each once, in the order first met", () => {
    const texts = [richText("Plain $k_1 + x$"), richText("no math"), inlineRichText("$x \\leq \\alpha$")];
    const chars = mathCharacters(texts);
    expect(new Set(chars).size).toBe([...chars].length);
    for (const ch of ["k", "1", "+", "x", "≤", "α"]) expect(chars).toContain(ch);
    expect(chars.indexOf("k")).toBeLessThan(chars.indexOf("α"));
    expect(mathCharacters([richText("no math, only $5.")])).toBe("");
  });

  it("finds nothing in a text without math, and says so", () => {
    expect(showsMath("<p>No math here, only $5.</p>")).toBe(false);
    expect(showsMath(katex.renderToString("x"))).toBe(true);
  });
});

// HarfBuzz cuts each font in a few hundred milliseconds; a busy machine takes ten times as long.
describe("subsetKatexFonts", { timeout: 30_000 }, () => {
  const faces = katexFontFaces(css).filter((face) => face.family === "KaTeX_Main" || face.family === "KaTeX_Math");

  it("cuts each font to the characters given and names it by its content", async () => {
    const fonts = await subsetKatexFonts(faces, "1k", readFont);
    expect(fonts).toHaveLength(faces.length);
    for (const font of fonts) {
      expect(font.file).toMatch(/^KaTeX_[\w-]+\.[0-9a-f]{10}\.woff2$/);
      expect(Buffer.from(font.bytes.subarray(0, 4)).toString()).toBe("wOF2");
      expect(font.bytes.length).toBeLessThan(readFont(font.source).length / 3);
    }
    const again = await subsetKatexFonts(faces, "1k", readFont);
    expect(again.map((font) => font.file)).toEqual(fonts.map((font) => font.file));
    const more = await subsetKatexFonts(faces, "1kxyz", readFont);
    expect(more.map((font) => font.file)).not.toEqual(fonts.map((font) => font.file));
  });

  it("makes no fonts for a catalogue without math", async () => {
    expect(await subsetKatexFonts(faces, "", readFont)).toEqual([]);
  });

  it("declares each font at its URL", async () => {
    const [font] = await subsetKatexFonts(faces.slice(0, 1), "1", readFont);
    expect(fontFaceCss([font!], (file) => `/catalogue/fonts/katex/${file}`)).toBe(
      `@font-face{font-display:block;font-family:${font!.family};font-style:${font!.style};` +
        `font-weight:${font!.weight};src:url(/catalogue/fonts/katex/${font!.file}) format("woff2")}`,
    );
  });
});

describe("katexFontsFor", { timeout: 30_000 }, () => {
  it("cuts every installed KaTeX font to the characters given", async () => {
    const fonts = await katexFontsFor(richText("$x^2$").mathCharacters);
    expect(fonts.map((font) => font.source)).toEqual(katexFontFaces(css).map((face) => face.source));
    expect(await katexFontsFor(richText("no math").mathCharacters)).toEqual([]);
  });
});
