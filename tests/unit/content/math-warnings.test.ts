import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";

describe("math KaTeX cannot typeset", () => {
  const catalogue = buildCatalogue({
    dumps: [
      {
        file: "content/abstracts.txt",
        source: [
          "A first paper with $x$ in it.",
          "arXiv:2101.00001",
          "A second paper.",
          "Its second paragraph breaks $x^$ here.",
          "arXiv:2101.00002",
        ].join("\n"),
      },
    ],
    metadata: {
      file: "content/papers.yaml",
      source: ['"2101.00001":', '  title: "Bounds on $\\\\sqrt{$ and more"', '"2101.00002":', "  title: Fine"].join(
        "\n",
      ),
    },
  });

  it("is a warning naming the paper's file:line, the formula and KaTeX's message", () => {
    expect(catalogue.problems).toEqual([]);
    const warnings = catalogue.warnings.filter((w) => w.includes("KaTeX"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^content\/abstracts\.txt:3: arXiv:2101\.00002: KaTeX cannot typeset "\$x\^\$" in its abstract \(paragraph 2\) \(KaTeX parse error: .+\); the page shows it as written\. Correct the TeX, or write \\\$ for a dollar sign that opens no formula$/,
    );
  });

  it("is shown as written, and a title's is reported at its line in papers.yaml", () => {
    const second = catalogue.papers.find((p) => p.id === "2101.00002")!;
    expect(second.abstract.html).toContain("breaks $x^$ here.");
    expect(second.abstract.html).not.toContain("katex-error");
    const broken = buildCatalogue({
      dumps: [{ file: "a.txt", source: "An abstract.\narXiv:2101.00001\n" }],
      metadata: {
        file: "papers.yaml",
        source: '"2101.00001":\n  authors: [A. Author]\n  title: "A $\\\\frac{1}$ title"\n',
      },
    });
    expect(broken.warnings.filter((w) => w.includes("KaTeX"))).toEqual([
      expect.stringMatching(
        /^papers\.yaml:3: arXiv:2101\.00001: KaTeX cannot typeset "\$\\frac\{1\}\$" in its title \(/,
      ),
    ]);
    expect(broken.papers[0]!.title.html).toBe("A $\\frac{1}$ title");
  });
});
