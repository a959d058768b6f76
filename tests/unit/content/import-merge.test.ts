import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseArxivAtom } from "../../../src/lib/content/import-arxiv-atom.ts";
import type { ImportedPaper } from "../../../src/lib/content/imported-paper.ts";
import { ContentMerge, type DumpedPaper } from "../../../src/lib/content/import-merge.ts";
import { parseDump } from "../../../src/lib/content/dump-parser.ts";
import { parsePaperMetadata } from "../../../src/lib/content/paper-metadata.ts";

const OWNER = `# The owner's notes stay.
'2206.01958': # owner's comment on the key
  title: Instance-wise Prompt Tuning for Pretrained Language Models
  authors: [Yuezihan Jiang, Hao Yang]
  venue: The owner's venue

'1806.03653':
  code: https://github.com/PKU-TANGENT/SciDTB
`;

function dumped(...ids: string[]): Map<string, DumpedPaper> {
  return new Map(ids.map((id, i) => [id, { file: "content/abstracts.txt", line: i + 1, comments: null }]));
}

function paper(fields: Partial<ImportedPaper> & { id: string }): ImportedPaper {
  return { version: null, source: { file: "in.xml", line: 3 }, ...fields };
}

function merge(source: string | null, ids: string[], overwrite = false) {
  const records: string[] = [];
  const m = new ContentMerge({
    papersYaml: { file: "content/papers.yaml", source },
    dumped: dumped(...ids),
    dumpFile: "content/imported.txt",
    overwrite,
    writeRecord: (text) => records.push(text),
  });
  return { m, records };
}

