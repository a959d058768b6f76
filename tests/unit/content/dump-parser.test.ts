import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDump, parseDumps } from "../../../src/lib/content/dump-parser.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/dumps/${name}`, import.meta.url), "utf8");
const seed = readFileSync(new URL("../../../content/abstracts.txt", import.meta.url), "utf8");

describe("parseDump on the seed", () => {
  const { records, problems, warnings } = parseDump(seed, "content/abstracts.txt");

  it("finds the 10 papers in order, with no problem", () => {
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records.map((r) => r.id)).toEqual([
      "2206.01958",
      "2202.03052",
      "2110.03888",
      "2105.15082",
      "2105.14778",
      "2105.13868",
      "2103.00823",
      "2003.13198",
      "1907.01686",
      "1806.03653",
    ]);
  });

  it("tells comments from abstracts", () => {
    const byId = Object.fromEntries(records.map((r) => [r.id, r]));
    expect(byId["2206.01958"]!.comments).toBeNull();
    expect(byId["2202.03052"]!.comments).toBe("23 pages, 11 figures");
    expect(byId["2105.14778"]!.comments).toBe("13 pages, 2 figures. Accepted in ACL2021 Findings");
    expect(byId["1806.03653"]!.comments).toBe("Accepted to ACL 2018 (short paper)");
    expect(byId["2202.03052"]!.abstract).toMatch(/^In this work, we pursue a unified paradigm/);
    expect(byId["2202.03052"]!.abstract).toMatch(/Code shall be released soon at http:\/\/github\.com\/OFA-Sys\/OFA$/);
  });

  it("locates each record: its abstract's first line and its marker", () => {
    expect(records[0]).toMatchObject({ line: 1, markerLine: 2 });
    expect(records[1]).toMatchObject({ line: 2, markerLine: 4 });
    expect(records[9]).toMatchObject({ line: 18, markerLine: 20 });
  });
});

describe("parseDump edge cases", () => {
  it("splits a marker glued to the next abstract and reads its version", () => {
    const { records } = parseDump(fixture("glued.txt"), "glued.txt");
    expect(records.map((r) => [r.id, r.version, r.abstract, r.comments])).toEqual([
      ["2206.01958", null, "First abstract about attention.", null],
      ["2202.03052", 2, "Second abstract, glued to the marker.", "12 pages, 3 figures"],
    ]);
  });

  it("joins several paragraphs with newlines and keeps the comments apart", () => {
    const [record] = parseDump(fixture("multi-paragraph.txt"), "m.txt").records;
    expect(record!.abstract).toBe(
      "The first paragraph of a long abstract.\nThe second paragraph, after a blank line.\nA third paragraph on the next line.",
    );
    expect(record!.comments).toBe("Accepted to EMNLP 2020");
  });

  it("reads old-style ids with subject classes and versions", () => {
    const { records } = parseDump(fixture("old-style.txt"), "o.txt");
    expect(records.map((r) => [r.id, r.version])).toEqual([
      ["hep-th/9711200", null],
      ["math/0211159", 3],
      ["cs/0101001", null],
    ]);
  });

  it("handles a BOM, CRLF, trailing blanks, non-ASCII and a last marker without newline", () => {
    const { records, problems } = parseDump(fixture("bom-crlf.txt"), "b.txt");
    expect(problems).toEqual([]);
    expect(records).toMatchObject([
      {
        id: "2101.00001",
        abstract: "Café naïve résumé: 中文 and über, with trailing blanks.",
        comments: "8 pages",
        line: 1,
        markerLine: 4,
      },
      { id: "2101.00002", abstract: "Second abstract without final newline.", comments: null, line: 5 },
    ]);
  });

  it("takes a marker only at the start of a line", () => {
    const { records } = parseDump(fixture("midline-marker.txt"), "m.txt");
    expect(records).toHaveLength(1);
    expect(records[0]!.abstract).toContain("(arXiv:1706.03762) and cite arXiv:1810.04805 mid-sentence");
  });

  it("splits a four-digit id glued to text starting with a digit, and warns", () => {
    const { records, warnings } = parseDump(fixture("fixed-length.txt"), "f.txt");
    expect(records.map((r) => [r.id, r.abstract])).toEqual([
      ["1207.0580", "An old four-digit id, glued."],
      ["1501.00001", "3D shapes are reconstructed from a single image."],
    ]);
    expect(warnings.map(formatProblem)).toEqual([
      'f.txt:2: the text after arXiv:1207.0580 starts with the digit "3": ids up to 1412 have 4 digits after the dot, so "3D shapes are recons" is read as the next abstract. If the digit belongs to the id, the id is wrong; else put the next abstract on its own line to silence this',
    ]);
  });

  it("keeps LaTeX and URLs as written in the raw abstract", () => {
    const { records } = parseDump(fixture("latex-urls.txt"), "l.txt");
    expect(records[0]!.abstract).toContain("R\\'{e}nyi divergence of order $\\alpha$ for \\emph{all}");
    expect(records[0]!.abstract).toContain("https://github.com/example/repo\\_name.");
  });

  it("keeps a record whose only line reads like comments, and warns", () => {
    const { records, warnings } = parseDump(fixture("latex-urls.txt"), "l.txt");
    expect(records[1]).toMatchObject({ id: "2305.12346", abstract: "12 pages", comments: null });
    expect(warnings.map(formatProblem)).toEqual([
      'l.txt:3: record arXiv:2305.12346 has one line, which reads like arXiv comments ("12 pages"); it is taken as the abstract',
    ]);
  });

  it("reads an empty dump as no records and no problem", () => {
    expect(parseDump("", "e.txt")).toEqual({ records: [], problems: [], warnings: [] });
  });
});

