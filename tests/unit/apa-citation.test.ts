import { describe, expect, it } from "vitest";
import { apaAuthors, apaCitation } from "../../src/lib/apa-citation.ts";
import { makePaper, seedPaper } from "./paper-fixture.ts";

describe("apaCitation", () => {
  it("cites a paper in proceedings with its pages and publisher DOI", () => {
    expect(apaCitation(seedPaper("1806.03653"))).toBe(
      "Yang, A., & Li, S. (2018). SciDTB: Discourse Dependency TreeBank for Scientific Abstracts. In Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers) (pp. 444–449). https://doi.org/10.18653/v1/P18-2071",
    );
  });

  it("cites a preprint by its arXiv id and arXiv's DOI", () => {
    expect(apaCitation(seedPaper("1907.01686"))).toBe(
      "Zhang, X., Yang, A., Li, S., & Wang, Y. (2019). Machine Reading Comprehension: a Literature Review (arXiv:1907.01686). arXiv. https://doi.org/10.48550/arXiv.1907.01686",
    );
  });

  it("links the venue's page when the publisher's DOI is not known", () => {
    expect(apaCitation(seedPaper("2202.03052"))).toMatch(
      /\(2022\)\. OFA: .* Framework\. In Proceedings of the 39th International Conference on Machine Learning \(pp\. 23318–23340\)\. https:\/\/proceedings\.mlr\.press\/v162\/wang22al\.html$/,
    );
  });

  it("cites a journal paper with the journal's name", () => {
    expect(
      apaCitation(
        makePaper("2301.00001", { title: "Why?", authors: ["Ada Lovelace"], venue: "Journal of Things, pp. 1-2" }),
      ),
    ).toBe("Lovelace, A. (2023). Why? Journal of Things. https://arxiv.org/abs/2301.00001");
  });

  it("puts the title first when there is no author", () => {
    expect(apaCitation(makePaper("2301.00001", { title: "Anonymous Work" }))).toBe(
      "Anonymous Work (arXiv:2301.00001). (2023). arXiv. https://doi.org/10.48550/arXiv.2301.00001",
    );
  });
});

describe("apaAuthors", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Given${i + 1} Family${i + 1}`);

  it("joins two to twenty authors with commas and an ampersand", () => {
    expect(apaAuthors(["An Yang"])).toBe("Yang, A.");
    expect(apaAuthors(["An Yang", "Sujian Li"])).toBe("Yang, A., & Li, S.");
    expect(apaAuthors(names(20))).toMatch(/^Family1, G\., .*Family19, G\., & Family20, G\.$/);
  });

  it("gives the first nineteen of 21 or more, an ellipsis, then the last", () => {
    const list = apaAuthors(names(25));
    expect(list).toMatch(/Family19, G\., \. \. \. Family25, G\.$/);
    expect(list).not.toContain("Family20");
    expect(list).not.toContain("&");
  });
});
