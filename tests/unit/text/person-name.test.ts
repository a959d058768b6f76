import { describe, expect, it } from "vitest";
import { initials, splitName } from "../../../src/lib/text/person-name.ts";

describe("splitName", () => {
  it("takes the last word as the family name", () => {
    expect(splitName("An Yang")).toEqual({ given: ["An"], family: "Yang", suffix: null });
    expect(splitName("  Jean-Pierre   Marie Dupont ")).toEqual({
      given: ["Jean-Pierre", "Marie"],
      family: "Dupont",
      suffix: null,
    });
  });

  it("keeps particles with the family name", () => {
    expect(splitName("Ludwig van der Berg")).toEqual({ given: ["Ludwig"], family: "van der Berg", suffix: null });
    expect(splitName("Maria de la Cruz").family).toBe("de la Cruz");
  });

  it("reads BibTeX's inverted forms", () => {
    expect(splitName("Yang, An")).toEqual({ given: ["An"], family: "Yang", suffix: null });
    expect(splitName("King, Jr., Martin Luther")).toEqual({
      given: ["Martin", "Luther"],
      family: "King",
      suffix: "Jr.",
    });
  });

  it("sets a generational suffix apart", () => {
    expect(splitName("Martin Luther King Jr.")).toEqual({ given: ["Martin", "Luther"], family: "King", suffix: "Jr." });
  });

  it("gives a single-word name as the family name", () => {
    expect(splitName("Plato")).toEqual({ given: [], family: "Plato", suffix: null });
    expect(splitName("")).toEqual({ given: [], family: "", suffix: null });
  });
});

describe("initials", () => {
  it("abbreviates each given name, hyphenated ones by part", () => {
    expect(initials(["Jean-Pierre", "marie"])).toBe("J.-P. M.");
    expect(initials(["Émile"])).toBe("É.");
    expect(initials([])).toBe("");
  });
});