describe("parseDump problems", () => {
  const problemsOf = (source: string) => parseDump(source, "d.txt").problems.map(formatProblem);

  it("reports every problem in one pass, each with its line", () => {
    expect(problemsOf("One.\narXiv:2206.01958\narXiv:2206.01959\nThree.\narXiv:99x\nTrailing text.\n")).toEqual([
      "d.txt:3: record arXiv:2206.01959 has no abstract: nothing precedes its marker",
      'd.txt:5: malformed arXiv id "99x": expected YYMM.NNNNN (e.g. 2206.01958) or archive/YYMMNNN (e.g. hep-th/9711200)',
      'd.txt:6: text after the last record: "Trailing text.". Every record ends with an "arXiv:<id>" line; add the marker for this abstract or remove the text',
    ]);
  });

  it("says when a dump has text but no marker at all", () => {
    expect(problemsOf("Just an abstract.\n")).toEqual([
      'd.txt:1: no "arXiv:<id>" marker found after "Just an abstract.". Every record ends with an "arXiv:<id>" line at the start of a line',
    ]);
  });

  it("names both lines of a duplicate, across versions and across files", () => {
    expect(problemsOf("A.\narXiv:2206.01958\nB.\narXiv:2206.01958v2\n")).toEqual([
      "d.txt:4: arXiv:2206.01958 appears twice: first at line 2, again here. Keep one record per paper",
    ]);
    const across = parseDumps([
      { file: "a.txt", source: "A.\narXiv:2206.01958\n" },
      { file: "b.txt", source: "B.\narXiv:2206.01958\n" },
    ]);
    expect(across.problems.map(formatProblem)).toEqual([
      "b.txt:2: arXiv:2206.01958 appears twice: first at a.txt:2, again here. Keep one record per paper",
    ]);
  });
});

describe("parseDump: comments or abstract", () => {
  it("always takes a written-out Comments: line for Comments", () => {
    const { records, problems } = parseDump(
      "An abstract.\nComments: we thank the referees\narXiv:2206.01958\n",
      "d.txt",
    );
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      abstract: "An abstract.",
      comments: "we thank the referees",
      commentsFrom: "explicit",
    });
  });

  it("reports a Comments: line that is not last, and one with no abstract", () => {
    const problemsOf = (source: string) => parseDump(source, "d.txt").problems.map(formatProblem);
    expect(problemsOf("An abstract.\nComments: 12 pages\nMore abstract.\narXiv:2206.01958\n")).toEqual([
      'd.txt:2: a "Comments:" line inside the abstract of arXiv:2206.01958; arXiv\'s Comments come last, just before the marker: move this line down or remove "Comments:"',
    ]);
    expect(problemsOf("Comments: 12 pages\narXiv:2206.01958\n")).toEqual([
      'd.txt:1: record arXiv:2206.01958 has a "Comments:" line but no abstract before it',
    ]);
  });

  it("reads real Comments kinds the old reading took for abstract", () => {
    // Each line is a real arXiv Comments field (arXiv/arxiv-browse, tests/data/abs_files), ids as there.
    const dump = [
      "An abstract.\nTypographic errors are revised and several expressions are modified to better ones\narXiv:0704.0030",
      "An abstract.\nPh.D. dissertation,\narXiv:0704.0123",
      "An abstract.\nThis paper has been withdrawn due to an error in Lemma 8\narXiv:0704.0140",
      "An abstract.\nKey Lecture at YKIS2006, Kyoto, Dec. 2006\narXiv:0704.0096",
    ].join("\n");
    const { records } = parseDump(dump, "d.txt");
    expect(records.map((r) => r.comments)).toEqual([
      "Typographic errors are revised and several expressions are modified to better ones",
      "Ph.D. dissertation,",
      "This paper has been withdrawn due to an error in Lemma 8",
      "Key Lecture at YKIS2006, Kyoto, Dec. 2006",
    ]);
  });

  it("warns of a doubtful reading with its line, the paper and both readings", () => {
    const { records, warnings } = parseDump(
      "First paragraph.\nKeywords: sparse experts, routing, scaling.\narXiv:2105.15082\n",
      "d.txt",
    );
    expect(records[0]!.comments).toBe("Keywords: sparse experts, routing, scaling.");
    expect(records[0]!.doubt).toBe(warnings[0]);
    expect(warnings.map(formatProblem)).toEqual([
      'd.txt:2: arXiv:2105.15082: the line "Keywords: sparse experts, routing, scaling." is a keyword list, which ends some abstracts too. It is read as the paper\'s Comments, not the abstract\'s last paragraph. To settle it, write "Comments: ..." on that line in the dump or set "comments:" for 2105.15082 in papers.yaml (null for none)',
    ]);
  });
});

