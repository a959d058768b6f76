import { describe, expect, it } from "vitest";
import {
  CARD_TEXT_CHARS,
  authorLine,
  breakLines,
  cardText,
  layOutCard,
  ogCard,
  ogImage,
  type CardFont,
  type CardLine,
  type OgCard,
} from "../../../src/lib/sharing/og-card.ts";
import { CardPainter, interFonts } from "../../../src/lib/sharing/og-image.ts";
import { seedPaper } from "../paper-fixture.ts";

/** Inter's real measures, as the build lays cards out. */
const inter = new CardPainter(interFonts()).font;

/** The same font, recording every text handed to it to be measured: the layout's input. */
function recording(): { font: CardFont; measured: string[] } {
  const measured: string[] = [];
  return {
    measured,
    font: { ...inter, advance: (text, weight) => (measured.push(text), inter.advance(text, weight)) },
  };
}

const card = (title: string, authors = ["An Yang", "Sujian Li"]): OgCard => ({
  siteName: "Research Catalogue",
  title,
  authors,
  year: 2018,
  id: "1806.03653",
});
const titleLines = (lines: CardLine[]) => lines.filter((line) => line.ink === "title");
const width = (line: CardLine) =>
  line.fontSize * inter.advance(line.text, line.weight) + line.letterSpacing * line.text.length;

describe("cardText", () => {
  it("keeps a title as it is, in NFC, with its runs of white space made one space", () => {
    expect(cardText("SciDTB: Discourse Dependency TreeBank", 600)).toBe("SciDTB: Discourse Dependency TreeBank");
    expect(cardText("Re\u0301nyi  entropy\n of  \u00e9", 600)).toBe("R\u00e9nyi entropy of \u00e9");
  });

  it("cuts a text longer than the card shows to `max` characters and an ellipsis", () => {
    expect(cardText("abcdef", 4)).toBe("abcd\u2026");
    expect(cardText("ab cdef", 3)).toBe("ab\u2026");
    expect(Array.from(cardText("\u{1d400}".repeat(10), 4))).toHaveLength(5); // code points, not UTF-16 units
  });

  it("reads a 1 MB title only as far as the card's limit", () => {
    const cut = cardText("x".repeat(1_000_000), CARD_TEXT_CHARS.title);
    expect(cut).toBe(`${"x".repeat(CARD_TEXT_CHARS.title)}\u2026`);
  });
});

describe("breakLines", () => {
  const options = { font: inter, fontSize: 44, weight: 700 as const, width: 1056, maxLines: 5 };

  it("breaks at spaces and after hyphens, each line within the width", () => {
    const { lines, fits } = breakLines("Sequence-to-Sequence Learning ".repeat(6).trim(), options);
    expect(fits).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(44 * inter.advance(line, 700)).toBeLessThanOrEqual(1056);
    expect(lines.join(" ").replace(/- /g, "-")).toBe("Sequence-to-Sequence Learning ".repeat(6).trim());
  });

  it("breaks a word wider than a line at its letters, and cuts with an ellipsis what does not fit", () => {
    const { lines, fits } = breakLines("x".repeat(5000), options);
    expect(fits).toBe(false);
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 4).every((line) => /^x+$/.test(line))).toBe(true);
    expect(lines[4]).toMatch(/^x+\u2026$/);
    for (const line of lines) expect(44 * inter.advance(line, 700)).toBeLessThanOrEqual(1056);
  });
});

