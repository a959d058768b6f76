import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";
import { categoryTopic, categoryTopics } from "../../../src/lib/content/category-topics.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { parseTopics } from "../../../src/lib/content/topic.ts";

const dumps = [{ file: "content/abstracts.txt", source: readFileSync("content/abstracts.txt", "utf8") }];
const metadata = { file: "content/papers.yaml", source: readFileSync("content/papers.yaml", "utf8") };

describe("topics from arXiv's categories", () => {
  it("makes a topic per category under arXiv's name, most papers first", () => {
    expect(categoryTopic("cs.CL")).toEqual({
      slug: "cs-cl",
      name: "Computation and Language",
      description: "Papers that arXiv lists under cs.CL (Computation and Language).",
      words: [],
      category: "cs.CL",
    });
    const entries = categoryTopics([
      { categories: ["cs.LG", "cs.CL"] },
      { categories: ["cs.CL"] },
      { categories: ["math.IT"] },
    ]);
    expect(entries.map((e) => e.topic.slug)).toEqual(["cs-cl", "cs-it", "cs-lg"]);
  });

  it("places the seed's papers by their categories when there is no topics.yaml", () => {
    const catalogue = buildCatalogue({ dumps, metadata, topics: null });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.topics.map((t) => [t.slug, t.name])).toEqual([
      ["cs-cl", "Computation and Language"],
      ["cs-cv", "Computer Vision and Pattern Recognition"],
      ["cs-lg", "Machine Learning"],
      ["cs-ai", "Artificial Intelligence"],
      ["cs-ir", "Information Retrieval"],
    ]);
    const byId = new Map(catalogue.papers.map((p) => [p.id, p.topics]));
    expect(byId.get("2105.13868")).toEqual(["cs-cl", "cs-cv", "cs-ir"]);
    expect(byId.get("1806.03653")).toEqual([]);
  });

  it("lets topics.yaml name a category beside curated topics", () => {
    const topics = {
      file: "topics.yaml",
      source: [
        "- slug: discourse",
        "  name: Discourse",
        "  description: Discourse structure.",
        "  words: [discourse]",
        "- slug: computation-and-language",
        "  category: cs.CL",
        "- slug: vision",
        "  name: Vision",
        "  description: Papers arXiv files under computer vision.",
        "  category: cs.CV",
      ].join("\n"),
    };
    const catalogue = buildCatalogue({ dumps, metadata, topics });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.topics[1]).toEqual({
      slug: "computation-and-language",
      name: "Computation and Language",
      description: "Papers that arXiv lists under cs.CL (Computation and Language).",
      words: [],
      category: "cs.CL",
    });
    const byId = new Map(catalogue.papers.map((p) => [p.id, p.topics]));
    expect(byId.get("2105.13868")).toEqual(["computation-and-language", "vision"]);
    expect(byId.get("1806.03653")).toEqual(["discourse"]);
  });

  it("names a category arXiv lacks, and a category topic that places no paper", () => {
    const bad = parseTopics("- slug: nlp\n  category: cs.NLP\n", "topics.yaml");
    expect(bad.problems.map(formatProblem)).toEqual([
      'topics.yaml:2: topic "nlp": category: "cs.NLP" is not an arXiv category; use one of arXiv\'s taxonomy, such as cs.CL',
    ]);
    const empty = buildCatalogue({
      dumps,
      metadata,
      topics: { file: "topics.yaml", source: "- slug: astro\n  category: astro-ph\n" },
    });
    expect(empty.problems.map(formatProblem)).toEqual([
      'topics.yaml:1: topic "astro" has no paper: no paper has the category astro-ph and no paper lists it in papers.yaml. Import papers of that category, or remove the topic',
    ]);
  });
});
