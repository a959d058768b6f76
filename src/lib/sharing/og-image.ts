/**
 * Drawing preview cards to PNG, in three steps the bench times one by one (scripts/og-cost.ts):
 *
 * 1. layout (`og-card.ts`): lines of text and their places, measured in Inter's metrics
 *    (opentype.js reads the fonts of @fontsource/inter);
 * 2. drawing: each letter is stamped from a mask drawn once per letter and size (sharp
 *    rasterises the glyph outlines, a batch at a time), into palette indices: 31 levels of
 *    coverage of each ink over white;
 * 3. encoding: a palette PNG (`sharing/indexed-png.ts`), about 20 KB.
 *
 * This costs about 2 ms a card where satori's layout and sharp's rasterising and encoding of the
 * same card cost about 60 ms (see "Scale" in the README). Images are cached by content (what
 * the card shows and the layout version) in a folder that outlives `dist/`: a rebuild draws
 * only the papers whose card changed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import opentype from "opentype.js";
import sharp from "sharp";
import {
  CARD_COLOURS,
  CARD_TEXT_CHARS,
  OG_HEIGHT,
  OG_LAYOUT_VERSION,
  OG_WIDTH,
  authorLine,
  cardText,
  layOutCard,
  type CardFont,
  type CardInk,
  type CardLayout,
  type FontWeight,
  type OgCard,
} from "./og-card.ts";
import { encodeIndexedPng, encodeIndexedRows } from "./indexed-png.ts";

/** zlib's compression level for cards (see `CardPainter.encode`). */
const PNG_LEVEL = 2;

/** Inter's subsets that hold the letters of European names and titles, and Greek for math. */
const INTER_SUBSETS = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"];

/** The fonts cards are drawn in: Inter's subsets by weight, in the order a letter is looked for. */
export interface CardFonts {
  byWeight: Record<FontWeight, opentype.Font[]>;
}

