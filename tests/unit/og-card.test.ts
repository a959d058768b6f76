import { describe, expect, it } from "vitest";
import { authorLine, ogCard, ogCardElement, ogImage, titleLayout, type CardNode } from "../../src/lib/og-card.ts";
import { seedPaper } from "./paper-fixture.ts";

const texts = (node: CardNode): string[] =>
  typeof node.props.children === "string" ? [node.props.children] : (node.props.children ?? []).flatMap(texts);

describe("titleLayout", () => {
  it("sets a short title large, and a longer one smaller on more lines", () => {
    const short = titleLayout("M6: A Chinese Multimodal Pretrainer");
    const long = titleLayout(
      "OFA: Unifying Architectures, Tasks, and Modalities Through a Simple Sequence-to-Sequence Learning Framework",
    );
    expect(short.fontSize).toBe(72);
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(long.maxLines).toBeGreaterThanOrEqual(3);
  });

  it("stops shrinking at the smallest size and cuts a very long title after the lines that fit", () => {
    expect(titleLayout("word ".repeat(200))).toEqual({ fontSize: 44, maxLines: 5 });
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

describe("ogCardElement", () => {
  it("shows the catalogue's name, the title, the authors, the arXiv id and the year", () => {
    const card = ogCard(seedPaper("1806.03653"), "Research Catalogue");
    expect(texts(ogCardElement(card, "Inter"))).toEqual([
      "Research Catalogue",
      "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts",
      "An Yang, Sujian Li",
      "arXiv:1806.03653",
      "2018",
    ]);
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
