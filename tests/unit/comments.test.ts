import { describe, expect, it } from "vitest";
import { looksLikeComments, parseComments } from "../../src/lib/comments.ts";

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