/** Inter regular and bold, every subset, read from the @fontsource/inter package (WOFF). */
export function interFonts(): CardFonts {
  const require = createRequire(import.meta.url);
  const load = (weight: FontWeight) =>
    INTER_SUBSETS.map((subset) => {
      const bytes = readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`));
      return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  return { byWeight: { 400: load(400), 700: load(700) } };
}

/** The cache key of a card: what it shows, as laid out (texts cut as layout cuts them), and the layout version. */
export function ogCardHash(card: OgCard): string {
  const shown = {
    siteName: cardText(card.siteName, CARD_TEXT_CHARS.siteName),
    title: cardText(card.title, CARD_TEXT_CHARS.title),
    authors: cardText(authorLine(card.authors), CARD_TEXT_CHARS.authors),
    year: card.year,
    id: card.id,
  };
  return createHash("sha256")
    .update(JSON.stringify({ layout: OG_LAYOUT_VERSION, shown }))
    .digest("hex")
    .slice(0, 32);
}

interface Letter {
  font: opentype.Font;
  glyph: opentype.Glyph;
  /** In em. */
  advance: number;
  /** Kerning after the glyph of this index, in em, as looked up. */
  kerning: Map<number, number>;
  /** By font size. */
  masks: Map<number, Mask>;
}

interface Mask {
  /** Offset of the mask's top left from the pen position on the baseline, in pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage levels, 0 (none) to LEVELS, row by row. */
  levels: Uint8Array;
}

const LEVELS = 31;
const INKS: readonly CardInk[] = ["accent", "title", "authors", "footer"];
const RULE = 1;
/** Palette index of `ink` at coverage `level` (1..LEVELS); the accent at full coverage is the top border. */
const inkIndex = (ink: CardInk, level: number) => 2 + INKS.indexOf(ink) * LEVELS + (level - 1);

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/** White, the rule's grey, then each ink blended over white at 1/31 ... 31/31. */
const PALETTE: [number, number, number][] = [
  rgb(CARD_COLOURS.background),
  rgb(CARD_COLOURS.rule),
  ...INKS.flatMap((ink) => {
    const colour = rgb(CARD_COLOURS[ink]);
    return Array.from({ length: LEVELS }, (_, i) => {
      const a = (i + 1) / LEVELS;
      return colour.map((c) => Math.round(c * a + 255 * (1 - a))) as [number, number, number];
    });
  }),
];

/** Coverage 0-255 to a level 0..LEVELS. */
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, a) => Math.round((a * LEVELS) / 255));

/** Lays out, draws and encodes cards in `fonts`; keeps every letter's mask once drawn. */
export class CardPainter {
  private readonly letters: Record<FontWeight, Map<number, Letter | null>> = { 400: new Map(), 700: new Map() };
  readonly font: CardFont;

  constructor(private readonly fonts: CardFonts) {
    const latin = fonts.byWeight[400][0]!;
    this.font = {
      ascent: latin.ascender / latin.unitsPerEm,
      descent: -latin.descender / latin.unitsPerEm,
      advance: (text, weight) => this.advance(text, weight),
    };
  }

  /** The first subset's glyph for a code point, or null when no subset has it. */
  private find(codePoint: number, weight: FontWeight): Letter | null {
    const known = this.letters[weight].get(codePoint);
    if (known !== undefined) return known;
    let found: Letter | null = null;
    for (const font of this.fonts.byWeight[weight]) {
      const index = font.charToGlyphIndex(String.fromCodePoint(codePoint));
      if (index > 0) {
        const glyph = font.glyphs.get(index);
        const advance = (glyph.advanceWidth ?? 0) / font.unitsPerEm;
        found = { font, glyph, advance, kerning: new Map(), masks: new Map() };
        break;
      }
    }
    this.letters[weight].set(codePoint, found);
    return found;
  }

  /** The letter a code point is drawn with: its own, else the replacement character's. */
  private letter(codePoint: number, weight: FontWeight): Letter | null {
    return this.find(codePoint, weight) ?? this.find(0xfffd, weight) ?? this.find(0x3f, weight);
  }

  /** Kerning between two letters, in em (none across fonts). */
  private kern(previous: Letter | null, letter: Letter | null): number {
    if (!previous || !letter || previous.font !== letter.font) return 0;
    let value = letter.kerning.get(previous.glyph.index);
    if (value === undefined) {
      value = letter.font.getKerningValue(previous.glyph, letter.glyph) / letter.font.unitsPerEm;
      letter.kerning.set(previous.glyph.index, value);
    }
    return value;
  }

  private advance(text: string, weight: FontWeight): number {
    let total = 0;
    let previous: Letter | null = null;
    for (const char of text) {
      const letter = this.letter(char.codePointAt(0)!, weight);
      total += this.kern(previous, letter) + (letter?.advance ?? 0);
      previous = letter;
    }
    return total;
  }

  /** Draws the masks of the letters in `layout` not drawn yet, all in one SVG rasterised by sharp. */
  private async drawMissingMasks(layout: CardLayout): Promise<void> {
    const missing: { letter: Letter; fontSize: number }[] = [];
    for (const line of layout.lines)
      for (const char of line.text) {
        const letter = this.letter(char.codePointAt(0)!, line.weight);
        if (
          letter &&
          !letter.masks.has(line.fontSize) &&
          !missing.some((m) => m.letter === letter && m.fontSize === line.fontSize)
        )
          missing.push({ letter, fontSize: line.fontSize });
      }
    if (missing.length === 0) return;
    const cells: { letter: Letter; fontSize: number; x: number; box: Omit<Mask, "levels">; path: string }[] = [];
    let x = 0;
    let height = 1;
    for (const { letter, fontSize } of missing) {
      const outline = letter.glyph.getPath(0, 0, fontSize);
      const bounds = outline.getBoundingBox();
      if (outline.commands.length === 0 || !(bounds.x2 > bounds.x1) || !(bounds.y2 > bounds.y1)) {
        letter.masks.set(fontSize, { left: 0, top: 0, width: 0, height: 0, levels: new Uint8Array(0) });
        continue;
      }
      const left = Math.floor(bounds.x1) - 1;
      const top = Math.floor(bounds.y1) - 1;
      const box = { left, top, width: Math.ceil(bounds.x2) - left + 1, height: Math.ceil(bounds.y2) - top + 1 };
      cells.push({ letter, fontSize, x, box, path: letter.glyph.getPath(x - left, -top, fontSize).toPathData(3) });
      x += box.width + 1;
      height = Math.max(height, box.height);
    }
    if (cells.length === 0) return;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="${height}"><path d="${cells.map((c) => c.path).join("")}"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    for (const { letter, fontSize, x: cellX, box } of cells) {
      const levels = new Uint8Array(box.width * box.height);
      for (let row = 0; row < box.height; row++)
        for (let col = 0; col < box.width; col++)
          levels[row * box.width + col] = LEVEL_OF[data[(row * info.width + cellX + col) * info.channels + 3]!]!;
      letter.masks.set(fontSize, { ...box, levels });
    }
  }

  /** Step 1: the card's layout. */
  layOut(card: OgCard): CardLayout {
    return layOutCard(card, this.font);
  }

  /** Step 2: the laid-out card as palette indices, one a pixel. */
  async draw(layout: CardLayout): Promise<Uint8Array> {
    await this.drawMissingMasks(layout);
    const pixels = new Uint8Array(OG_WIDTH * OG_HEIGHT); // all white
    this.drawInto(layout, pixels, OG_WIDTH, 0);
    return pixels;
  }

  /**
   * Draws the card into `pixels`, white (zero) where it is drawn, whose row `y` starts at
   * `y * stride + offset`: a card's own array, or PNG rows (`stride` one more than the width,
   * each row after its filter byte) that are deflated as they are.
   */
  private drawInto(layout: CardLayout, pixels: Uint8Array, stride: number, offset: number): void {
    for (const rect of layout.rects) {
      const index = rect.colour === "rule" ? RULE : inkIndex("accent", LEVELS);
      for (let y = rect.y; y < rect.y + rect.height; y++)
        pixels.fill(index, y * stride + offset + rect.x, y * stride + offset + rect.x + rect.width);
    }
    for (const line of layout.lines) {
      const base = inkIndex(line.ink, 1) - 1;
      let pen = line.x;
      let previous: Letter | null = null;
      for (const char of line.text) {
        const letter = this.letter(char.codePointAt(0)!, line.weight);
        pen += this.kern(previous, letter) * line.fontSize;
        previous = letter;
        if (!letter) continue;
        const mask = letter.masks.get(line.fontSize)!;
        const left = Math.round(pen) + mask.left;
        const top = line.baseline + mask.top;
        pen += letter.advance * line.fontSize + line.letterSpacing;
        // Masks are drawn inside the card (its padding is wider than any letter's overhang); clip anyway.
        const fromCol = Math.max(0, -left);
        const toCol = Math.min(mask.width, OG_WIDTH - left);
        const fromRow = Math.max(0, -top);
        const toRow = Math.min(mask.height, OG_HEIGHT - top);
        const { levels, width } = mask;
        for (let row = fromRow; row < toRow; row++) {
          const at = (top + row) * stride + offset + left;
          const from = row * width;
          for (let col = fromCol; col < toCol; col++) {
            const level = levels[from + col]!;
            // Letters that touch (kerning) keep the darker edge; inks never overlap.
            if (level !== 0 && pixels[at + col]! < base + level) pixels[at + col] = base + level;
          }
        }
      }
    }
  }

  /**
   * Step 3: the pixels as a PNG. zlib's level 2 deflates a card in about a third of the time of
   * its default level 6, for a file a tenth larger (about 28 KB instead of 26).
   */
  encode(pixels: Uint8Array): Uint8Array<ArrayBuffer> {
    return encodeIndexedPng({ width: OG_WIDTH, height: OG_HEIGHT, palette: PALETTE, pixels }, PNG_LEVEL);
  }

  /** PNG rows the painter draws every card into, one after the other. */
  private readonly rows = new Uint8Array((OG_WIDTH + 1) * OG_HEIGHT);

  /**
   * All three steps, as `encode(await draw(layOut(card)))` makes them, the pixels drawn straight
   * into PNG rows that are kept for the next card: no card's own array to copy, and no
   * megabyte and a half of fresh memory a card, which kept the collector busy (a card took
   * 3.1 ms to encode so, against 1.6 ms to deflate).
   */
  async paint(card: OgCard): Promise<Uint8Array<ArrayBuffer>> {
    const layout = this.layOut(card);
    await this.drawMissingMasks(layout);
    this.rows.fill(0);
    this.drawInto(layout, this.rows, OG_WIDTH + 1, 1);
    return encodeIndexedRows({ width: OG_WIDTH, height: OG_HEIGHT, palette: PALETTE, rows: this.rows }, PNG_LEVEL);
  }
}

/** Keeps PNGs by card hash in `cacheDir`. */
export class OgImageCache {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  file(hash: string): string {
    return join(this.dir, `${hash}.png`);
  }

  has(hash: string): boolean {
    return existsSync(this.file(hash));
  }

  read(hash: string): Uint8Array<ArrayBuffer> | null {
    try {
      return readFileSync(this.file(hash));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  /** Written aside then renamed, so that an interrupted build never leaves half an image in the cache. */
  write(hash: string, png: Uint8Array): void {
    const partial = `${this.file(hash)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, this.file(hash));
  }
}

export interface OgImageRenderer {
  /** The card as a 1200x630 PNG, from the cache when it was drawn before. */
  render(card: OgCard): Promise<Uint8Array<ArrayBuffer>>;
  /** How many cards were drawn, and how many came from the cache. */
  readonly counts: { drawn: number; cached: number };
}

/** A renderer drawing with `fonts`, caching PNGs in `cacheDir` (none when null). */
export function createOgImageRenderer(options: { fonts: CardFonts; cacheDir: string | null }): OgImageRenderer {
  const painter = new CardPainter(options.fonts);
  const cache = options.cacheDir ? new OgImageCache(options.cacheDir) : null;
  const counts = { drawn: 0, cached: 0 };
  return {
    counts,
    async render(card) {
      const hash = ogCardHash(card);
      const cached = cache?.read(hash);
      if (cached) {
        counts.cached++;
        return cached;
      }
      const png = await painter.paint(card);
      counts.drawn++;
      cache?.write(hash, png);
      return png;
    },
  };
}