describe("ContentMerge", () => {
  it("fills what an entry lacks and keeps the owner's comments, order and values", () => {
    const { m } = merge(OWNER, ["2206.01958", "1806.03653"]);
    m.add(
      paper({
        id: "2206.01958",
        title: "Instance-wise Prompt Tuning for Pretrained Language Models",
        submitted: "2022-06-04",
        categories: ["cs.CL", "cs.AI"],
      }),
    );
    m.add(
      paper({
        id: "1806.03653",
        title: "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts",
        authors: ["An Yang", "Sujian Li"],
      }),
    );
    const text = m.papersYamlText()!;
    expect(text.startsWith("# The owner's notes stay.\n'2206.01958': # owner's comment on the key\n")).toBe(true);
    expect(text).toContain(
      "  authors: [Yuezihan Jiang, Hao Yang]\n  venue: The owner's venue\n  submitted: 2022-06-04\n",
    );
    const { entries, problems } = parsePaperMetadata(text, "papers.yaml");
    expect(problems).toEqual([]);
    expect([...entries.keys()]).toEqual(["2206.01958", "1806.03653"]);
    expect(entries.get("1806.03653")!.metadata).toEqual({
      code: "https://github.com/PKU-TANGENT/SciDTB",
      title: "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts",
      authors: ["An Yang", "Sujian Li"],
    });
    expect(m.summary("in.xml")).toMatchObject({ filled: ["2206.01958", "1806.03653"], conflicts: [] });
  });

  it("reports a conflict and keeps the owner's value; --overwrite replaces it", () => {
    const incoming = paper({
      id: "2206.01958",
      venue: "arXiv's journal reference",
      authors: ["Yuezihan Jiang", "Hao Yang"],
    });
    const kept = merge(OWNER, ["2206.01958", "1806.03653"]);
    kept.m.add(incoming);
    expect(kept.m.papersYamlText()).toBeNull();
    expect(kept.m.summary("in.xml").conflicts).toEqual([
      {
        file: "in.xml",
        line: 3,
        message: `arXiv:2206.01958: venue: content/papers.yaml has "The owner's venue", this source "arXiv's journal reference"; kept (--overwrite replaces it)`,
      },
    ]);
    expect(kept.m.summary("in.xml").kept).toEqual(["2206.01958"]);
    const replaced = merge(OWNER, ["2206.01958", "1806.03653"], true);
    replaced.m.add(incoming);
    const text = replaced.m.papersYamlText()!;
    expect(parse(text)["2206.01958"].venue).toBe("arXiv's journal reference");
    expect(text).toContain("# owner's comment on the key");
  });

  it("adds a new paper: its dump record at once, its entry after the owner's", () => {
    const { m, records } = merge(OWNER, ["2206.01958", "1806.03653"]);
    m.add(
      paper({
        id: "2105.15082",
        version: 2,
        title: "M6-T: Exploring Sparse Expert Models and Beyond",
        abstract: "Mixture-of-Experts models.",
        comments: "11 pages, 6 figures",
      }),
    );
    expect(records).toEqual(["Mixture-of-Experts models.\n11 pages, 6 figures\narXiv:2105.15082v2\n"]);
    const text = m.papersYamlText()!;
    expect(text.startsWith(OWNER)).toBe(true);
    expect(text.slice(OWNER.length)).toBe(
      "\n'2105.15082':\n  title: \"M6-T: Exploring Sparse Expert Models and Beyond\"\n",
    );
    expect(m.summary("in.xml").added).toEqual(["2105.15082"]);
  });

  it("skips a paper the catalogue lacks when the source has no abstract", () => {
    const { m, records } = merge(null, []);
    m.add(paper({ id: "2110.07602", title: "P-Tuning v2" }));
    expect(records).toEqual([]);
    expect(m.papersYamlText()).toBeNull();
    expect(m.summary("in.xml").skipped[0]!.message).toBe(
      "arXiv:2110.07602 is not in the catalogue and this source has no abstract; add its record to a dump, or import it from arXiv with --arxiv 2110.07602",
    );
  });

  it("changes nothing the second time", () => {
    const first = merge(OWNER, ["2206.01958", "1806.03653"]);
    const incoming = [
      paper({ id: "2206.01958", submitted: "2022-06-04", categories: ["cs.CL"] }),
      paper({ id: "2105.15082", title: "M6-T", abstract: "A." }),
    ];
    incoming.forEach((p) => first.m.add(p));
    const text = first.m.papersYamlText()!;
    const second = merge(text, ["2206.01958", "1806.03653", "2105.15082"]);
    incoming.forEach((p) => second.m.add(p));
    expect(second.m.papersYamlText()).toBeNull();
    expect(second.records).toEqual([]);
    expect(second.m.summary("in.xml")).toMatchObject({
      added: [],
      filled: [],
      kept: ["2206.01958", "2105.15082"],
      conflicts: [],
    });
  });

  it("quotes what YAML would read as another type, and keeps TeX as written", () => {
    const { m } = merge("", ["2206.01958"]);
    m.add(paper({ id: "2206.01958", title: "$k$-means: 2021", venue: "2021", authors: ["R\\'enyi", "null"] }));
    const text = m.papersYamlText()!;
    expect(parse(text)).toEqual({
      "2206.01958": { title: "$k$-means: 2021", authors: ["R\\'enyi", "null"], venue: "2021" },
    });
    expect(parsePaperMetadata(text, "p.yaml").problems).toEqual([]);
  });

  it("imports the seed's ten papers equal to the reference metadata in every field both have", () => {
    const reference = parse(readFileSync("tests/fixtures/import/seed/seed-metadata.yaml", "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    const dump = parseDump(readFileSync("content/abstracts.txt", "utf8"), "content/abstracts.txt");
    const { m, records } = merge(
      null,
      dump.records.map((r) => r.id),
    );
    const feed = parseArxivAtom(readFileSync("tests/fixtures/import/seed/seed-as-arxiv-api.xml", "utf8"), "seed.xml");
    expect(feed.problems).toEqual([]);
    feed.papers.forEach((p) => m.add(p));
    expect(records).toEqual([]);
    const imported = parsePaperMetadata(m.papersYamlText()!, "papers.yaml");
    expect(imported.problems).toEqual([]);
    expect(imported.entries.size).toBe(10);
    let compared = 0;
    for (const [id, entry] of imported.entries) {
      for (const [field, value] of Object.entries(entry.metadata)) {
        if (field in reference[id]!) {
          expect([id, field, value]).toEqual([id, field, reference[id]![field]]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(38);
  });
});

describe("ContentMerge edits the owner's text in place", () => {
  it("fills an entry with nothing under it, and a file without a final line break, byte for byte elsewhere", () => {
    const source =
      "# header\n'2206.01958':\n'1806.03653': {code: https://github.com/PKU-TANGENT/SciDTB}\n'2105.15082':\n  title: M6-T";
    const { m } = merge(source, ["2206.01958", "1806.03653", "2105.15082"]);
    m.add(paper({ id: "2206.01958", categories: ["cs.CL"] }));
    m.add(paper({ id: "1806.03653", title: "SciDTB" }));
    m.add(paper({ id: "2105.15082", submitted: "2021-05-31" }));
    expect(m.papersYamlText()).toBe(
      "# header\n'2206.01958':\n  categories:\n  - cs.CL\n'1806.03653': {code: https://github.com/PKU-TANGENT/SciDTB, title: SciDTB}\n'2105.15082':\n  title: M6-T\n  submitted: 2021-05-31\n",
    );
  });
});
