/** Typeset math as a visitor's browser draws it, in Chromium against the built site. */
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";

const built = useBuiltSite();

describe("math on a paper page", () => {
  it("is drawn in KaTeX's fonts, fetched from the site as small subsets, and only those the math uses", async () => {
    const page = await built.browser.newPage();
    const fonts: { url: string; bytes: number }[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "font")
        fonts.push({ url: response.url(), bytes: (await response.body()).length });
    });
    // M6-T: `$k$` and `$C$` use KaTeX_Math, `$1$` uses KaTeX_Main.
    await page.goto(`${built.site.url}papers/2105.15082/`, { waitUntil: "networkidle" });
    const drawn = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        main: document.fonts.check("16px KaTeX_Main", "1"),
        math: document.fonts.check("italic 16px KaTeX_Math", "k"),
        loaded: [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family),
      };
    });
    expect(drawn.main).toBe(true);
    expect(drawn.math).toBe(true);
    expect(drawn.loaded.map((family) => family.replace(/"/g, "")).sort()).toEqual(["KaTeX_Main", "KaTeX_Math"]);
    await expect.poll(() => fonts.length).toBe(2);
    for (const font of fonts) {
      expect(font.url.startsWith(`${built.site.url}fonts/katex/`)).toBe(true);
      expect(font.bytes).toBeLessThan(8_000);
    }
    await page.close();
  });

  it("fetches no font on a page without math", async () => {
    const page = await built.browser.newPage();
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(request.url());
    });
    await page.goto(`${built.site.url}papers/2206.01958/`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);
    await page.close();
  });
});
