import { describe, expect, it } from "vitest";
import { syntheticCatalogue } from "../../../scripts/synthetic-catalogue.ts";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";

describe("syntheticCatalogue", () => {
  it("is deterministic for a size and seed, and differs with the seed", () => {
    expect(syntheticCatalogue(50, 7)).toEqual(syntheticCatalogue(50, 7));
    expect(syntheticCatalogue(50, 8).abstracts).not.toBe(syntheticCatalogue(50, 7).abstracts);
  });

  it("is a valid catalogue: every paper parsed, titled and authored, about 200 words each", () => {
    const generated = syntheticCatalogue(300);
    const catalogue = buildCatalogue({
      dumps: [{ file: "abstracts.txt", source: generated.abstracts }],
      metadata: { file: "papers.yaml", source: generated.papers },
    });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.papers).toHaveLength(300);
    expect(catalogue.papers.every((p) => !p.untitled && p.authors.length >= 3 && p.authors.length <= 12)).toBe(true);
    const words = catalogue.papers.map((p) => p.abstract.text.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(180);
    expect(Math.max(...words)).toBeLessThanOrEqual(300);
  });
});
