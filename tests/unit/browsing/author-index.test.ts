import { describe, expect, it } from "vitest";
import { AUTHOR_PAGE_SIZE, authorPages, buildAuthorIndex } from "../../../src/lib/browsing/author-index.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { seed } from "../seed.ts";

const authors = buildAuthorIndex(seed.papers);
const bySlug = new Map(authors.map((a) => [a.slug, a]));

describe("buildAuthorIndex on the seed catalogue", () => {
  it("has every author named in papers.yaml, once", () => {
    const names = new Set(seed.papers.flatMap((p) => p.authors.map((a) => a.name)));
    expect(authors.map((a) => a.name).sort()).toEqual([...names].sort());
  });

  it("puts An Yang on all 10 papers, newest first, first in the index", () => {
    const anYang = bySlug.get("an-yang")!;
    expect(authors[0]).toBe(anYang);
    expect(anYang.papers.map((p) => p.id)).toEqual(seed.papers.map((p) => p.id));
  });

  it("counts co-authors' shared papers, most first", () => {
    const anYang = bySlug.get("an-yang")!;
    expect(anYang.coAuthors.slice(0, 3)).toEqual([
      { name: "Hongxia Yang", slug: "hongxia-yang", papers: 8 },
      { name: "Junyang Lin", slug: "junyang-lin", papers: 8 },
      { name: "Jingren Zhou", slug: "jingren-zhou", papers: 7 },
    ]);
    expect(bySlug.get("sujian-li")!.coAuthors).toEqual([
      { name: "An Yang", slug: "an-yang", papers: 2 },
      { name: "Xin Zhang", slug: "xin-zhang", papers: 1 },
      { name: "Yizhong Wang", slug: "yizhong-wang", papers: 1 },
    ]);
  });
});

describe("buildAuthorIndex", () => {
  const paper = (id: string, authors: [string, string][]): Paper => ({
    ...seed.papers[0]!,
    id,
    slug: id,
    authors: authors.map(([name, slug]) => ({ name, raw: name, slug })),
  });

  it("keeps two authors apart when their slugs differ, even if their names look alike", () => {
    const index = buildAuthorIndex([
      paper("p1", [
        ["José García", "jose-garcia"],
        ["A", "a"],
      ]),
      paper("p2", [
        ["Jose Garcia", "jose-garcia-2"],
        ["A", "a"],
      ]),
    ]);
    expect(index.map((a) => [a.slug, a.papers.map((p) => p.id)])).toEqual([
      ["a", ["p1", "p2"]],
      ["jose-garcia-2", ["p2"]],
      ["jose-garcia", ["p1"]],
    ]);
    expect(index[0]!.coAuthors.map((c) => c.slug)).toEqual(["jose-garcia-2", "jose-garcia"]);
  });

  it("counts an author named twice on one paper once", () => {
    const index = buildAuthorIndex([
      paper("p1", [
        ["A", "a"],
        ["B", "b"],
        ["A", "a"],
      ]),
    ]);
    expect(index.map((a) => [a.slug, a.papers.length, a.coAuthors])).toEqual([
      ["a", 1, [{ name: "B", slug: "b", papers: 1 }]],
      ["b", 1, [{ name: "A", slug: "a", papers: 1 }]],
    ]);
  });
});

describe("authorPages", () => {
  const paper = (id: string, slug: string): Paper => ({
    ...seed.papers[0]!,
    id,
    slug: id,
    authors: [{ name: slug, raw: slug, slug }],
  });

  it("cuts an author of 500 papers into 10 pages of 50, newest first, and a one-paper author into one", () => {
    const papers = Array.from({ length: 500 }, (_, i) => paper(`p${i}`, "prolific"));
    const index = buildAuthorIndex([...papers, paper("q", "once")]);
    const pages = authorPages(index);
    const prolific = pages.filter((page) => page.author.slug === "prolific");
    expect(AUTHOR_PAGE_SIZE).toBe(50);
    expect(prolific.map((page) => [page.number, page.total, page.items.length])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i + 1, 10, 50]),
    );
    expect(prolific.flatMap((page) => page.items.map((p) => p.id))).toEqual(papers.map((p) => p.id));
    expect(pages.filter((page) => page.author.slug === "once").map((page) => page.items.map((p) => p.id))).toEqual([
      ["q"],
    ]);
  });
});
