/**
 * The preview card a shared paper link shows (Open Graph image, 1200x630): the catalogue's name,
 * the title, the authors, the arXiv id and the year. Pure layout, over a font's measures: where
 * each line of text goes, broken into lines as a browser would (at spaces and after hyphens, a
 * word wider than a line at its letters). `og-image.ts` draws it.
 *
 * The title gets the largest type size at which it fits, and is cut with an ellipsis after the
 * lines that fit at the smallest; long author lists name the first few and count the rest. A
 * card's cost is bounded whatever the paper holds: each text is cut, by characters, to more
 * than its box can ever show before it is laid out (`cardText`).
 */
import type { Paper } from "../content/paper.ts";
import type { SocialImage } from "../citing/scholar-meta.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Bump when the layout or the image encoding changes, so that cached images are drawn again. */
export const OG_LAYOUT_VERSION = 2;

/** Everything a card shows; two papers with equal cards share one image. */
export interface OgCard {
  siteName: string;
  title: string;
  authors: string[];
  year: number;
  /** The arXiv id, shown as `arXiv:<id>`. */
  id: string;
}

/** The colours a card is drawn in, by role. */
export const CARD_COLOURS = {
  background: "#ffffff",
  accent: "#124ca9",
  title: "#18181b",
  authors: "#3f3f46",
  footer: "#52525b",
  rule: "#e4e4e7",
} as const;

export type CardInk = "accent" | "title" | "authors" | "footer";

export type FontWeight = 400 | 700;

/** A font's measures, in em (the font size is 1): what layout needs to know of the font. */
export interface CardFont {
  /** The advance of `text` set in one line, kerning included, without letter spacing. */
  advance(text: string, weight: FontWeight): number;
  /** Height above and depth below the baseline of a line's content (positive numbers). */
  ascent: number;
  descent: number;
}

/** One line of text to draw: its left edge and baseline in pixels. */
export interface CardLine {
  text: string;
  x: number;
  baseline: number;
  fontSize: number;
  weight: FontWeight;
  /** Added after each character, in pixels. */
  letterSpacing: number;
  ink: CardInk;
}

export interface CardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: "accent" | "rule";
}

export interface CardLayout {
  rects: CardRect[];
  lines: CardLine[];
}

export function ogCard(paper: Paper, siteName: string): OgCard {
  return {
    siteName,
    title: paper.title.text,
    authors: paper.authors.map((a) => a.name),
    year: paper.year,
    id: paper.id,
  };
}

/** The card as a page's preview image served at `url` (absolute), with its text alternative. */
export function ogImage(paper: Paper, url: string): SocialImage {
  const authors = authorLine(paper.authors.map((a) => a.name));
  return {
    url,
    width: OG_WIDTH,
    height: OG_HEIGHT,
    alt: `${paper.title.text}${authors ? `, by ${authors}` : ""} (${paper.year})`,
  };
}

const BORDER_TOP = 14;
const PADDING_X = 72;
const PADDING_TOP = 56;
const PADDING_BOTTOM = 52;
const TEXT_WIDTH = OG_WIDTH - 2 * PADDING_X;
/** Height left for the title once the name, authors and footer are placed. */
const TITLE_HEIGHT = 290;
const TITLE_LINE_HEIGHT = 1.15;
const TITLE_LETTER_SPACING = -0.01;
const TITLE_SIZES = [72, 64, 56, 50, 44];
const NAME_SIZE = 28;
const AUTHOR_SIZE = 30;
const AUTHOR_LINE_HEIGHT = 1.3;
const AUTHOR_LINES = 2;
const FOOTER_SIZE = 28;
const FOOTER_RULE = 2;
const FOOTER_PADDING = 20;
const GAP = 24;
/** About two lines of authors at 30 px. */
const AUTHOR_CHARS = 120;

