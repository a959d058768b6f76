import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodeIndexedPng } from "../../../src/lib/sharing/indexed-png.ts";

describe("encodeIndexedPng", () => {
  it("writes a palette PNG that libvips reads back pixel for pixel", async () => {
    const palette = [
      [255, 255, 255],
      [18, 76, 169],
      [24, 24, 27],
    ] as const;
    const pixels = Uint8Array.from([0, 1, 2, 2, 1, 0]);
    const png = encodeIndexedPng({ width: 3, height: 2, palette, pixels });
    expect(png[25]).toBe(3);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([3, 2]);
    expect([...data]).toEqual([...pixels].flatMap((index) => [...palette[index]!]));
  });

  it("refuses a palette of more than 256 colours and pixels that are not width x height", () => {
    const palette = Array.from({ length: 257 }, () => [0, 0, 0] as const);
    expect(() => encodeIndexedPng({ width: 1, height: 1, palette, pixels: new Uint8Array(1) })).toThrow(/256/);
    expect(() => encodeIndexedPng({ width: 2, height: 2, palette: [[0, 0, 0]], pixels: new Uint8Array(3) })).toThrow(
      /3 pixels for a 2x2 image/,
    );
  });
});
