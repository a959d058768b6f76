import { describe, expect, it } from "vitest";
import { parsePaperMetadata } from "../../../src/lib/content/paper-metadata.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";

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
    ["'2206.01958':\n  titel: T\n", 'papers.yaml:2: 2206.01958: unknown field "titel"; did you mean "title"?'],
    [
      "'2206.01958':\n  title: T\n  venue-url: https://aclanthology.org/x\n",
      'papers.yaml:3: 2206.01958: unknown field "venue-url"; did you mean "venue_url"?',
    ],
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
    [
      "'2206.01958':\n  title: A\n'2202.03052':\n  title: C\n2206.01958:\n  title: B\n",
      "papers.yaml:5: arXiv:2206.01958 is listed twice, at lines 1 and 5; keep one entry, with the fields of both",
    ],
    [
      "'2206.01958':\n  title: \"Balanced \\emph{Hash} Routing\"\n",
      `papers.yaml:2: in this double-quoted string "\\e" is a YAML escape and makes ESC, not TeX; write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash`,
    ],
    [
      "'2206.01958':\n  title: \"A \\log n bound\"\n",
      `papers.yaml:2: "\\l" is not an escape a double-quoted YAML string knows (TeX such as \\log is not); write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash`,
    ],
    [
      "'2206.01958':\n  title: &t A title\n'2202.03052':\n  title: *t\n",
      "papers.yaml:2: the anchor &t is for aliases, which content files do not take; remove it",
      "papers.yaml:4: the alias *t repeats a value written elsewhere; content files take no aliases: write the value out",
    ],
    [
      "'2206.01958':\n  title: A \u000c title\n",
      "papers.yaml:2: the control character U+000C (form feed) at column 12; control characters make feeds invalid, remove it",
    ],
  ])("pins the message for %j", (yaml, ...messages) => {
    expect(problemsOf(yaml)).toEqual(messages);
  });

  it("reads TeX written the safe ways: single-quoted and unquoted", () => {
    const { entries, problems } = parsePaperMetadata(
      "'2206.01958':\n  title: 'Balanced \\emph{Hash} Routing'\n'2202.03052':\n  title: A \\log n bound for R\\'{e}nyi\n",
      "papers.yaml",
    );
    expect(problems).toEqual([]);
    expect(entries.get("2206.01958")!.metadata.title).toBe("Balanced \\emph{Hash} Routing");
    expect(entries.get("2202.03052")!.metadata.title).toBe("A \\log n bound for R\\'{e}nyi");
  });

  it("reads CR-only line ends as line ends", () => {
    const { entries, problems } = parsePaperMetadata(
      "'2206.01958':\r  title: A\r'2202.03052':\r  title: B\r",
      "papers.yaml",
    );
    expect(problems).toEqual([]);
    expect([...entries.values()].map((e) => [e.line, e.metadata.title])).toEqual([
      [1, "A"],
      [3, "B"],
    ]);
  });

  it("reads comments: text, or none for null", () => {
    const { entries } = parsePaperMetadata(
      "'2206.01958':\n  comments: null\n'2202.03052':\n  comments: ~\n'2105.15082':\n  comments: 12 pages\n'2110.03888':\n  comments: 'null'\n",
      "papers.yaml",
    );
    expect([...entries.values()].map((e) => e.metadata.comments)).toEqual([null, null, "12 pages", "null"]);
  });
});
