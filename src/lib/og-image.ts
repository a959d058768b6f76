/**
 * Drawing preview cards to PNG: satori lays the card out as SVG (text as paths), sharp rasterises
 * it to a 64-colour palette PNG, which looks the same as a full-colour one at a third of the size
 * (about 20 KB: 200 MB for 10,000 papers instead of 500). Drawing takes about 70 ms a card, so
 * images are cached by their content (the card's text and the layout version) in a folder that
 * outlives `dist/`: a rebuild draws only the papers whose card changed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import satori, { type Font } from "satori";
import sharp from "sharp";
import { OG_HEIGHT, OG_LAYOUT_VERSION, OG_WIDTH, ogCardElement, type OgCard } from "./og-card.ts";

/** Inter's subsets that hold the letters of European names and titles, and Greek for math. */
const INTER_SUBSETS = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"];

/** The CSS font-family list that draws a card with every subset. */
export const OG_FONT_FAMILY = INTER_SUBSETS.map((subset) => `"Inter ${subset}"`).join(", ");

/**
 * Inter regular and bold, read from the @fontsource/inter package (WOFF: satori cannot read
 * WOFF2). Each subset is its own family, named in `OG_FONT_FAMILY`'s fallback list: satori looks
 * for a missing glyph in the next family, not in another font of the same name.
 */
export function interFonts(): Font[] {
  const require = createRequire(import.meta.url);
  return INTER_SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: `Inter ${subset}`,
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
}

/** The cache key of a card: equal cards drawn by the same layout give the same image. */
export function ogCardHash(card: OgCard): string {
  return createHash("sha256")
    .update(JSON.stringify({ layout: OG_LAYOUT_VERSION, card }))
    .digest("hex")
    .slice(0, 32);
}

export interface OgImageRenderer {
  /** The card as a 1200x630 PNG, from the cache when it was drawn before. */
  render(card: OgCard): Promise<Uint8Array<ArrayBuffer>>;
  /** How many cards were drawn, and how many came from the cache. */
  readonly counts: { drawn: number; cached: number };
}

/** A renderer drawing with `fonts`, caching PNGs in `cacheDir` (none when null). */
export function createOgImageRenderer(options: { fonts: Font[]; cacheDir: string | null }): OgImageRenderer {
  const { fonts, cacheDir } = options;
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const counts = { drawn: 0, cached: 0 };
  return {
    counts,
    async render(card) {
      const file = cacheDir ? join(cacheDir, `${ogCardHash(card)}.png`) : null;
      if (file) {
        const cached = readCached(file);
        if (cached) {
          counts.cached++;
          return cached;
        }
      }
      const svg = await satori(ogCardElement(card, OG_FONT_FAMILY), { width: OG_WIDTH, height: OG_HEIGHT, fonts });
      // Effort 1 quantises four times faster than the default for a file 5% larger. The copy into
      // a plain ArrayBuffer is what a Response body accepts.
      const png = new Uint8Array(
        await sharp(Buffer.from(svg)).png({ palette: true, colors: 64, effort: 1, compressionLevel: 6 }).toBuffer(),
      );
      counts.drawn++;
      if (file) {
        // Written aside then renamed, so that an interrupted build never leaves half an image in the cache.
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, png);
        renameSync(partial, file);
      }
      return png;
    },
  };
}

function readCached(file: string): Uint8Array<ArrayBuffer> | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