/**
 * The most characters a card lays out of each text: more than its box shows at the smallest
 * size in the narrowest letters of Inter (about 0.25 em: 5 lines of 1,056 px at 44 px hold
 * about 480), so that cutting here never changes a card but bounds its cost.
 */
export const CARD_TEXT_CHARS = { siteName: 200, title: 600, authors: 300 } as const;

const ELLIPSIS = "\u2026";

/**
 * What a card lays out of `text`: NFC (so that accents are one letter), runs of white space made
 * one space, and at most `max` characters (code points), read no further than needed; an ellipsis
 * marks a cut.
 */
export function cardText(text: string, max: number): string {
  let out = "";
  let count = 0;
  let space = false;
  // Normalising first would read all of a huge text: normalise a generous prefix, then cut.
  const prefix = text.length > max * 4 ? text.slice(0, max * 4) : text;
  for (const char of prefix.normalize("NFC")) {
    if (/\s/u.test(char)) {
      space = count > 0;
      continue;
    }
    if (space) {
      if (count + 1 >= max) return `${out}${ELLIPSIS}`;
      out += " ";
      count++;
      space = false;
    }
    if (count >= max) return `${out}${ELLIPSIS}`;
    out += char;
    count++;
  }
  return prefix.length < text.length ? `${out}${ELLIPSIS}` : out;
}

