/**
 * A PNG of palette indices (colour type 3, 8 bits a pixel): the smallest and quickest PNG for an
 * image of a few flat colours and their anti-aliased edges, such as a preview card. Rows are
 * stored unfiltered (what the PNG specification advises for palette images) and deflated by
 * Node's zlib.
 */
import * as zlib from "node:zlib";

export interface IndexedImage {
  width: number;
  height: number;
  /** Colours as [r, g, b], at most 256. */
  palette: readonly (readonly [number, number, number])[];
  /** One palette index a pixel, row by row. */
  pixels: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's CRC-32 where Node has it (20.15 on), else the same sum in JavaScript. */
const crc32: (bytes: Uint8Array) => number =
  (zlib as { crc32?: (bytes: Uint8Array) => number }).crc32 ?? crc32InJavaScript;

function crc32InJavaScript(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The image as PNG bytes; `level` is zlib's compression level (1 fastest, 9 smallest). */
export function encodeIndexedPng(image: IndexedImage, level = 6): Uint8Array<ArrayBuffer> {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height) throw new Error(`${pixels.length} pixels for a ${width}x${height} image`);
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return encodeIndexedRows({ ...image, rows }, level);
}

/**
 * The image as PNG bytes, from its rows as PNG stores them: each row a filter byte (0, none)
 * then its palette indices.
 */
export function encodeIndexedRows(
  image: Omit<IndexedImage, "pixels"> & { rows: Uint8Array },
  level = 6,
): Uint8Array<ArrayBuffer> {
  const { width, height, palette, rows } = image;
  if (palette.length === 0 || palette.length > 256)
    throw new Error(`a PNG palette holds 1 to 256 colours, not ${palette.length}`);
  if (rows.length !== (width + 1) * height)
    throw new Error(`${rows.length} bytes of rows for a ${width}x${height} image`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", Uint8Array.from(palette.flat())),
    chunk("IDAT", zlib.deflateSync(rows, { level })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
