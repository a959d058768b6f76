import { describe, expect, it } from "vitest";
import { buildAuthorIndex } from "../../../src/lib/browsing/author-index.ts";
import { authorDirectory, directoryPages, directoryPageSize } from "../../../src/lib/browsing/author-directory.ts";
import { makePaper, seedPapers } from "../paper-fixture.ts";

describe("authorDirectory", () => {
  it("lists every seed author once, by family name, under its letter, with their paper count", () => {
    const authors = buildAuthorIndex(seedPapers);
    const letters = authorDirectory(authors);
    const entries = letters.flatMap((group) => group.authors);
    expect(entries).toHaveLength(authors.length);
    expect(letters.map((group) => group.letter)).toEqual([...letters.map((group) => group.letter)].sort());
    const z = letters.find((group) => group.letter === "Z")!.authors;
    expect(z.find((entry) => entry.name === "Jingren Zhou")).toMatchObject({ slug: "jingren-zhou", papers: 7 });
    for (const group of letters) {
      for (const entry of group.authors) expect(entry.key.charAt(0)).toMatch(/\p{Ll}|\d/u);
    }
  });

  it("folds letters as search does, puts other scripts under #, and orders given names after family names", () => {
    const papers = [makePaper("2301.00001", { authors: ["Łukasz Kaiser", "张三", "Ann Kaiser", "José Álvarez"] })];
    const letters = authorDirectory(buildAuthorIndex(papers));
    expect(letters.map((group) => [group.letter, group.authors.map((entry) => entry.name)])).toEqual([
      ["A", ["José Álvarez"]],
      ["K", ["Ann Kaiser", "Łukasz Kaiser"]],
      ["#", ["张三"]],
    ]);
    expect(letters[1]!.authors[1]!.key).toBe("lukasz kaiser");
  });
});

describe("directoryPages", () => {
  const papers = [
    makePaper("2301.00001", { authors: ["Ann Adams", "Bo Adler", "Cy Baker", "Di Bell", "Ed Brown"] }),
    makePaper("2301.00002", { authors: ["Fay Cole", "Gus Zhou"] }),
  ];
  const letters = authorDirectory(buildAuthorIndex(papers));

  it("cuts the index into pages of the size, a letter carried over marked as continued", () => {
    const { pages, letterPages } = directoryPages(letters, 3);
    expect(
      pages.map((page) => [
        page.number,
        page.total,
        page.sections.map((s) => [s.letter, s.continued, s.authors.map((a) => a.name)]),
      ]),
    ).toEqual([
      [
        1,
        3,
        [
          ["A", false, ["Ann Adams", "Bo Adler"]],
          ["B", false, ["Cy Baker"]],
        ],
      ],
      [
        2,
        3,
        [
          ["B", true, ["Di Bell", "Ed Brown"]],
          ["C", false, ["Fay Cole"]],
        ],
      ],
      [3, 3, [["Z", false, ["Gus Zhou"]]]],
    ]);
    expect([...letterPages]).toEqual([
      ["A", 1],
      ["B", 1],
      ["C", 2],
      ["Z", 3],
    ]);
  });

  it("keeps every author once, in the index's order, and makes one page of a short index", () => {
    const { pages } = directoryPages(letters);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.sections.flatMap((s) => s.authors)).toEqual(letters.flatMap((l) => l.authors));
    expect(pages[0]!.sections.every((s) => !s.continued)).toBe(true);
  });
});

describe("directoryPageSize", () => {
  it("reads CATALOGUE_AUTHORS_PER_PAGE, else a thousand, and names a value it cannot read", () => {
    expect(directoryPageSize({})).toBe(1000);
    expect(directoryPageSize({ CATALOGUE_AUTHORS_PER_PAGE: "30" })).toBe(30);
    expect(() => directoryPageSize({ CATALOGUE_AUTHORS_PER_PAGE: "0" })).toThrow(
      'CATALOGUE_AUTHORS_PER_PAGE must be a whole number of authors, at least 1, not "0"',
    );
  });
});
