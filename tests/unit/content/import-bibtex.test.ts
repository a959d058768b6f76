import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBibtexImport, plainTexText } from "../../../src/lib/content/import-bibtex.ts";

const fixture = (name: string) => readFileSync(`tests/fixtures/import/bibtex/${name}`, "utf8");

describe("BibTeX exports", () => {
  it("Google Scholar: matches the paper by the arXiv id in journal, and names no venue for a preprint", () => {
    const { papers, problems } = parseBibtexImport(fixture("google-scholar.bib"), "gs.bib");
    expect(problems).toEqual([]);
    expect(papers).toEqual([
      {
        id: "1806.03653",
        version: null,
        title: "SciDTB: Discourse dependency TreeBank for scientific abstracts",
        authors: ["An Yang", "Sujian Li"],
        source: { file: "gs.bib", line: 3 },
      },
    ]);
  });

  it("DBLP: matches by eprint, keeps authors' order, CoRR is not a venue, no date from the year", () => {
    const [paper] = parseBibtexImport(fixture("dblp.bib"), "dblp.bib").papers;
    expect(paper).toEqual({
      id: "2110.07602",
      version: null,
      title: "P-Tuning v2: Prompt Tuning Can Be Comparable to Fine-tuning Universally Across Scales and Tasks",
      authors: ["Xiao Liu", "Kaixuan Ji", "Yicheng Fu", "Zhengxiao Du", "Zhilin Yang", "Jie Tang"],
      source: { file: "dblp.bib", line: 2 },
    });
  });

  it("arXiv's export: eprint with archivePrefix, primaryClass as the category", () => {
    const [paper] = parseBibtexImport(fixture("arxiv-export.bib"), "ax.bib").papers;
    expect(paper).toMatchObject({
      id: "2104.05704",
      categories: ["cs.CV"],
      title: "Escaping the Big Data Paradigm with Compact Transformers",
    });
  });

  it("Zotero: braces dropped, arXiv's DOI not taken as the publisher's, urldate not a date, abstract kept", () => {
    const { papers } = parseBibtexImport(fixture("zotero.bib"), "z.bib");
    expect(papers.map((p) => p.id)).toEqual(["2502.13070", "2107.03451"]);
    expect(papers[0]!.title).toBe(
      "Real-time interpretation of neutron vibrational spectra with symmetry-equivariant Hessian matrix prediction",
    );
    expect(papers[1]!.title).toBe("Anticipating Safety Issues in E2E Conversational AI: Framework and Tooling");
    expect(papers[1]!.authors).toEqual([
      "Emily Dinan",
      "Gavin Abercrombie",
      "A. Stevie Bergman",
      "Shannon Spruit",
      "Dirk Hovy",
      "Y.-Lan Boureau",
      "Verena Rieser",
    ]);
    for (const paper of papers) {
      expect(paper.doi).toBeUndefined();
      expect(paper.submitted).toBeUndefined();
      expect(paper.venue).toBeUndefined();
    }
    expect(papers[1]!.abstract).toMatch(/^Over the last several years, end-to-end neural conversational agents/);
  });

  it("accent macros and protective braces become plain text; math stays TeX", () => {
    expect(plainTexText("{BERT} and M{\\\"u}ller's {\\L}ukasz: R\\'{e}nyi $k$-means \\emph{fast}")).toBe(
      "BERT and Müller's Łukasz: Rényi $k$-means fast",
    );
    const { papers } = parseBibtexImport(
      '@article{k, title = {{\\"O}ber {BERT}}, author = {J{\\"o}rg M{\\"u}ller and van der Berg, Anna}, eprint = {2206.01958}}',
      "k.bib",
    );
    expect(papers[0]).toMatchObject({ title: "Öber BERT", authors: ["Jörg Müller", "Anna van der Berg"] });
  });

  it("names an entry without an arXiv id as skipped, and one without a title or broken as a problem with its line", () => {
    const source = [
      "@book{knuth, title = {The Art of Computer Programming}, author = {Knuth, Donald}}",
      "",
      "@misc{untitled, author = {A, B}, eprint = {2206.01958}, archivePrefix = {arXiv}}",
      "@article{broken",
      "  title = {x},",
    ].join("\n");
    const { papers, problems, skipped } = parseBibtexImport(source, "b.bib");
    expect(papers).toEqual([]);
    expect(skipped).toEqual([
      {
        file: "b.bib",
        line: 1,
        message: "@book{knuth} names no arXiv paper (no arXiv eprint, URL or DOI); not imported",
      },
    ]);
    expect(problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [4, "BibTeX entry cannot be read"],
      [3, "@misc{untitled} (arXiv"],
    ]);
  });
});