describe("layOutCard", () => {
  it("shows the catalogue's name, the title, the authors, the arXiv id and the year", () => {
    const layout = layOutCard(ogCard(seedPaper("1806.03653"), "Research Catalogue"), inter);
    const byInk = (ink: string) => layout.lines.filter((line) => line.ink === ink).map((line) => line.text);
    expect(byInk("accent")).toEqual(["Research Catalogue"]);
    expect(byInk("title").join(" ")).toBe("SciDTB: Discourse Dependency TreeBank for Scientific Abstracts");
    expect(byInk("authors")).toEqual(["An Yang, Sujian Li"]);
    expect(byInk("footer")).toEqual(["arXiv:1806.03653", "2018"]);
    // Lines go down the card in order, none past its bottom.
    const baselines = layout.lines.slice(0, -1).map((line) => line.baseline);
    expect(baselines).toEqual([...baselines].sort((a, b) => a - b));
    expect(Math.max(...baselines)).toBeLessThan(630);
    // The year is set flush right, at the text's right edge.
    const year = layout.lines.at(-1)!;
    expect(year.x + width(year)).toBeCloseTo(1128, 5);
  });

  it("sets a short title large, and a longer one smaller on more lines, each within the card", () => {
    const short = titleLines(layOutCard(card("M6: A Chinese Multimodal Pretrainer"), inter).lines);
    const long = titleLines(
      layOutCard(
        card(
          "OFA: Unifying Architectures, Tasks, and Modalities Through a Simple Sequence-to-Sequence Learning Framework",
        ),
        inter,
      ).lines,
    );
    expect(new Set(short.map((line) => line.fontSize))).toEqual(new Set([72]));
    expect(long[0]!.fontSize).toBeLessThan(72);
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const line of long) expect(line.x + width(line)).toBeLessThanOrEqual(1128);
    expect(long.map((line) => line.text).join(" ")).not.toContain("\u2026");
  });

  it("lays out no more than the card can show of a 1 MB title, a 20,000-letter word or a 1 MB author", () => {
    for (const title of ["word ".repeat(200_000), "x".repeat(20_000), "x".repeat(5_000)]) {
      const { font, measured } = recording();
      const layout = layOutCard(card(title, ["y".repeat(1_000_000)]), font);
      // What layout is given to measure is the cut text, never the paper's whole title.
      expect(Math.max(...measured.map((text) => text.length))).toBeLessThanOrEqual(CARD_TEXT_CHARS.title + 1);
      const lines = titleLines(layout.lines);
      expect(lines.length).toBeLessThanOrEqual(5);
      expect(lines.at(-1)!.text.endsWith("\u2026")).toBe(true);
      const authors = layout.lines.filter((line) => line.ink === "authors");
      expect(authors).toHaveLength(2);
      expect(authors[1]!.text.endsWith("\u2026")).toBe(true);
    }
  });
});

describe("authorLine", () => {
  it("names every author when they fit", () => {
    expect(authorLine(["An Yang", "Sujian Li"])).toBe("An Yang, Sujian Li");
    expect(authorLine([])).toBe("");
  });

  it("names the first few of a long list and counts the others", () => {
    const names = seedPaper("2103.00823").authors.map((a) => a.name);
    const line = authorLine(names);
    expect(line).toMatch(/^Junyang Lin, Rui Men, An Yang, .* and \d+ others$/);
    expect(line.length).toBeLessThanOrEqual(120);
    const shown = line.replace(/ and \d+ others$/, "").split(", ").length;
    expect(line.endsWith(` and ${names.length - shown} others`)).toBe(true);
  });

  it("says 'other' for one, and always names the first author however long the name", () => {
    const names = ["A Aaaa", "B Bbbb", "C Cccccccccccccccc"];
    expect(authorLine(names, 20)).toBe("A Aaaa and 2 others");
    expect(authorLine(names, 28)).toBe("A Aaaa, B Bbbb and 1 other");
    expect(authorLine(["X".repeat(50), "Y"], 10)).toBe(`${"X".repeat(50)} and 1 other`);
  });
});

describe("ogImage", () => {
  it("describes the card for a page's preview image", () => {
    expect(ogImage(seedPaper("1806.03653"), "https://example.org/papers/1806.03653/og.png")).toEqual({
      url: "https://example.org/papers/1806.03653/og.png",
      width: 1200,
      height: 630,
      alt: "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts, by An Yang, Sujian Li (2018)",
    });
  });
});
