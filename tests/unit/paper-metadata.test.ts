import { describe, expect, it } from "vitest";
import { parsePaperMetadata } from "../../src/lib/paper-metadata.ts";
import { formatProblem } from "../../src/lib/problems.ts";

const problemsOf = (yaml: string) => parsePaperMetadata(yaml, "papers.yaml").problems.map(formatProblem);

describe("parsePaperMetadata", () => {
  it("keeps ids as written, even those YAML would read as numbers", () => {
    const { entries, problems } = parsePaperMetadata(
      "2105.14770:\n  title: T\n'hep-th/9711200':\n  title: U\n",
      "papers.yaml",
    );
    expect(problems).toEqual([]);
    expect([...entries.keys()]).toEqual(["2105.14770", "hep-th/9711200"]);
    expect(entries.get("2105.14770")).toMatchObject({ line: 1, metadata: { title: "T" } });
  });

  it("reads an empty file as no entries", () => {
    expect(parsePaperMetadata("# nothing yet\n", "papers.yaml")).toMatchObject({ problems: [] });
  });

  it.each([
    ["'2206.01958':\n  title: [a, b]\n", "papers.yaml:2: 2206.01958: title: expected a text value, found a list"],
    [
      "'2206.01958':\n  authors: []\n",
      "papers.yaml:2: 2206.01958: authors: is an empty list; remove the field or name the authors",
    ],
    [
      "'2206.01958':\n  submitted: June 2022\n",
      "papers.yaml:2: 2206.01958: submitted: must be a real date written YYYY-MM-DD",
    ],
    [
      "'2206.01958':\n  submitted: 2022-13-45\n",
      "papers.yaml:2: 2206.01958: submitted: must be a real date written YYYY-MM-DD",
    ],
    [
      "'2206.01958':\n  submitted: 2022-02-30\n",
      "papers.yaml:2: 2206.01958: submitted: must be a real date written YYYY-MM-DD",
    ],
    [
      "'2206.01958':\n  code: github.com/x\n",
      "papers.yaml:2: 2206.01958: code: is not a web address (expected https://...)",
    ],
    ["'2206.01958':\n  titel: T\n", 'papers.yaml:2: 2206.01958: unknown field "titel"'],
    ["'2206.01958':\n  doi: 12.3/x\n", "papers.yaml:2: 2206.01958: doi: is not a DOI (expected 10.NNNN/...)"],
    [
      "'not-an-id':\n  title: T\n",
      'papers.yaml:1: "not-an-id" is not an arXiv id (expected e.g. 2206.01958 or hep-th/9711200)',
    ],
    [
      "'2206.01958v2':\n  title: T\n",
      'papers.yaml:1: "2206.01958v2" names a version; key papers by id without version (2206.01958)',
    ],
    [
      "- a\n- b\n",
      "papers.yaml:1: expected a mapping from arXiv ids to paper fields (`2206.01958:` then indented fields)",
    ],
    ["'2206.01958':\n  title: A\n'2206.01958':\n  title: B\n", "papers.yaml:3: invalid YAML: Map keys must be unique"],
  ])("pins the message for %j", (yaml, message) => {
    expect(problemsOf(yaml)).toEqual([message]);
  });
});
