import { describe, expect, it } from "vitest";
import { pageNumbers, paginate } from "../../../src/lib/browsing/pagination.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { buildTopicIndex, TOPIC_PAGE_SIZE, topicPages } from "../../../src/lib/browsing/topic-index.ts";
import type { Topic } from "../../../src/lib/content/topic.ts";
import { seed } from "../seed.ts";

const topic = (slug: string): Topic => ({ slug, name: slug.toUpperCase(), description: "", words: [slug] });
const paper = (id: string, topics: string[]): Paper => ({ ...seed.papers[0]!, id, slug: id, topics });

describe("buildTopicIndex", () => {
  it("lists each topic's papers in the papers' order, and the papers in no topic as Other", () => {
    const index = buildTopicIndex(
      [topic("a"), topic("b"), topic("c")],
      [paper("p1", ["b", "a"]), paper("p2", []), paper("p3", ["a"])],
    );
    expect(index.topics.map(({ topic, papers }) => [topic.slug, papers.map((p) => p.id)])).toEqual([
      ["a", ["p1", "p3"]],
      ["b", ["p1"]],
      ["c", []],
    ]);
    expect(index.other.map((p) => p.id)).toEqual(["p2"]);
    expect(index.bySlug.get("b")!.name).toBe("B");
  });

  it("refuses a paper in a topic that does not exist", () => {
    expect(() => buildTopicIndex([topic("a")], [paper("p1", ["z"])])).toThrow(
      'arXiv:p1 is in topic "z", which is not a topic',
    );
  });

  it("gives every seed topic at least one paper and leaves no seed paper under Other", () => {
    const index = buildTopicIndex(seed.topics, seed.papers);
    expect(index.topics.filter((t) => t.papers.length === 0)).toEqual([]);
    expect(index.other).toEqual([]);
  });
});

describe("topicPages", () => {
  it("cuts a topic's papers into pages of 50, newest first as given", () => {
    const papers = Array.from({ length: 120 }, (_, i) => paper(`p${i}`, ["a"]));
    const pages = topicPages(buildTopicIndex([topic("a"), topic("b")], [...papers, paper("q", ["b"])]));
    expect(TOPIC_PAGE_SIZE).toBe(50);
    expect(pages.map((p) => [p.topic.slug, p.number, p.total, p.count, p.items.length, p.items[0]!.id])).toEqual([
      ["a", 1, 3, 120, 50, "p0"],
      ["a", 2, 3, 120, 50, "p50"],
      ["a", 3, 3, 120, 20, "p100"],
      ["b", 1, 1, 1, 1, "q"],
    ]);
  });
});

describe("paginate", () => {
  it("makes one empty page of an empty list, and exact pages at the boundary", () => {
    expect(paginate([], 50)).toEqual([{ number: 1, total: 1, items: [] }]);
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("refuses a page size that is not a positive integer", () => {
    expect(() => paginate([1], 0)).toThrow("page size must be a positive integer, got 0");
  });
});

describe("pageNumbers", () => {
  it("links every page of a short list", () => {
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("links the first, the last and the pages near the current one of a long list, marking the gaps", () => {
    expect(pageNumbers(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageNumbers(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pageNumbers(197, 200)).toEqual([1, null, 195, 196, 197, 198, 199, 200]);
    expect(pageNumbers(4, 200)).toEqual([1, 2, 3, 4, 5, 6, null, 200]);
  });
});
