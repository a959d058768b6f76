import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import type { Topic, TopicEntry } from "../../../src/lib/content/topic.ts";
import { assignTopics, topicMatcher } from "../../../src/lib/content/topic-assignment.ts";

const topic = (slug: string, words: string[]): Topic => ({ slug, name: slug, description: slug, words });

describe("topicMatcher", () => {
  const match = topicMatcher([
    topic("moe", ["mixture of experts", "MoE"]),
    topic("discourse", ["discourse"]),
    topic("retrieval", ["image-text retrieval"]),
    topic("datasets", ["treebanks", "corpus"]),
    topic("prompts", ["prompt tuning"]),
  ]);

  it("ignores case, and returns the topics in their order", () => {
    expect(match("DISCOURSE parsing with a Mixture-of-Experts")).toEqual(["moe", "discourse"]);
  });

  it("matches whole words only", () => {
    expect(match("Moellering wrote a discoursed text")).toEqual([]);
    expect(match("A metacorpus")).toEqual([]);
  });

  it("takes a simple plural for its singular, in the text or in the word", () => {
    expect(match("the discourses")).toEqual(["discourse"]);
    expect(match("a treebank")).toEqual(["datasets"]);
    expect(match("two MoEs")).toEqual(["moe"]);
  });

  it("matches a phrase only as consecutive words, whatever separates them", () => {
    expect(match("image text retrieval")).toEqual(["retrieval"]);
    expect(match("image-text-retrieval")).toEqual(["retrieval"]);
    expect(match("retrieval of image-text pairs")).toEqual([]);
    expect(match("prompt and tuning")).toEqual([]);
    expect(match("prompts tuning")).toEqual(["prompts"]);
  });
});

describe("assignTopics", () => {
  const entries: TopicEntry[] = [
    { line: 1, topic: topic("discourse", ["discourse"]) },
    { line: 5, topic: topic("prompts", ["prompt"]) },
  ];

  it("places a paper by its words unless papers.yaml lists its topics", () => {
    const { topics, problems } = assignTopics(
      [
        { id: "a", text: "Discourse and prompts." },
        { id: "b", text: "Prompts only.", listed: { file: "papers.yaml", slugs: ["discourse"], lines: [3] } },
        { id: "c", text: "Nothing in common." },
      ],
      entries,
      "topics.yaml",
    );
    expect(problems).toEqual([]);
    expect([...topics]).toEqual([
      ["a", ["discourse", "prompts"]],
      ["b", ["discourse"]],
      ["c", []],
    ]);
  });

  it("stops on a listed slug that names no topic, at the slug's line", () => {
    const { problems } = assignTopics(
      [
        { id: "2206.01958", text: "", listed: { file: "papers.yaml", slugs: ["prompts", "discours"], lines: [4, 5] } },
        { id: "1806.03653", text: "discourse" },
      ],
      entries,
      "content/topics.yaml",
    );
    expect(problems.map(formatProblem)).toEqual([
      'papers.yaml:5: 2206.01958: topics: "discours" is not a topic in content/topics.yaml; use one of discourse, prompts, or add the topic there',
    ]);
  });

  it("says so when there is no topics.yaml at all", () => {
    const { problems } = assignTopics(
      [{ id: "x", text: "", listed: { file: "papers.yaml", slugs: ["a"], lines: [2] } }],
      [],
      null,
    );
    expect(problems.map(formatProblem)).toEqual([
      'papers.yaml:2: x: topics: "a" is not a topic (there is no topics.yaml); add the topic to topics.yaml or remove the slug',
    ]);
  });

  it("stops on a topic that places no paper, at the topic's line", () => {
    const { problems } = assignTopics([{ id: "a", text: "discourse" }], entries, "topics.yaml");
    expect(problems.map(formatProblem)).toEqual([
      'topics.yaml:5: topic "prompts" has no paper: no title or abstract contains any of its words (prompt) and no paper lists it in papers.yaml. Add words that place a paper in it, or remove the topic',
    ]);
  });
});
