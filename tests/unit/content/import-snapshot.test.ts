import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportedPaper } from "../../../src/lib/content/imported-paper.ts";
import { parseSnapshotLine, readSnapshot, snapshotFilterTakes } from "../../../src/lib/content/import-snapshot.ts";

const FIXTURE = "tests/fixtures/import/snapshot/sample.jsonl";
const lines = readFileSync(FIXTURE, "utf8").trim().split("\n");

describe("the arXiv metadata snapshot", () => {
  it("reads a real line: authors_parsed in order, v1's date, the latest version, categories, DOI", () => {
    expect(parseSnapshotLine(lines[0]!, "s.jsonl", 1)).toEqual({
      id: "0704.0001",
      version: 2,
      title: "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
      authors: ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
      submitted: "2007-04-02",
      categories: ["hep-ph"],
      venue: "Phys.Rev.D76:013009,2007",
      doi: "10.1103/PhysRevD.76.013009",
      abstract: expect.stringMatching(
        /^A fully differential calculation in perturbative quantum chromodynamics is presented/,
      ),
      comments: "37 pages, 15 figures; published version",
      source: { file: "s.jsonl", line: 1 },
    });
    expect(parseSnapshotLine(lines[1]!, "s.jsonl", 2)).toMatchObject({
      id: "2101.11408",
      submitted: "2021-01-11",
      categories: ["cs.DS", "cs.MS"],
      comments:
        "Software at https://github.com/fastfloat/fast_float and https://github.com/lemire/simple_fastfloat_benchmark/",
    });
  });

  it("names the line that is not JSON", () => {
    expect(parseSnapshotLine('{"id": "0704.0001", "title": ', "s.jsonl", 7)).toMatchObject({
      file: "s.jsonl",
      line: 7,
      message: expect.stringMatching(/^not a JSON line: /),
    });
    expect(parseSnapshotLine('{"title": "no id"}', "s.jsonl", 8)).toEqual({
      file: "s.jsonl",
      line: 8,
      message: 'record has no arXiv id: "id" is null',
    });
  });

  it("takes papers by category or archive, first-version date and id list", () => {
    const paper = parseSnapshotLine(lines[1]!, "s.jsonl", 2) as ImportedPaper;
    expect(snapshotFilterTakes({}, paper)).toBe(true);
    expect(snapshotFilterTakes({ categories: ["cs.MS"] }, paper)).toBe(true);
    expect(snapshotFilterTakes({ categories: ["cs"] }, paper)).toBe(true);
    expect(snapshotFilterTakes({ categories: ["cs.CL"] }, paper)).toBe(false);
    expect(snapshotFilterTakes({ from: "2021" }, paper)).toBe(true);
    expect(snapshotFilterTakes({ from: "2021-02" }, paper)).toBe(false);
    expect(snapshotFilterTakes({ from: "2021-01-11" }, paper)).toBe(true);
    expect(snapshotFilterTakes({ ids: new Set(["0704.0001"]) }, paper)).toBe(false);
  });

  it("streams a file, stopping at the first bad line unless told to keep going", async () => {
    const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
    const file = join(dir, "s.jsonl");
    writeFileSync(file, `${lines[0]}\n{broken\n\n${lines[1]}\n`);
    const taken: string[] = [];
    const stopped = await readSnapshot(file, "s.jsonl", {}, (p) => taken.push(p.id), false);
    expect(taken).toEqual(["0704.0001"]);
    expect(stopped.problems.map((p) => p.line)).toEqual([2]);
    taken.length = 0;
    const all = await readSnapshot(file, "s.jsonl", { categories: ["cs"] }, (p) => taken.push(p.id), true);
    expect(taken).toEqual(["2101.11408"]);
    expect(all).toMatchObject({ lines: 4, taken: 1, filteredOut: 1 });
    expect(all.problems.map((p) => p.line)).toEqual([2]);
  });
});
