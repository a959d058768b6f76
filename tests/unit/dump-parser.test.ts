import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDump, parseDumps } from "../../src/lib/dump-parser.ts";
import { formatProblem } from "../../src/lib/problems.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dumps/${name}`, import.meta.url), "utf8");
const seed = readFileSync(new URL("../../content/abstracts.txt", import.meta.url), "utf8");

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

  it("splits a four-digit id glued to text starting with a digit", () => {
    const { records } = parseDump(fixture("fixed-length.txt"), "f.txt");
    expect(records.map((r) => [r.id, r.abstract])).toEqual([
      ["1207.0580", "An old four-digit id, glued."],
      ["1501.00001", "3D shapes are reconstructed from a single image."],
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