describe("parseDump: near-markers and hidden characters", () => {
  const read = (source: string) => {
    const { records, problems, warnings } = parseDump(source, "d.txt");
    return {
      ids: records.map((r) => r.id),
      problems: problems.map(formatProblem),
      warnings: warnings.map(formatProblem),
    };
  };

  it.each([
    ["ArXiv:2110.03888"],
    ["ARXIV:2110.03888"],
    ["arxiv: 2110.03888"],
    ["arXiv 2110.03888"],
    ["arXiv :2110.03888"],
  ])("reads %j alone on its line as the marker, with a warning", (marker) => {
    const { ids, problems, warnings } = read(`First.\n${marker}\nSecond.\narXiv:2105.15082\n`);
    expect(ids).toEqual(["2110.03888", "2105.15082"]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      `d.txt:2: "${marker}" is read as the marker arXiv:2110.03888; write it exactly "arXiv:2110.03888" (that case, a colon, no space)`,
    ]);
  });

  it("reports a near-marker followed by text, which could be prose", () => {
    expect(read("First.\nArXiv:2110.03888In this work we study.\narXiv:2105.15082\n").problems).toEqual([
      'd.txt:2: "ArXiv:2110.03888In this work we study." starts like a marker but is not written as one; if it ends a record, write "arXiv:2110.03888" on a line of its own (the next abstract may follow it), else reword the line so it does not start with "ArXiv"',
    ]);
  });

  it.each([
    ["arXv:2003.13198"],
    ["0arXiv:2003.13198"],
    ["[arXiv:2003.13198"],
    ["arXi v:2003.13198"],
    ["- arXiv:2003.13198"],
  ])("reports the mistyped marker %j", (marker) => {
    const { problems } = read(`First.\n${marker}Second.\narXiv:2105.15082\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^d\.txt:2: ".*" looks like a marker with a typo \(".*:"\); if it ends a record, write "arXiv:2003\.13198" at the start of the line, else reword the line$/,
    );
  });

  it("reports a marker whose line break was lost, glued mid-line to the next abstract", () => {
    expect(
      read("First, 11 pages, 6 figuresarXiv:2105.15082Table-to-text generation.\narXiv:2105.14778\n").problems,
    ).toEqual([
      'd.txt:1: "figuresarXiv:2105.15082" inside the line is an arXiv id glued to the next word, as a marker is glued to the next abstract: if a line break before the marker was lost, put "arXiv:2105.15082" at the start of a line; else put a space after the id',
    ]);
  });

  it("leaves arXiv's own notes that start with arXiv as text", () => {
    const { ids, problems } = read(
      "An abstract.\narXiv admin note: text overlap with arXiv:1106.3012\narXiv:2105.15082\n",
    );
    expect(problems).toEqual([]);
    expect(ids).toEqual(["2105.15082"]);
  });

  it.each([
    [" ", "a space"],
    ["\t", "a tab"],
    ["\u00a0", "a no-break space"],
    ["\u200b", "a zero-width space"],
    ["\ufeff", "a BOM"],
    ["\u200f", "a right-to-left mark"],
    ["\u202b", "a bidi embedding"],
  ])("never loses a marker after %j (%s)", (prefix) => {
    const { ids, problems } = read(`First.\n${prefix}arXiv:2110.03888\nSecond.\narXiv:2105.15082\n`);
    expect(ids).toEqual(["2110.03888", "2105.15082"]);
    expect(problems).toEqual([]);
  });

  it.each([["\u2028"], ["\u2029"], ["\u0085"], ["\u000b"], ["\u000c"], ["\u0000"]])(
    "never loses a marker after %j, and reports the character",
    (separator) => {
      const { ids, problems } = read(`First.${separator}arXiv:2110.03888\nSecond.\narXiv:2105.15082\n`);
      expect(ids).toEqual(separator === "\u0000" ? ["2105.15082"] : ["2110.03888", "2105.15082"]);
      expect(problems[0]).toMatch(/^d\.txt:1: the (control )?character U\+/);
      expect(problems.every((p) => p.startsWith("d.txt:1: "))).toBe(true);
    },
  );

  it("reads a marker after a NUL at the start of its line, and reports the NUL", () => {
    const { ids, problems } = read("First.\n\u0000arXiv:2110.03888\nSecond.\narXiv:2105.15082\n");
    expect(ids).toEqual(["2110.03888", "2105.15082"]);
    expect(problems).toEqual([
      "d.txt:2: the control character U+0000 (NUL) at column 1; control characters make feeds invalid XML, remove it",
    ]);
  });

  it("reports control characters in an abstract or comments with their column", () => {
    expect(read("An ESC \u001b[31m in text.\narXiv:2105.15082\n").problems).toEqual([
      "d.txt:1: the control character U+001B (ESC) at column 8; control characters make feeds invalid XML, remove it",
    ]);
  });
});
