import { describe, expect, it } from "vitest";
import {
  canonicalCategory,
  categoryName,
  isArxivCategory,
  TAXONOMY_SOURCE,
} from "../../../src/lib/content/arxiv-taxonomy.ts";

describe("arXiv's category taxonomy", () => {
  it("names categories as arXiv does, retired ones included", () => {
    expect(categoryName("cs.CL")).toBe("Computation and Language");
    expect(categoryName("hep-th")).toBe("High Energy Physics - Theory");
    expect(categoryName("math.AG")).toBe("Algebraic Geometry");
    expect(categoryName("cmp-lg")).toBe("Computation and Language");
    expect(categoryName("cs.XX")).toBeNull();
  });

  it("tells arXiv's categories from MSC and ACM class codes", () => {
    expect(["cs.LG", "stat.ML", "eess.IV", "astro-ph"].every(isArxivCategory)).toBe(true);
    expect(["68T05", "I.2.7", "G.1.6", "test.soft", ""].some(isArxivCategory)).toBe(false);
  });

  it("knows arXiv's aliases and where the data comes from", () => {
    expect(canonicalCategory("math.IT")).toBe("cs.IT");
    expect(canonicalCategory("cs.CL")).toBe("cs.CL");
    expect(TAXONOMY_SOURCE).toMatch(/^arXiv\/arxiv-base, arxiv\/taxonomy\/definitions\.py, commit [0-9a-f]{40}/);
  });
});
