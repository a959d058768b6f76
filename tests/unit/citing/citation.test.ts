import { describe, expect, it } from "vitest";
import { citePapers } from "../../../src/lib/citing/citation.ts";
import { seedPapers } from "../paper-fixture.ts";

describe("citePapers", () => {
  it("cites every paper once, each entry under its unique key", () => {
    const citations = citePapers(seedPapers);
    expect([...citations.keys()]).toEqual(seedPapers.map((p) => p.id));
    for (const { key, bibtex, apa } of citations.values()) {
      expect(bibtex.startsWith(`@`) && bibtex.includes(`{${key},\n`)).toBe(true);
      expect(apa).toMatch(/\(\d{4}\)\./);
    }
    expect(new Set([...citations.values()].map((c) => c.key)).size).toBe(10);
  });
});