/** "A, B, C and 22 others": as many names as fit in `maxChars`, at least one, then how many more. */
export function authorLine(names: readonly string[], maxChars = AUTHOR_CHARS): string {
  let length = -2;
  for (const name of names) {
    length += name.length + 2;
    if (length > maxChars) break;
  }
  if (length <= maxChars || names.length <= 1) return names.join(", ");
  let shown = 1;
  const line = (n: number) => {
    const rest = names.length - n;
    return `${names.slice(0, n).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
  };
  while (shown < names.length - 1 && line(shown + 1).length <= maxChars) shown++;
  return line(shown);
}

/** The pieces a line may break after: words with the space that follows, and after hyphens. */
function pieces(text: string): string[] {
  return text.match(/[^\s-]*-+|[^\s-]+\s*|\s+/gu) ?? [];
}

/**
 * `text` broken into at most `maxLines` lines of at most `width` pixels at `fontSize`; when it
 * does not all fit, the last line ends in an ellipsis. Returns the lines and whether all fitted.
 * Pieces are measured one by one (the kerning across a break opportunity is left out).
 */
export function breakLines(
  text: string,
  options: {
    font: CardFont;
    fontSize: number;
    weight: FontWeight;
    letterSpacing?: number;
    width: number;
    maxLines: number;
  },
): { lines: string[]; fits: boolean } {
  const { font, fontSize, weight, width, maxLines } = options;
  const spacing = options.letterSpacing ?? 0;
  const measure = (s: string) => fontSize * font.advance(s, weight) + spacing * s.length;
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  let shown = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = "";
    lineWidth = 0;
  };
  const add = (piece: string, pieceWidth: number) => {
    line += piece;
    lineWidth += pieceWidth;
    shown += piece.length;
  };
  for (const piece of pieces(text)) {
    if (lines.length >= maxLines) break;
    const word = piece.trimEnd();
    if (lineWidth + measure(word) <= width) {
      add(piece, measure(piece));
      continue;
    }
    if (line !== "") push();
    if (lines.length >= maxLines) break;
    if (measure(word) <= width) {
      add(piece, measure(piece));
      continue;
    }
    // A word wider than the line: broken at its letters.
    for (const char of piece) {
      const charWidth = measure(char);
      if (line !== "" && /\S/u.test(char) && lineWidth + charWidth > width) {
        push();
        if (lines.length >= maxLines) break;
      }
      add(char, charWidth);
    }
  }
  if (line !== "" && lines.length < maxLines) push();
  if (shown >= text.length) return { lines, fits: true };
  // Cut the last line until it and an ellipsis fit.
  const last = Array.from(lines.at(-1) ?? "");
  while (last.length > 0 && measure(`${last.join("").trimEnd()}${ELLIPSIS}`) > width) last.pop();
  lines[lines.length - 1] = `${last.join("").trimEnd()}${ELLIPSIS}`;
  return { lines, fits: false };
}

/** The baseline of a line whose box starts at `top`, content centred in the box as CSS does. */
function baselineIn(top: number, fontSize: number, lineHeight: number, font: CardFont): number {
  const content = (font.ascent + font.descent) * fontSize;
  return Math.round(top + (fontSize * lineHeight - content) / 2 + font.ascent * fontSize);
}

/** Where everything on the card goes, measured in `font`. */
export function layOutCard(card: OgCard, font: CardFont): CardLayout {
  const lines: CardLine[] = [];
  const rects: CardRect[] = [{ x: 0, y: 0, width: OG_WIDTH, height: BORDER_TOP, colour: "accent" }];
  const normalLine = font.ascent + font.descent;
  let top = BORDER_TOP + PADDING_TOP;

  const name = breakLines(cardText(card.siteName, CARD_TEXT_CHARS.siteName), {
    font,
    fontSize: NAME_SIZE,
    weight: 700,
    width: TEXT_WIDTH,
    maxLines: 1,
  });
  const place = (
    texts: string[],
    fontSize: number,
    lineHeight: number,
    weight: FontWeight,
    ink: CardInk,
    spacing = 0,
  ) => {
    for (const text of texts) {
      lines.push({
        text,
        x: PADDING_X,
        baseline: baselineIn(top, fontSize, lineHeight, font),
        fontSize,
        weight,
        letterSpacing: spacing,
        ink,
      });
      top += fontSize * lineHeight;
    }
  };
  place(name.lines, NAME_SIZE, normalLine, 700, "accent");
  top += GAP;

  const title = cardText(card.title, CARD_TEXT_CHARS.title);
  let set: { fontSize: number; lines: string[] } | null = null;
  for (const fontSize of TITLE_SIZES) {
    const broken = breakLines(title, {
      font,
      fontSize,
      weight: 700,
      letterSpacing: TITLE_LETTER_SPACING * fontSize,
      width: TEXT_WIDTH,
      maxLines: Math.floor(TITLE_HEIGHT / (fontSize * TITLE_LINE_HEIGHT)),
    });
    set = { fontSize, lines: broken.lines };
    if (broken.fits) break;
  }
  place(set!.lines, set!.fontSize, TITLE_LINE_HEIGHT, 700, "title", TITLE_LETTER_SPACING * set!.fontSize);
  top += GAP;

  const authors = breakLines(cardText(authorLine(card.authors), CARD_TEXT_CHARS.authors), {
    font,
    fontSize: AUTHOR_SIZE,
    weight: 400,
    width: TEXT_WIDTH,
    maxLines: AUTHOR_LINES,
  });
  place(authors.lines, AUTHOR_SIZE, AUTHOR_LINE_HEIGHT, 400, "authors");

  const footerTop = OG_HEIGHT - PADDING_BOTTOM - FOOTER_SIZE * normalLine - FOOTER_PADDING - FOOTER_RULE;
  rects.push({ x: PADDING_X, y: Math.round(footerTop), width: TEXT_WIDTH, height: FOOTER_RULE, colour: "rule" });
  const footerBaseline = baselineIn(footerTop + FOOTER_RULE + FOOTER_PADDING, FOOTER_SIZE, normalLine, font);
  const id = `arXiv:${cardText(card.id, 40)}`;
  const year = String(card.year);
  const footer = (text: string, x: number): CardLine => ({
    text,
    x,
    baseline: footerBaseline,
    fontSize: FOOTER_SIZE,
    weight: 400,
    letterSpacing: 0,
    ink: "footer",
  });
  lines.push(footer(id, PADDING_X));
  lines.push(footer(year, PADDING_X + TEXT_WIDTH - FOOTER_SIZE * font.advance(year, 400)));
  return { rects, lines };
}
