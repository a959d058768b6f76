import { describe, expect, it } from "vitest";
import { checkContentFolder, readContentFolder } from "../../../src/lib/content/content-folder.ts";
import { decodeContent, describeCharacter, escapeForTerminal } from "../../../src/lib/content/content-text.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";

const check = (folder: string) => checkContentFolder(readContentFolder(folder));
const TEX_ADVICE =
  "write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash";

describe("checkContentFolder", () => {
  it("checks the seed as the build reads it: 10 papers, no problem", () => {
    const { catalogue, problems, settings } = check("content");
    expect(problems).toEqual([]);
    expect(catalogue.papers).toHaveLength(10);
    expect(settings.title).toBeTruthy();
  });

  it("reads papers.yaml and topics.yaml with CR-only line ends", () => {
    const { catalogue, problems } = check("tests/fixtures/cr-only-yaml");
    expect(problems).toEqual([]);
    expect(catalogue.papers.map((p) => [p.title.text, p.authors.map((a) => a.name), p.topics])).toEqual([
      ["A title kept", ["Ada Lovelace"], ["prompts"]],
    ]);
  });

  // One fixture per owner mistake, each a file:line message that says how to fix it.
  it.each([
    [
      "near-marker",
      'abstracts.txt:4: "arxiv: 2105.15082 In this paper we study sparse experts." starts like a marker but is not written as one; if it ends a record, write "arXiv:2105.15082" on a line of its own (the next abstract may follow it), else reword the line so it does not start with "arxiv"',
    ],
    [
      "short-id",
      'abstracts.txt:2: arXiv id "2105.1508" is too short: ids from 1501 on have 5 digits after the dot; write the whole id',
    ],
    [
      "marker-after-separator",
      "abstracts.txt:3: the character U+2028 (line separator) at column 19: a line break that is not a newline, which the dump does not break lines at; replace it with a newline",
    ],
    [
      "control-character",
      "abstracts.txt:3: the control character U+000C (form feed) at column 35: a line break that is not a newline, which the dump does not break lines at; replace it with a newline",
    ],
    [
      "not-utf8",
      "abstracts.txt:3: is not valid UTF-8 on this line (a byte that no UTF-8 character starts with, as in Latin-1 or Windows-1252 text); save the file as UTF-8",
    ],
    [
      "tex-in-double-quotes",
      `papers.yaml:2: in this double-quoted string "\\e" is a YAML escape and makes ESC, not TeX; ${TEX_ADVICE}`,
      `papers.yaml:3: "\\l" is not an escape a double-quoted YAML string knows (TeX such as \\log is not); ${TEX_ADVICE}`,
    ],
    [
      "paper-listed-twice",
      "papers.yaml:5: arXiv:2110.03888 is listed twice, at lines 1 and 5; keep one entry, with the fields of both",
    ],
    ["misspelt-field", 'papers.yaml:3: 2110.03888: unknown field "venue-url"; did you mean "venue_url"?'],
    [
      "yaml-alias",
      "site.yaml:1: the anchor &name is for aliases, which content files do not take; remove it",
      "site.yaml:2: the alias *name repeats a value written elsewhere; content files take no aliases: write the value out",
    ],
  ])("%s", (name, ...messages) => {
    const { problems } = check(`tests/fixtures/bad/${name}`);
    expect(problems.map(formatProblem)).toEqual(messages.map((m) => `tests/fixtures/bad/${name}/${m}`));
  });

  it("reads a near-marker whose intent is certain as the marker, with a warning", () => {
    const { catalogue, warnings } = check("tests/fixtures/bad/near-marker");
    expect(catalogue.papers.map((p) => p.id)).toContain("2110.03888");
    expect(warnings).toContain(
      'tests/fixtures/bad/near-marker/abstracts.txt:2: "ArXiv:2110.03888" is read as the marker arXiv:2110.03888; write it exactly "arXiv:2110.03888" (that case, a colon, no space)',
    );
  });
});

describe("content text", () => {
  it("decodes UTF-8 with or without BOM, and names the line of the first bad byte", () => {
    expect(decodeContent(new TextEncoder().encode("\uFEFFCafé\n"), "a.txt")).toEqual({
      source: "Café\n",
      problems: [],
    });
    const bad = decodeContent(Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]), "a.txt");
    expect(bad.source).toBeNull();
    expect(bad.problems.map((p) => p.line)).toEqual([3]);
  });

  it("shows terminal controls and bidi overrides escaped", () => {
    expect(escapeForTerminal("red \u001b[31mtext\u202e reversed\u0000")).toBe(
      "red \\u001b[31mtext\\u202e reversed\\u0000",
    );
    expect(formatProblem({ file: "a.txt", line: 2, message: "quoted \u001b[2J" })).toBe("a.txt:2: quoted \\u001b[2J");
    expect(escapeForTerminal("Café, 中文, tabs\tstay")).toBe("Café, 中文, tabs\tstay");
  });

  it("names the characters a reader cannot see", () => {
    expect(describeCharacter("\u200b")).toBe("the character U+200B (zero-width space)");
    expect(describeCharacter("\u0000")).toBe("the control character U+0000 (NUL)");
    expect(describeCharacter("\u0085")).toBe("the control character U+0085 (NEL (next line))");
  });
});
