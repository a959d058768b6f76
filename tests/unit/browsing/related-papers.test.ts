import { describe, expect, it } from "vitest";
import {
  andList,
  findRelatedPapers,
  packRelatedPapers,
  unpackRelatedPapers,
} from "../../../src/lib/browsing/related-papers.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { seed } from "../seed.ts";

const related = findRelatedPapers(seed.papers);

describe("findRelatedPapers on the seed catalogue", () => {
  it("gives M6-10T first for M6-T, both in large-scale training and mixture-of-experts", () => {
    const first = related.get("2105.15082")![0]!;
    expect(first).toMatchObject({ slug: "2110.03888", sharedTopics: ["large-scale-training", "mixture-of-experts"] });
    expect(first.sharedTerms).toContain("trillion");
  });

  it("gives each paper at most 5 others, never itself, best first", () => {
    expect([...related.keys()].sort()).toEqual(seed.papers.map((p) => p.slug).sort());
    for (const [slug, list] of related) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.slug)).not.toContain(slug);
      expect(list.map((r) => r.score)).toEqual([...list.map((r) => r.score)].sort((a, b) => b - a));
    }
  });
});

describe("findRelatedPapers", () => {
  const paper = (slug: string, title: string, abstract: string, topics: string[]): Paper => ({
    ...seed.papers[0]!,
    slug,
    id: slug,
    untitled: false,
    title: { raw: title, text: title, html: title, mathCharacters: "" },
    abstract: { raw: abstract, text: abstract, html: abstract, mathCharacters: "" },
    topics,
  });

  it("reads titles with abstracts, and names the topics both papers are in, in the paper's order", () => {
    const papers = [
      paper("a", "Treebank", "Discourse relations.", ["datasets", "discourse"]),
      paper("b", "Parser", "A treebank parser for discourse.", ["discourse", "parsing", "datasets"]),
      paper("c", "Speech", "Acoustic models.", []),
      paper("d", "Vision", "Pixels.", []),
    ];
    const result = findRelatedPapers(papers);
    expect(result.get("a")).toEqual([
      {
        slug: "b",
        score: expect.any(Number),
        sharedTopics: ["datasets", "discourse"],
        sharedTerms: ["discourse", "treebank"],
      },
    ]);
    expect(result.get("b")![0]!.sharedTopics).toEqual(["discourse", "datasets"]);
    expect(result.get("c")).toEqual([]);
  });
});

describe("andList", () => {
  it("joins names as a sentence says them", () => {
    expect(andList(["Parsing"])).toBe("Parsing");
    expect(andList(["Parsing", "Datasets"])).toBe("Parsing and Datasets");
    expect(andList(["Parsing", "Datasets", "Discourse"])).toBe("Parsing, Datasets, and Discourse");
  });
});

describe("packRelatedPapers", () => {
  it("keeps each paper's list as one string, and gives it back as it was", () => {
    const packed = packRelatedPapers(related);
    expect(packed.size).toBe(related.size);
    for (const [slug, list] of related) {
      expect(typeof packed.get(slug)).toBe("string");
      expect(unpackRelatedPapers(packed, slug)).toEqual(list);
    }
    expect(unpackRelatedPapers(packed, "no-such-paper")).toBeUndefined();
  });
});
