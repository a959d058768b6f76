import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArxivAtom } from "../../../src/lib/content/import-arxiv-atom.ts";

const fixture = (name: string) => readFileSync(`tests/fixtures/import/arxiv-api/${name}`, "utf8");

describe("parseArxivAtom on recorded arXiv API answers", () => {
  it("reads an old-style id's entry: title, authors, v1 date, category, journal reference, comment", () => {
    const { papers, problems, totalResults } = parseArxivAtom(fixture("id-astro-ph-0601001.xml"), "a.xml");
    expect(problems).toEqual([]);
    expect(totalResults).toBe(1);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      id: "astro-ph/0601001",
      version: 1,
      title:
        "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina",
      authors: ["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"],
      submitted: "2006-01-02",
      categories: ["astro-ph"],
      venue: "ActaAstron.56:1-50,2006",
      source: { file: "a.xml", line: 11 },
    });
    expect(papers[0]!.comments).toMatch(/^62 pages including 16 figures and 9 tables\./);
    expect(papers[0]!.abstract).toMatch(/^We derive the frequencies of hot Jupiters/);
  });

  it("reads every entry of a search answer with its line, latest version and the publisher's DOI", () => {
    const { papers } = parseArxivAtom(fixture("query-testing.xml"), "q.xml");
    expect(papers.map((p) => `${p.id}v${p.version}`)).toEqual([
      "2202.12139v1",
      "2405.13786v1",
      "2005.14124v2",
      "2204.08348v3",
      "2302.03287v3",
      "1202.4527v1",
      "2503.05378v2",
      "1205.1866v1",
      "2502.07719v2",
      "1812.11470v1",
    ]);
    const first = papers[0]!;
    expect(first).toMatchObject({
      submitted: "2022-02-24",
      categories: ["cs.SE", "cs.LG"],
      doi: "10.1109/ICSTW55395.2022.00035",
    });
    expect(papers.map((p) => p.source.line)).toEqual([...papers.map((p) => p.source.line)].sort((a, b) => a - b));
  });

  it("keeps each paragraph of an abstract arXiv gives on its own line", () => {
    const paper = parseArxivAtom(fixture("query-testing.xml"), "q.xml").papers.find((p) => p.id === "1812.11470")!;
    const paragraphs = paper.abstract!.split("\n");
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[1]).toMatch(/^Objective\. In this systematic review/);
    expect(paragraphs.every((p) => p === p.trim())).toBe(true);
  });

  it("reports arXiv's error entry as a problem at its line", () => {
    expect(parseArxivAtom(fixture("id-abc.xml"), "abc.xml")).toEqual({
      papers: [],
      problems: [
        { file: "abc.xml", line: 10, message: "arXiv's API answered with an error: incorrect id format for abc" },
      ],
      totalResults: 1,
    });
  });

  it("reads an answer with no entries as no papers", () => {
    expect(parseArxivAtom(fixture("id-0000.0000.xml"), "none.xml")).toEqual({
      papers: [],
      problems: [],
      totalResults: 0,
    });
  });

  it("names the line of broken XML", () => {
    const broken = fixture("id-1605.08386.xml").replace("</title>", "");
    const { problems } = parseArxivAtom(broken, "broken.xml");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe("broken.xml");
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problems[0]!.message).toMatch(/^not well-formed XML: /);
  });

  // Edge cases reality has not shown in the recorded answers: arXiv's own DOI and an MSC class among the categories.
  it("never takes arXiv's own DOI as the publisher's, and keeps only arXiv's categories", () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry>
      <id>http://arxiv.org/abs/2003.08047v1</id><title>T</title><published>2020-03-18T05:14:51Z</published>
      <arxiv:doi>10.48550/arXiv.2003.08047</arxiv:doi><arxiv:primary_category term="cs.CV"/>
      <category term="cs.CV"/><category term="eess.IV"/><category term="68T05"/><category term="I.2.6"/></entry></feed>`;
    const paper = parseArxivAtom(xml, "x.xml").papers[0]!;
    expect(paper.doi).toBeUndefined();
    expect(paper.categories).toEqual(["cs.CV", "eess.IV"]);
  });
});
