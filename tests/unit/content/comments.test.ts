import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeComments, parseComments, readLastLine } from "../../../src/lib/content/comments.ts";

interface RealLine {
  id: string;
  path: string;
  text: string;
  paragraphs?: number;
}
/** Real arXiv records (arXiv's own .abs files, repository and commit inside): Comments and abstracts' last paragraphs. */
const real = JSON.parse(
  readFileSync(new URL("../../fixtures/real-records/arxiv-browse-abs.json", import.meta.url), "utf8"),
) as { comments: RealLine[]; abstractLastParagraphs: RealLine[] };

describe("parseComments", () => {
  it("reads pages and figures", () => {
    expect(parseComments("23 pages, 11 figures")).toMatchObject({
      pages: 23,
      figures: 11,
      tables: null,
      venue: null,
      kind: null,
    });
  });

  it("normalises a venue glued to its year and keeps Findings", () => {
    expect(parseComments("13 pages, 2 figures. Accepted in ACL2021 Findings")).toMatchObject({
      pages: 13,
      figures: 2,
      venue: "ACL 2021 Findings",
      year: 2021,
    });
  });

  it("separates the venue from the kind of paper", () => {
    expect(parseComments("Accepted to ACL 2018 (short paper)")).toMatchObject({
      venue: "ACL 2018",
      year: 2018,
      kind: "short paper",
    });
    expect(parseComments("Accepted by ACL-IJCNLP 2021 main conference (Long Paper)")).toMatchObject({
      venue: "ACL-IJCNLP 2021",
      kind: "long paper",
    });
  });

  it("reads kinds: technical report, preprint, survey", () => {
    expect(parseComments("12 pages, technical report").kind).toBe("technical report");
    expect(parseComments("46 pages, preprint version").kind).toBe("preprint");
    expect(parseComments("A survey; 30 pages").kind).toBe("survey");
  });

  it("reads two-digit years and free-text venues", () => {
    expect(parseComments("To appear in NeurIPS'21").venue).toBe("NeurIPS 2021");
    expect(parseComments("Published in the Journal of Machine Learning Research, 2020")).toMatchObject({
      venue: "Journal of Machine Learning Research",
      year: null,
    });
    expect(parseComments("Findings of EMNLP 2020").venue).toBe("EMNLP 2020 Findings");
  });

  it("reads nothing from no comments", () => {
    expect(parseComments(null)).toEqual({
      pages: null,
      figures: null,
      tables: null,
      venue: null,
      year: null,
      kind: null,
    });
  });
});

describe("looksLikeComments", () => {
  it.each([
    "23 pages, 11 figures",
    "Accepted to ACL 2018 (short paper)",
    "12 pages, technical report",
    "46 pages, preprint version",
    "Code: https://github.com/x/y",
    "Accepted by ACL-IJCNLP 2021 main conference (Long Paper)",
  ])("takes %j for comments", (line) => expect(looksLikeComments(line)).toBe(true));

  it.each([
    "We propose a new model for machine reading comprehension and show it beats strong baselines on four benchmarks.",
    "Experiments on three datasets show large gains.",
    `${"A long abstract sentence that mentions 12 pages of proofs. ".repeat(5)}`,
  ])("takes %j for abstract text", (line) => expect(looksLikeComments(line)).toBe(false));
});

describe("readLastLine on real arXiv records", () => {
  /** The lines read as the other kind without a doubt to warn of. */
  const silentlyMisread = (lines: RealLine[], truth: "comments" | "abstract") =>
    lines.filter((line) => {
      const { reading, doubt } = readLastLine(line.text);
      return reading !== truth && doubt === null;
    });

  it("reads every real Comments line as Comments, or warns", () => {
    expect(real.comments.length).toBeGreaterThan(900);
    // The one real Comments line that is a sentence about the physics, with nothing of a note in it.
    expect(silentlyMisread(real.comments, "comments").map((line) => line.id)).toEqual(["0704.0117"]);
    const read = real.comments.filter((line) => readLastLine(line.text).reading === "comments");
    expect(read.length).toBeGreaterThanOrEqual(901);
  });

  it("reads the last paragraph of every real multi-paragraph abstract as abstract, or warns", () => {
    const multi = real.abstractLastParagraphs.filter((line) => line.paragraphs! > 1);
    expect(multi.length).toBeGreaterThan(75);
    // An index of a workshop's papers, whose last paragraph is itself a publication note.
    expect(silentlyMisread(multi, "abstract").map((line) => line.id)).toEqual(["0704.0213"]);
  });

  it("reads one-paragraph abstracts as abstracts, but for withdrawal notices and test stubs", () => {
    const single = real.abstractLastParagraphs.filter((line) => line.paragraphs === 1);
    expect(single.length).toBeGreaterThan(1000);
    const misread = silentlyMisread(single, "abstract").map((line) => line.text);
    expect(misread.every((text) => /withdrawn|^Fake paper/i.test(text))).toBe(true);
    expect(misread.length).toBeLessThanOrEqual(6);
  });

  it.each([
    ["revision note", "Typographic errors are revised and several expressions are modified to better ones"],
    ["thesis note", "Ph.D. dissertation,"],
    [
      "keyword list",
      "Keywords: Quasilinear Neumann problem, m-Laplacian operator, least-energy solution, exponential decay, mean curvature.",
    ],
    ["withdrawal notice", "This paper has been withdrawn due to an error in Lemma 8"],
    ["publication note", "Key Lecture at YKIS2006, Kyoto, Dec. 2006"],
    [
      "long comment with pages, figures and a URL",
      "380 authors, 13 pages, 12 figures, 2 tables. Submitted to Phys. Rev. C. Plain text data tables for the points plotted in figures for this and previous PHENIX publications are (or will be) publicly available at http://www.phenix.bnl.gov/papers.html",
    ],
  ])("reads a real %s as Comments", (_kind, line) => {
    expect(readLastLine(line).reading).toBe("comments");
  });

  it("keeps a long second paragraph of prose and a line naming a person and an institution as abstract", () => {
    const prose = real.abstractLastParagraphs.find((line) => line.id === "0704.0010")!.text;
    expect(prose.length).toBeGreaterThan(200);
    expect(readLastLine(prose)).toEqual({ reading: "abstract", doubt: null });
    expect(
      readLastLine("This work was done in collaboration with Prof. Maria Rossi of the University of Padova.").reading,
    ).toBe("abstract");
  });

  it("warns when a short fragment names nothing either reading has", () => {
    expect(readLastLine("so fake")).toEqual({
      reading: "abstract",
      doubt: "is a short fragment, which could be arXiv Comments",
    });
  });
});
