import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalogue, shortVenue } from "../../src/lib/catalogue.ts";
import { formatProblem } from "../../src/lib/problems.ts";

const read = (path: string) => ({
  file: path,
  source: readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"),
});
const seed = buildCatalogue({ dumps: [read("content/abstracts.txt")], metadata: read("content/papers.yaml") });
const byId = Object.fromEntries(seed.papers.map((p) => [p.id, p]));

describe("the seed catalogue", () => {
  it("has the 10 papers, newest first, with no problem and no warning", () => {
    expect(seed.problems).toEqual([]);
    expect(seed.warnings).toEqual([]);
    expect(seed.papers.map((p) => p.submitted)).toEqual([...seed.papers.map((p) => p.submitted)].sort().reverse());
    expect(seed.papers).toHaveLength(10);
  });

  it("merges papers.yaml: title, authors in order, date, venue, code, DOI", () => {
    expect(byId["2105.15082"]).toMatchObject({
      title: { text: "M6-T: Exploring Sparse Expert Models and Beyond" },
      submitted: "2021-05-31",
      year: 2021,
      categories: ["cs.LG", "cs.CL"],
      untitled: false,
    });
    expect(byId["2105.15082"]!.authors.slice(0, 3).map((a) => a.name)).toEqual(["An Yang", "Junyang Lin", "Rui Men"]);
    expect(byId["1806.03653"]).toMatchObject({
      doi: "10.18653/v1/P18-2071",
      code: "https://github.com/PKU-TANGENT/SciDTB",
      venueShort: "ACL 2018",
    });
    expect(byId["2202.03052"]).toMatchObject({
      venueShort: "ICML 2022",
      venueUrl: "https://proceedings.mlr.press/v162/wang22al.html",
      facts: { pages: 23, figures: 11 },
    });
    expect(byId["2105.14778"]!.venueShort).toBe("ACL 2021 Findings");
  });

  it("derives links and arXiv's DOI from the id", () => {
    expect(byId["2206.01958"]).toMatchObject({
      links: { abs: "https://arxiv.org/abs/2206.01958", pdf: "https://arxiv.org/pdf/2206.01958" },
      arxivDoi: "10.48550/arXiv.2206.01958",
    });
  });

  it("names every author of every paper", () => {
    const yaml = readFileSync(new URL("../../content/papers.yaml", import.meta.url), "utf8");
    const authorLines = yaml.split("\n").filter((line) => line.startsWith("  - ") && !/^  - cs\./.test(line)).length;
    expect(seed.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(authorLines);
  });
});

describe("a catalogue without papers.yaml", () => {
  it("publishes every paper under a placeholder title and lists them in a warning", () => {
    const bare = buildCatalogue({ dumps: [read("content/abstracts.txt")] });
    expect(bare.problems).toEqual([]);
    expect(bare.papers).toHaveLength(10);
    expect(bare.papers[0]!.title.text).toBe("Untitled paper (arXiv:2206.01958)");
    expect(bare.papers.every((p) => p.untitled && p.authors.length === 0)).toBe(true);
    expect(bare.warnings).toEqual([
      "10 papers have no title in papers.yaml (there is none) and are published under a placeholder: 2206.01958, 2202.03052, 2110.03888, 2105.15082, 2105.14778, 2105.13868, 2103.00823, 2003.13198, 1907.01686, 1806.03653",
    ]);
  });
});

describe("bad input stops the build with file:line: message", () => {
  const problemsOf = (name: string) => {
    const dir = `tests/fixtures/bad/${name}`;
    const metadata = existsSync(new URL(`../../${dir}/papers.yaml`, import.meta.url))
      ? read(`${dir}/papers.yaml`)
      : null;
    return buildCatalogue({ dumps: [read(`${dir}/abstracts.txt`)], metadata }).problems.map(formatProblem);
  };

  it.each([
    [
      "text-after-last-marker",
      'abstracts.txt:3: text after the last record: "An abstract whose marker was lost.". Every record ends with an "arXiv:<id>" line; add the marker for this abstract or remove the text',
    ],
    ["no-abstract", "abstracts.txt:3: record arXiv:2202.03052 has no abstract: nothing precedes its marker"],
    [
      "malformed-id",
      'abstracts.txt:4: malformed arXiv id "22o6.0195": expected YYMM.NNNNN (e.g. 2206.01958) or archive/YYMMNNN (e.g. hep-th/9711200)',
    ],
    [
      "duplicate-id",
      "abstracts.txt:4: arXiv:2206.01958 appears twice: first at line 2, again here. Keep one record per paper",
    ],
    [
      "unknown-id",
      "papers.yaml:3: arXiv:2301.99999 is not in any dump (tests/fixtures/bad/unknown-id/abstracts.txt); remove the entry or add the paper's record to a dump",
    ],
    [
      "invalid-yaml",
      "papers.yaml:4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["wrong-type", "papers.yaml:3: 2206.01958: authors: expected a list, found a text value"],
  ])("%s", (name, message) => {
    expect(problemsOf(name)).toEqual([`tests/fixtures/bad/${name}/${message}`]);
  });
});

describe("shortVenue", () => {
  it("keeps the venue up to its first aside", () => {
    expect(shortVenue("ICML 2022 (Proceedings of the 39th International Conference on Machine Learning)")).toBe(
      "ICML 2022",
    );
    expect(shortVenue("ACL 2018: Proceedings of the 56th Annual Meeting")).toBe("ACL 2018");
    expect(shortVenue("Findings of ACL, pp. 4831-4843")).toBe("Findings of ACL");
  });
});
