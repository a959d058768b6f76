import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArxivAtom } from "../../../src/lib/content/import-arxiv-atom.ts";
import { parseOai } from "../../../src/lib/content/import-oai.ts";
import { writeDumpRecord } from "../../../src/lib/content/dump-record-writer.ts";
import { parseDump } from "../../../src/lib/content/dump-parser.ts";

describe("writeDumpRecord", () => {
  it("writes abstract, comments and marker so that the dump parser reads them back", () => {
    const written = writeDumpRecord({
      id: "2202.03052",
      version: 2,
      abstract: "First paragraph with $k$.\nSecond paragraph.",
      comments: "23 pages, 11 figures",
    });
    expect(written).toEqual({
      ok: true,
      text: "First paragraph with $k$.\nSecond paragraph.\n23 pages, 11 figures\narXiv:2202.03052v2\n",
      warning: null,
    });
    const [record] = parseDump(written.ok ? written.text : "", "d.txt").records;
    expect(record).toMatchObject({
      id: "2202.03052",
      version: 2,
      abstract: "First paragraph with $k$.\nSecond paragraph.",
      comments: "23 pages, 11 figures",
    });
  });

  it("round-trips records written one after another", () => {
    const text = [
      writeDumpRecord({
        id: "0704.0001",
        version: 2,
        abstract: "A.",
        comments: "37 pages, 15 figures; published version",
      }),
      writeDumpRecord({ id: "hep-th/9711200", version: null, abstract: "B." }),
    ]
      .map((w) => (w.ok ? w.text : ""))
      .join("");
    const { records, problems } = parseDump(text, "d.txt");
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.id, r.abstract, r.comments])).toEqual([
      ["0704.0001", "A.", "37 pages, 15 figures; published version"],
      ["hep-th/9711200", "B.", null],
    ]);
  });

  it("writes comments a bare line would not carry in the explicit Comments: form", () => {
    const written = writeDumpRecord({
      id: "0803.4354",
      version: 6,
      abstract: "In this paper, we present a new linear programming formulation.",
      comments: "Theorem 25 and Corollary 26 are incorrect. The modeling needs 9-dimensional variables",
    });
    expect(written.ok && written.text.split("\n")[1]).toBe(
      "Comments: Theorem 25 and Corollary 26 are incorrect. The modeling needs 9-dimensional variables",
    );
  });

  it("warns when an abstract without comments ends in a paragraph the parser would take as comments", () => {
    const written = writeDumpRecord({
      id: "2206.01958",
      version: null,
      abstract: "Body.\nAccepted to ACL 2018 (short paper)",
    });
    expect(written.ok && written.warning).toMatch(
      /^arXiv:2206\.01958: the dump parser does not read this abstract back as written/,
    );
  });

  it("refuses an abstract paragraph that starts like a marker, and an empty abstract", () => {
    expect(
      writeDumpRecord({ id: "2206.01958", version: null, abstract: "Body.\narXiv: 2105.15082 extends it" }),
    ).toEqual({
      ok: false,
      message:
        'arXiv:2206.01958: an abstract paragraph starts like an "arXiv:" marker ("arXiv: 2105.15082 extends it"), which a dump cannot hold',
    });
    expect(writeDumpRecord({ id: "2206.01958", version: null, abstract: " " }).ok).toBe(false);
  });
});

describe("dump records of every recorded paper", () => {
  it("read back exactly where written bare, and carry the source's comments verbatim where written Comments:", () => {
    const F = "tests/fixtures/import";
    const papers = [
      ...readdirSync(`${F}/arxiv-api`)
        .filter((name) => name.endsWith(".xml"))
        .flatMap((name) => parseArxivAtom(readFileSync(`${F}/arxiv-api/${name}`, "utf8"), name).papers),
      ...readdirSync(`${F}/oai`).flatMap((name) => parseOai(readFileSync(`${F}/oai/${name}`, "utf8"), name).papers),
    ].filter((paper, i, all) => paper.abstract && all.findIndex((p) => p.id === paper.id) === i);
    expect(papers.length).toBeGreaterThanOrEqual(18);
    let bare = 0;
    for (const paper of papers) {
      const written = writeDumpRecord({
        id: paper.id,
        version: paper.version,
        abstract: paper.abstract!,
        comments: paper.comments ?? null,
      });
      if (!written.ok) throw new Error(written.message);
      const lines = written.text.trimEnd().split("\n");
      if (paper.comments && lines.at(-2) === `Comments: ${paper.comments}`) continue;
      bare++;
      const [record] = parseDump(written.text, "d.txt").records;
      expect([paper.id, record!.abstract, record!.comments]).toEqual([
        paper.id,
        paper.abstract,
        paper.comments ?? null,
      ]);
    }
    expect(bare).toBeGreaterThanOrEqual(12);
  });
});
