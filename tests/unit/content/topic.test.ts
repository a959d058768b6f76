import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { parseTopics } from "../../../src/lib/content/topic.ts";

const problemsOf = (yaml: string) => parseTopics(yaml, "topics.yaml").problems.map(formatProblem);

const valid = `- slug: discourse-parsing
  name: Discourse parsing
  description: >-
    The structure of a text
    beyond the sentence.
  words: [discourse, RST-DT]
`;

describe("parseTopics", () => {
  it("reads each topic with the line it starts on, its description as one paragraph", () => {
    const { entries, problems } = parseTopics(
      `# topics\n${valid}- slug: mrc\n  name: MRC\n  description: Reading.\n  words:\n  - reading comprehension\n`,
      "topics.yaml",
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        line: 2,
        topic: {
          slug: "discourse-parsing",
          name: "Discourse parsing",
          description: "The structure of a text beyond the sentence.",
          words: ["discourse", "RST-DT"],
        },
      },
      { line: 8, topic: { slug: "mrc", name: "MRC", description: "Reading.", words: ["reading comprehension"] } },
    ]);
  });

  it("reads an empty file as no topics", () => {
    expect(parseTopics("# none yet\n", "topics.yaml")).toEqual({ entries: [], problems: [] });
  });

  it("reads the seed topics without a problem", () => {
    const { entries, problems } = parseTopics(
      readFileSync(new URL("../../../content/topics.yaml", import.meta.url), "utf8"),
      "content/topics.yaml",
    );
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    [
      `${valid}- slug: discourse-parsing\n  name: Again\n  description: D.\n  words: [x]\n`,
      'topics.yaml:7: a second topic with slug "discourse-parsing" (first at line 1); give each topic its own slug',
    ],
    [
      valid.replace("slug: discourse-parsing", "slug: Discourse Parsing"),
      'topics.yaml:1: topic "Discourse Parsing": slug: "Discourse Parsing" is not a slug; write it "discourse-parsing" (lowercase letters, digits, hyphens)',
    ],
    [
      valid.replace("slug: discourse-parsing", "slug: 2024"),
      'topics.yaml:1: topic "2024": slug: "2024" is a number, and /topics/2024/ is a page of the papers in no topic; write a slug with a letter, such as "topic-2024"',
    ],
    [
      valid.replace("  name: Discourse parsing\n", ""),
      'topics.yaml:1: topic "discourse-parsing": name: is required (string)',
    ],
    [
      valid.replace("slug: discourse-parsing", `slug: ${"discourse-".repeat(12)}parsing`),
      `topics.yaml:1: topic "${"discourse-".repeat(12)}parsing": slug: is 127 bytes long: a slug names a folder of the site, at most 100 bytes; write a shorter one`,
    ],
    [
      valid.replace("words: [discourse, RST-DT]", "words: []"),
      'topics.yaml:6: topic "discourse-parsing": words: is an empty list; give at least one word that places a paper in the topic, or a category (category: cs.CL)',
    ],
    [
      valid.replace("words: [discourse, RST-DT]", 'words: [discourse, "--"]'),
      'topics.yaml:6: topic "discourse-parsing": words.1: "--" has no letter or digit to match',
    ],
    [
      valid.replace("words: [discourse, RST-DT]", "words: discourse"),
      'topics.yaml:6: topic "discourse-parsing": words: expected a list, found a text value',
    ],
    [
      `${valid}  keywords: [x]\n`,
      'topics.yaml:7: topic "discourse-parsing": unknown field "keywords" (known fields: slug, name, description, words, category)',
    ],
    [`${valid}  word: [x]\n`, 'topics.yaml:7: topic "discourse-parsing": unknown field "word"; did you mean "words"?'],
    ["- just a name\n", "topics.yaml:1: topic 1: expected a mapping of fields, found a text value"],
    ["slug: x\nname: X\n", "topics.yaml:1: expected a list of topics (`- slug: ...` then name, description and words)"],
    [
      "- slug: [x\n",
      "topics.yaml:2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
  ])("pins the message for %j", (yaml, message) => {
    expect(problemsOf(yaml)).toEqual([message]);
  });
});
