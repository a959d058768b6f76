import { parse } from "@retorquere/bibtex-parser";
import { describe, expect, it } from "vitest";
import {
  asciiKeyPart,
  assignCitationKeys,
  bibtexEntry,
  bibtexFile,
  citationKeyBase,
  texField,
  textField,
} from "../../../src/lib/citing/bibtex.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { makePaper, seedPaper, seedPapers } from "../paper-fixture.ts";

/** Reads BibTeX back with the parser Zotero's Better BibTeX uses, TeX decoded to Unicode. */
function parseBack(bib: string) {
  const library = parse(bib, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

const flat = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

function expectRoundTrip(paper: Paper, key: string) {
  const [entry] = parseBack(bibtexEntry(paper, key));
  expect(entry!.key).toBe(key);
  expect(flat(String(entry!.fields["title"]))).toBe(flat(paper.title.text));
  const authors = (entry!.fields["author"] ?? []) as { firstName?: string; lastName?: string; name?: string }[];
  expect(authors.map((a) => flat(a.name ?? `${a.firstName} ${a.lastName}`))).toEqual(
    paper.authors.map((a) => flat(a.name)),
  );
  expect(entry!.fields["year"]).toBe(String(paper.year));
  expect(entry!.fields["eprint"]).toBe(paper.id);
}

describe("citation keys", () => {
  it("are the first author's family name, the year and the first significant title word", () => {
    expect(citationKeyBase(seedPaper("1806.03653"))).toBe("yang2018scidtb");
    expect(citationKeyBase(seedPaper("2105.15082"))).toBe("yang2021m6t");
    expect(citationKeyBase(seedPaper("2206.01958"))).toBe("jiang2022instancewise");
    expect(
      citationKeyBase(makePaper("2301.00001", { title: "On the Rényi Divergence", authors: ["Søren Ødegård"] })),
    ).toBe("odegard2023renyi");
    expect(citationKeyBase(makePaper("2301.00001", { title: "A Study", authors: ["Ludwig van Beethoven"] }))).toBe(
      "vanbeethoven2023study",
    );
  });

  it("fall back to anon, and to no title word, when the paper lacks them", () => {
    expect(citationKeyBase(makePaper("2301.00001"))).toBe("anon2023");
    expect(citationKeyBase(makePaper("2301.00001", { title: "中文标题", authors: ["张三"] }))).toBe("anon2023");
  });

  it("spell letters in ASCII", () => {
    expect(asciiKeyPart("Łukasz Müller-Straße")).toBe("lukaszmullerstrasse");
  });

  it("spell every Latin letter of a family name, none dropped", () => {
    const paper = makePaper("1801.00001", { title: "Þing Rules", authors: ["Þór Ðóra"], submitted: "2018-01-05" });
    expect(citationKeyBase(paper)).toBe("dora2018thing");
  });

  it("are unique across the seed catalogue", () => {
    const keys = [...assignCitationKeys(seedPapers).values()];
    expect(new Set(keys).size).toBe(seedPapers.length);
    expect(assignCitationKeys(seedPapers).get("1806.03653")).toBe("yang2018scidtb");
  });

  it("tell papers with the same key apart by b, c in id order, so that a newer paper never renames an older one", () => {
    const same = (id: string) =>
      makePaper(id, { title: "Attention Is All You Need", authors: ["Ashish Vaswani"], submitted: "2017-06-12" });
    const older = [same("1706.03762"), same("1706.09999")];
    expect([...assignCitationKeys(older)]).toEqual([
      ["1706.03762", "vaswani2017attention"],
      ["1706.09999", "vaswani2017attentionb"],
    ]);
    const withNewer = assignCitationKeys([same("1712.00001"), ...older.reverse(), same("1711.00001")]);
    expect(withNewer.get("1706.03762")).toBe("vaswani2017attention");
    expect(withNewer.get("1706.09999")).toBe("vaswani2017attentionb");
    expect(withNewer.get("1711.00001")).toBe("vaswani2017attentionc");
    expect(withNewer.get("1712.00001")).toBe("vaswani2017attentiond");
  });

  it("never give a suffixed key that another paper has as its own", () => {
    const keys = assignCitationKeys([
      makePaper("2301.00001", { title: "X", authors: ["A Smith"] }),
      makePaper("2301.00002", { title: "X", authors: ["A Smith"] }),
      makePaper("2301.00003", { title: "Xb", authors: ["A Smith"] }),
    ]);
    expect(new Set(keys.values()).size).toBe(3);
  });
});

describe("bibtexEntry", () => {
  it("writes a paper with a known venue as @inproceedings with booktitle and pages", () => {
    expect(bibtexEntry(seedPaper("1806.03653"), "yang2018scidtb")).toBe(
      [
        "@inproceedings{yang2018scidtb,",
        "  title = {{SciDTB}: Discourse Dependency {TreeBank} for Scientific Abstracts},",
        "  author = {An Yang and Sujian Li},",
        "  booktitle = {Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)},",
        "  year = {2018},",
        "  pages = {444--449},",
        "  doi = {10.18653/v1/P18-2071},",
        "  url = {https://arxiv.org/abs/1806.03653},",
        "  eprint = {1806.03653},",
        "  archivePrefix = {arXiv}",
        "}",
      ].join("\n"),
    );
  });

  it("writes a preprint as @misc with eprint, archivePrefix and primaryClass", () => {
    const bib = bibtexEntry(seedPaper("2105.15082"), "yang2021m6t");
    expect(bib).toMatch(/^@misc\{yang2021m6t,\n/);
    expect(bib).toContain("  title = {{M6-T}: Exploring Sparse Expert Models and Beyond},\n");
    expect(bib).toContain("  howpublished = {arXiv preprint arXiv:2105.15082},\n");
    expect(bib).toContain("  doi = {10.48550/arXiv.2105.15082},\n");
    expect(bib).toContain("  eprint = {2105.15082},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.LG}\n}");
    expect(bib).not.toContain("booktitle");
  });

  it("never gives a published paper arXiv's DOI, which names the preprint, and links its published version", () => {
    const ofa = bibtexEntry(seedPaper("2202.03052"), "wang2022ofa");
    expect(ofa).toMatch(/^@inproceedings\{/);
    expect(ofa).not.toContain("10.48550");
    expect(ofa).not.toMatch(/\bdoi =/);
    expect(ofa).not.toContain("howpublished");
    expect(ofa).toContain("  url = {https://proceedings.mlr.press/v162/wang22al.html},\n");
    expect(ofa).toContain("  eprint = {2202.03052},\n");
  });

  it("braces the proper nouns its abstract capitalises, and lets styles lowercase title-case words", () => {
    // M6's abstract writes "Chinese" in mid-sentence; "Multimodal" and "Pretrainer" only the title capitalises.
    expect(bibtexEntry(seedPaper("2103.00823"), "k")).toContain(
      "  title = {{M6}: A {Chinese} Multimodal Pretrainer},\n",
    );
    expect(bibtexEntry(seedPaper("2110.03888"), "k")).toContain(
      "  title = {{M6-10T}: A Sharing-Delinking Paradigm for Efficient Multi-Trillion Parameter Pretraining},\n",
    );
  });

  it("writes a title with unbalanced math as text, so that the entry stays one well-formed entry", () => {
    const paper = makePaper("2301.00001", { title: "Scaling $x^{2$ laws", authors: ["Ada Lovelace"] });
    const bib = bibtexEntry(paper, "k");
    expect(bib).toContain("  title = {Scaling \\$x\\textasciicircum{}\\{2\\$ laws},\n");
    const [entry, ...rest] = parseBack(bib);
    expect(rest).toEqual([]);
    expect(entry!.fields["title"]).toBe("Scaling $x^{2$ laws");
    expect(entry!.fields["year"]).toBe("2023");
    expect(texField("Scaling $x^{2$ laws and $y$", true)).toBe("Scaling \\$x\\textasciicircum{}\\{2\\$ laws and $y$");
  });

  it("writes a journal paper as @article", () => {
    const bib = bibtexEntry(
      makePaper("2301.00001", { title: "T", venue: "Journal of Machine Learning Research 24, pp. 1-30" }),
      "k",
    );
    expect(bib).toMatch(/^@article\{k,/);
    expect(bib).toContain("  journal = {Journal of Machine Learning Research 24},\n");
  });

  it("parses back to the title, authors, year and eprint of every seed paper", () => {
    const keys = assignCitationKeys(seedPapers);
    for (const paper of seedPapers) expectRoundTrip(paper, keys.get(paper.id)!);
  });

  it("escapes TeX's special characters and turns accented letters into TeX accents, so a hostile title parses back", () => {
    const paper = makePaper("2301.00001", {
      title: "Q&A on R\\'{e}nyi's $\\alpha$-divergences: 100% {BERT} vs. GPT_2 #1 </script> Łódź naïve “quoted” – dash",
      authors: ["José Müller-Łukasz", "Tom and Jerry Lab", "Søren Kierkegaard"],
      venue: "Proceedings of Science & Technology {X} $5 ~home \\path",
    });
    const bib = bibtexEntry(paper, "hostile");
    expect(bib).toContain(
      "title = {{Q}\\&A on {R}\\'{e}nyi's $\\alpha$-divergences: 100\\% {BERT} vs. {GPT}\\_2 \\#1 \\textless{}/script\\textgreater{} {\\L}{\\'o}d{\\'z} na{\\\"i}ve ``quoted'' -- dash}",
    );
    expect(bib).toContain(
      "author = {Jos{\\'e} M{\\\"u}ller-{\\L}ukasz and {Tom and Jerry Lab} and S{\\o}ren Kierkegaard}",
    );
    expect(bib).toContain(
      "booktitle = {Proceedings of Science \\& Technology \\{X\\} \\$5 \\textasciitilde{}home \\textbackslash{}path}",
    );
    expectRoundTrip(paper, "hostile");
    expect(parseBack(bib)[0]!.fields["booktitle"]).toBe("Proceedings of Science & Technology {X} $5 ~home \\path");
  });
});

describe("texField", () => {
  it("braces words with capitals after their first letter, so that styles keep their case", () => {
    expect(texField("M6-T and SciDTB on Chinese Data x-Y", true)).toBe("{M6-T} and {SciDTB} on Chinese Data {x-Y}");
    expect(texField("SciDTB", false)).toBe("SciDTB");
  });

  it("keeps TeX commands, math and balanced groups, and escapes a brace with no pair", () => {
    expect(texField("\\emph{Deep} $x_{1}$ {\\em word}", true)).toBe("\\emph{Deep} $x_{1}$ {\\em word}");
    expect(texField("a { b } c }", false)).toBe("a { b } c \\}");
    expect(texField("open { \\'{e}", false)).toBe("open \\{ \\'{e}");
    expect(texField("costs $5", false)).toBe("costs \\$5");
  });

  it("leaves a field that parses as one field whatever its braces", () => {
    for (const title of ["}{", "{{{", "a}b{c", "\\", "$", "x\\"]) {
      expect(parseBack(`@misc{k, title = {${texField(title, true)}}}`)).toHaveLength(1);
    }
  });
});

describe("textField", () => {
  it("escapes every character TeX reads as syntax", () => {
    expect(textField("A & B {C} $ ~ \\ # _ % ^")).toBe(
      "A \\& B \\{C\\} \\$ \\textasciitilde{} \\textbackslash{} \\# \\_ \\% \\textasciicircum{}",
    );
  });
});

describe("bibtexFile", () => {
  it("puts a blank line between entries and ends with a newline", () => {
    expect(bibtexFile(["@misc{a,\n}", "@misc{b,\n}"])).toBe("@misc{a,\n}\n\n@misc{b,\n}\n");
    expect(bibtexFile([])).toBe("");
  });
});
