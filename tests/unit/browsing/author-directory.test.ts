import { describe, expect, it } from "vitest";
import { buildAuthorIndex } from "../../../src/lib/browsing/author-index.ts";
import { authorDirectory } from "../../../src/lib/browsing/author-directory.ts";
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
