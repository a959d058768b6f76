import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { OgCard } from "../../../src/lib/sharing/og-card.ts";
import { CardPainter, createOgImageRenderer, interFonts, ogCardHash } from "../../../src/lib/sharing/og-image.ts";

const card: OgCard = {
  siteName: "Research Catalogue",
  title: "Rényi, Łukasz and α: a title",
  authors: ["An Yang", "Sujian Li"],
  year: 2018,
  id: "1806.03653",
};
const fonts = interFonts();

/** The PNG read back by sharp (libvips' decoder): its size, colour type and RGB pixels. */
async function decode(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  return { width: info.width, height: info.height, colourType: png[25], at, data };
}

describe("CardPainter", () => {
  it("draws a 1200x630 palette PNG: the accent border on top, white ground, dark ink where the title is", async () => {
    const painter = new CardPainter(fonts);
    const layout = painter.layOut(card);
    const image = await decode(painter.encode(await painter.draw(layout)));
    expect([image.width, image.height, image.colourType]).toEqual([1200, 630, 3]); // 3: indexed colour
    expect(image.at(600, 5)).toEqual([0x12, 0x4c, 0xa9]);
    expect(image.at(5, 300)).toEqual([255, 255, 255]);
    // Along the title's baseline, the darkest pixel is the title's ink at full coverage.
    const title = layout.lines.find((line) => line.ink === "title")!;
    const row = Array.from({ length: 1200 }, (_, x) => image.at(x, title.baseline - 10));
    const darkest = row.reduce((a, b) => (a[0]! + a[1]! + a[2]! <= b[0]! + b[1]! + b[2]! ? a : b));
    expect(darkest).toEqual([0x18, 0x18, 0x1b]);
  });

  it("paints each card, one after another into the rows it keeps, exactly as its three steps make it", async () => {
    const painter = new CardPainter(fonts);
    const cards: OgCard[] = [
      card,
      { ...card, title: "A much longer title that wraps onto a second line and maybe a third one", authors: [] },
      { ...card, title: "Short", year: 1999, id: "hep-th/9901001" },
    ];
    const painted = [];
    for (const each of cards) painted.push(await painter.paint(each));
    // The same painter, whose letters are drawn: the three steps one at a time give the same bytes.
    for (const [i, each] of cards.entries()) {
      const stepByStep = painter.encode(await painter.draw(painter.layOut(each)));
      expect(Buffer.from(painted[i]!).equals(Buffer.from(stepByStep)), each.title).toBe(true);
    }
    expect(Buffer.from(painted[0]!).equals(Buffer.from(painted[1]!))).toBe(false);
  });

  it("draws a 1 MB title, a 20,000-letter word and a 1 MB author name like any card", async () => {
    const painter = new CardPainter(fonts);
    for (const title of ["word ".repeat(200_000), "x".repeat(20_000)]) {
      const png = await painter.paint({ ...card, title, authors: ["y".repeat(1_000_000)] });
      expect((await decode(png)).width).toBe(1200);
    }
  });
});

describe("createOgImageRenderer", () => {
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

  it("is the same for titles that differ only past what the card shows", () => {
    const long = "x".repeat(10_000);
    expect(ogCardHash({ ...card, title: `${long}a` })).toBe(ogCardHash({ ...card, title: `${long}b` }));
  });
});
