/**
 * The preview card a shared paper link shows (Open Graph image, 1200x630): the catalogue's name,
 * the title, the authors, the arXiv id and the year. Pure layout: `og-image.ts` draws it.
 * Long titles get a smaller type and are cut with an ellipsis after the lines that fit; long
 * author lists name the first few and count the rest.
 */
import type { Paper } from "./paper.ts";
import type { SocialImage } from "./scholar-meta.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Bump when the layout or the image encoding changes, so that cached images are drawn again. */
export const OG_LAYOUT_VERSION = 1;

/** Everything a card shows; two papers with equal cards share one image. */
export interface OgCard {
  siteName: string;
  title: string;
  authors: string[];
  year: number;
  /** The arXiv id, shown as `arXiv:<id>`. */
  id: string;
}

/** An element tree in the shape satori reads (what JSX would make). */
export interface CardNode {
  type: "div";
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
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

const PADDING_X = 72;
const TEXT_WIDTH = OG_WIDTH - 2 * PADDING_X;
/** Height left for the title once the name, authors and footer are placed. */
const TITLE_HEIGHT = 290;
const LINE_HEIGHT = 1.15;
/** Inter Bold's average advance, in em, over English titles (measured, with a margin for word wrap). */
const TITLE_EM_PER_CHAR = 0.6;
const TITLE_SIZES = [72, 64, 56, 50, 44];
const AUTHOR_SIZE = 30;
/** About two lines of authors at 30 px. */
const AUTHOR_CHARS = 120;

/** The largest type size at which the title fits, and how many lines it may take (then an ellipsis). */
export function titleLayout(title: string): { fontSize: number; maxLines: number } {
  const length = Array.from(title).length;
  for (const fontSize of TITLE_SIZES) {
    const maxLines = Math.floor(TITLE_HEIGHT / (fontSize * LINE_HEIGHT));
    const perLine = TEXT_WIDTH / (fontSize * TITLE_EM_PER_CHAR);
    if (Math.ceil(length / perLine) <= maxLines) return { fontSize, maxLines };
  }
  const fontSize = TITLE_SIZES.at(-1)!;
  return { fontSize, maxLines: Math.floor(TITLE_HEIGHT / (fontSize * LINE_HEIGHT)) };
}

/** "A, B, C and 22 others": as many names as fit in `maxChars`, at least one, then how many more. */
export function authorLine(names: readonly string[], maxChars = AUTHOR_CHARS): string {
  const all = names.join(", ");
  if (all.length <= maxChars || names.length <= 1) return all;
  let shown = 1;
  const line = (n: number) => {
    const rest = names.length - n;
    return `${names.slice(0, n).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
  };
  while (shown < names.length - 1 && line(shown + 1).length <= maxChars) shown++;
  return line(shown);
}

/** The card as an element tree for satori, drawn in `fontFamily` (a CSS font-family list). */
export function ogCardElement(card: OgCard, fontFamily: string): CardNode {
  const { fontSize, maxLines } = titleLayout(card.title);
  const text = (style: Record<string, string | number>, children: string): CardNode => ({
    type: "div",
    props: { style: { display: "block", ...style }, children },
  });
  return {
    type: "div",
    props: {
      style: {
        display: "flex",
        flexDirection: "column",
        boxSizing: "border-box",
        width: OG_WIDTH,
        height: OG_HEIGHT,
        padding: `56px ${PADDING_X}px 52px`,
        backgroundColor: "#ffffff",
        borderTop: "14px solid #124ca9",
        fontFamily,
        color: "#18181b",
      },
      children: [
        text({ fontSize: 28, fontWeight: 700, color: "#124ca9", lineClamp: 1 }, card.siteName),
        text(
          {
            marginTop: 24,
            fontSize,
            fontWeight: 700,
            lineHeight: LINE_HEIGHT,
            lineClamp: maxLines,
            letterSpacing: "-0.01em",
          },
          card.title,
        ),
        text(
          { marginTop: 24, fontSize: AUTHOR_SIZE, lineHeight: 1.3, color: "#3f3f46", lineClamp: 2 },
          authorLine(card.authors),
        ),
        {
          type: "div",
          props: {
            style: {
              display: "flex",
              marginTop: "auto",
              justifyContent: "space-between",
              fontSize: 28,
              color: "#52525b",
              borderTop: "2px solid #e4e4e7",
              paddingTop: 20,
            },
            children: [text({}, `arXiv:${card.id}`), text({}, String(card.year))],
          },
        },
      ],
    },
  };
}
