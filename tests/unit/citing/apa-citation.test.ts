import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import { apaAuthors, apaCitation } from "../../../src/lib/citing/apa-citation.ts";
import { assignCitationKeys, bibtexEntry } from "../../../src/lib/citing/bibtex.ts";
import { makePaper, seedPaper, seedPapers } from "../paper-fixture.ts";

/** citation-js's APA reference from a BibTeX entry, its titles read in sentence case (braced words kept). */
function citationJsApa(bibtex: string): string {
  plugins.config.get("@bibtex").parse.sentenceCase = "always";
  return new Cite(bibtex).format("bibliography", { format: "text", template: "apa", lang: "en-US" }).trim();
}

describe("apaCitation", () => {
  it("cites a paper in proceedings with its pages and publisher DOI", () => {
    expect(apaCitation(seedPaper("1806.03653"))).toBe(
      "Yang, A., & Li, S. (2018). SciDTB: Discourse dependency TreeBank for scientific abstracts. In Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers) (pp. 444–449). https://doi.org/10.18653/v1/P18-2071",
    );
  });

  it("cites a preprint by its arXiv id and arXiv's DOI", () => {
    expect(apaCitation(seedPaper("1907.01686"))).toBe(
      "Zhang, X., Yang, A., Li, S., & Wang, Y. (2019). Machine reading comprehension: A literature review (arXiv:1907.01686). arXiv. https://doi.org/10.48550/arXiv.1907.01686",
    );
  });

  it("links the venue's page when the publisher's DOI is not known", () => {
    expect(apaCitation(seedPaper("2202.03052"))).toMatch(
      /\(2022\)\. OFA: Unifying architectures, .* learning framework\. In Proceedings of the 39th International Conference on Machine Learning \(pp\. 23318–23340\)\. https:\/\/proceedings\.mlr\.press\/v162\/wang22al\.html$/,
    );
  });

  it("writes the title in sentence case, keeping acronyms and the proper nouns the abstract capitalises", () => {
    expect(apaCitation(seedPaper("2103.00823"))).toContain(
      "(2021). M6: A Chinese multimodal pretrainer (arXiv:2103.00823).",
    );
    expect(apaCitation(seedPaper("2003.13198"))).toContain(
      "(2020). InterBERT: Vision-and-language interaction for multi-modal pretraining (arXiv:2003.13198).",
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
      "Anonymous work (arXiv:2301.00001). (2023). arXiv. https://doi.org/10.48550/arXiv.2301.00001",
    );
  });
});

describe("apaCitation against citation-js's APA from the paper's own BibTeX entry", () => {
  const keys = assignCitationKeys(seedPapers);

  it.each(seedPapers.map((paper) => [paper.id, paper] as const))("%s: the same authors, year and title", (_, paper) => {
    // APA 7 (9.8) writes the ellipsis before the last of 21 or more authors as spaced full stops, citation-js as one character.
    // A preprint's title is followed by its number, "(arXiv:2105.15082).", where citation-js puts the source.
    const ours = apaCitation(paper)
      .replace(". . .", "…")
      .replace(/ \(arXiv:[^)]+\)\./, ".");
    const theirs = citationJsApa(bibtexEntry(paper, keys.get(paper.id)!));
    const head = ours.slice(0, ours.indexOf("). ") + 3);
    expect(theirs.startsWith(head), theirs).toBe(true);
    const words = (text: string) => text.slice(head.length).split(" ");
    const title = words(ours).slice(0, words(ours).findIndex((w) => /\.$/.test(w)) + 1);
    title.forEach((word, i) => {
      const other = words(theirs)[i]!.replace(/\.$/, "");
      const mine = word.replace(/\.$/, "");
      // Two known differences, where citation-js's guess is not APA's rule: it keeps a word whose
      // capital follows a hyphen ("Vision-and-Language"), and the first word of a subtitle as written ("a").
      if (/-\p{Lu}/u.test(other) || /:$/.test(title[i - 1] ?? "")) expect(mine.toLowerCase()).toBe(other.toLowerCase());
      else expect(mine).toBe(other);
    });
  });

  it("names an arXiv-only paper's source as the BibTeX entry gives it", () => {
    const theirs = citationJsApa(bibtexEntry(seedPaper("2105.15082"), "yang2021m6t"));
    expect(theirs).toContain("M6-T: Exploring sparse expert models and beyond. arXiv preprint arXiv:2105.15082.");
    expect(theirs).toContain("https://doi.org/10.48550/arXiv.2105.15082");
    expect(citationJsApa(bibtexEntry(seedPaper("2202.03052"), "wang2022ofa"))).not.toContain("10.48550");
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
