import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOai, splitAuthorLine } from "../../../src/lib/content/import-oai.ts";

const fixture = (name: string) => readFileSync(`tests/fixtures/import/oai/${name}`, "utf8");

describe("parseOai on recorded arXiv OAI-PMH answers", () => {
  it("reads GetRecord in arXivRaw: the one-line author list, v1's date, categories", () => {
    const page = parseOai(fixture("getrecord-arxivraw.xml"), "g.xml");
    expect(page.problems).toEqual([]);
    expect(page.resumptionToken).toBeNull();
    expect(page.papers).toEqual([
      expect.objectContaining({
        id: "0804.2273",
        version: 1,
        title: "Object Re-Use & Exchange: A Resource-Centric Approach",
        authors: [
          "Carl Lagoze",
          "Herbert Van de Sompel",
          "Michael L. Nelson",
          "Simeon Warner",
          "Robert Sanderson",
          "Pete Johnston",
        ],
        submitted: "2008-04-14",
        categories: ["cs.DL", "cs.NI"],
      }),
    ]);
    expect(page.papers[0]!.abstract).toMatch(
      /^The OAI Object Reuse and Exchange \(OAI-ORE\) framework recasts the repository-centric/,
    );
    expect(page.papers[0]!.abstract).not.toContain("\n");
  });

  it("reads a ListRecords page: every record, its latest version, the resumption token for the next page", () => {
    const page = parseOai(fixture("listrecords-arxivraw-page1.xml"), "p1.xml");
    expect(page.problems).toEqual([]);
    expect(page.resumptionToken).toBe("1403493|1001");
    expect(page.papers.map((p) => [p.id, p.version, p.submitted])).toEqual([
      ["0803.4354", 6, "2008-03-30"],
      ["0808.3386", 8, "2008-08-25"],
      ["0910.4952", 2, "2009-10-26"],
      ["1007.2706", 3, "2010-07-16"],
    ]);
    const groups = page.papers[3]!;
    expect(groups).toMatchObject({
      categories: ["math.GR"],
      venue: "Bull. Aust. Math. Soc. 90 (2014), no. 3, 404-417",
      doi: "10.1017/S0004972714000355",
      comments: "13 pages. This is the version submitted for publication",
    });
  });

  it("reads the arXiv format: authors from keyname and forenames, created as v1's date, TeX kept", () => {
    const page = parseOai(fixture("listrecords-arxiv.xml"), "a.xml");
    expect(page.papers).toHaveLength(1);
    expect(page.papers[0]).toMatchObject({
      id: "0801.3931",
      authors: ["T. Manos", "E. Athanassoula"],
      submitted: "2008-01-25",
      categories: ["astro-ph"],
      venue: "Chaos in Astronomy Astrophysics and Space Science Proceedings 2009, pp 115-122",
      doi: "10.1007/978-3-540-75826-6_11",
      comments:
        '8 pages, 3 figures, to appear in the proceedings of the international conference "Chaos in Astronomy", Athens, Greece (talk contribution)',
    });
    expect(page.papers[0]!.abstract).toContain("a Poincar\\'{e} $(y,p_y)$ surface of section");
  });

  // Edge cases: a deleted record and an OAI error, in the shapes the OAI-PMH protocol defines.
  it("names a deleted record as skipped, and an OAI error as a problem", () => {
    const deleted = `<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
<record><header status="deleted"><identifier>oai:arXiv.org:0901.0001</identifier></header></record>
</ListRecords></OAI-PMH>`;
    expect(parseOai(deleted, "d.xml").skipped).toEqual([
      { file: "d.xml", line: 2, message: "oai:arXiv.org:0901.0001 is deleted: the answer has no metadata for it" },
    ]);
    const error = `<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error></OAI-PMH>`;
    expect(parseOai(error, "e.xml").problems).toEqual([
      {
        file: "e.xml",
        line: 3,
        message:
          "the OAI-PMH answer is an error (badResumptionToken): The value of the resumptionToken argument is invalid or expired.",
      },
    ]);
  });

  it("splits arXiv's author line and leaves affiliations out", () => {
    expect(splitAuthorLine("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan")).toEqual([
      "C. Balázs",
      "E. L. Berger",
      "P. M. Nadolsky",
      "C.-P. Yuan",
    ]);
    expect(splitAuthorLine("A. One (MIT), B. Two ((1) CNRS, (2) ENS) and C. Three")).toEqual([
      "A. One",
      "B. Two",
      "C. Three",
    ]);
  });
});
