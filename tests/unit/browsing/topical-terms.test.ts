import { describe, expect, it } from "vitest";
import { isTopicalTerm, topicalTerms } from "../../../src/lib/browsing/topical-terms.ts";
import { findRelatedPapers } from "../../../src/lib/browsing/related-papers.ts";
import { seedPapers } from "../paper-fixture.ts";

describe("topicalTerms", () => {
  it("leaves out stop words and the words of scholarly prose, keeping the order given", () => {
    expect(topicalTerms(["top", "effective", "routing", "step", "each", "experts", "sparse", "gating"])).toEqual([
      "routing",
      "experts",
      "sparse",
    ]);
    for (const term of ["the", "each", "top", "effective", "step", "specific", "provide", "multi", "12"]) {
      expect(isTopicalTerm(term), term).toBe(false);
    }
    for (const term of ["retrieval", "trillion", "chinese", "m6", "bert", "discourse"]) {
      expect(isTopicalTerm(term), term).toBe(true);
    }
  });

  it("leaves three topical terms for most related seed papers, none of them a stop word", () => {
    const related = [...findRelatedPapers(seedPapers).values()].flat();
    const shown = related.map((item) => topicalTerms(item.sharedTerms));
    expect(shown.flat().filter((term) => !isTopicalTerm(term))).toEqual([]);
    expect(shown.flat()).not.toContain("top");
    expect(shown.filter((terms) => terms.length === 3).length).toBeGreaterThan(related.length / 2);
  });
});
