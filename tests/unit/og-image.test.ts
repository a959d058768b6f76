import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OgCard } from "../../src/lib/og-card.ts";
import { createOgImageRenderer, interFonts, ogCardHash } from "../../src/lib/og-image.ts";

const card: OgCard = {
  siteName: "Research Catalogue",
  title: "Rényi, Łukasz and α: a title",
  authors: ["An Yang", "Sujian Li"],
  year: 2018,
  id: "1806.03653",
};
const fonts = interFonts();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("createOgImageRenderer", () => {
  it("draws a 1200x630 palette PNG", async () => {
    const png = await createOgImageRenderer({ fonts, cacheDir: null }).render(card);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png[25]).toBe(3); // IHDR colour type 3: indexed colour, a third of the size of RGBA
    expect(png.byteLength).toBeGreaterThan(5_000);
  });

  it("draws a card once and then reads it from the cache, by content", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "og-cache-"));
    const first = createOgImageRenderer({ fonts, cacheDir });
    const png = await first.render(card);
    expect(readdirSync(cacheDir)).toEqual([`${ogCardHash(card)}.png`]);

    // A later build (a new renderer) takes the file from the cache instead of drawing.
    writeFileSync(join(cacheDir, `${ogCardHash(card)}.png`), "cached bytes");
    const second = createOgImageRenderer({ fonts, cacheDir });
    expect(Buffer.from(await second.render(card)).toString()).toBe("cached bytes");
    expect(second.counts).toEqual({ drawn: 0, cached: 1 });

    await second.render({ ...card, title: "Another title" });
    expect(second.counts).toEqual({ drawn: 1, cached: 1 });
    expect(readdirSync(cacheDir)).toHaveLength(2);
    expect(first.counts).toEqual({ drawn: 1, cached: 0 });
    expect(png.byteLength).toBeGreaterThan(0);
  });
});

describe("ogCardHash", () => {
  it("changes with anything the card shows", () => {
    const hash = ogCardHash(card);
    expect(ogCardHash({ ...card })).toBe(hash);
    for (const change of [
      { title: "x" },
      { authors: ["x"] },
      { year: 2019 },
      { siteName: "x" },
      { id: "1806.03654" },
    ]) {
      expect(ogCardHash({ ...card, ...change })).not.toBe(hash);
    }
  });
});
