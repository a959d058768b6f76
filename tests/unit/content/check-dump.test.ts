import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) =>
  spawnSync("node", ["--import", "tsx", "scripts/check-dump.ts", ...args], { encoding: "utf8" });

// Each test starts a process: on a loaded machine that takes more than Vitest's default 5 s.
describe("check-dump", { timeout: 60_000 }, () => {
  it("prints the count and each paper's id and comments", () => {
    const { stdout, status } = run("content/abstracts.txt");
    expect(status).toBe(0);
    expect(stdout).toContain("10 papers in content/abstracts.txt");
    expect(stdout).toMatch(/2202\.03052\s+23 pages, 11 figures/);
    expect(stdout).toMatch(/2206\.01958\s+\(no comments\)/);
  });

  it("prints the parsed records as JSON with --json", () => {
    const records = JSON.parse(
      execFileSync("node", ["--import", "tsx", "scripts/check-dump.ts", "content/abstracts.txt", "--json"], {
        encoding: "utf8",
      }),
    );
    expect(records).toHaveLength(10);
    expect(Object.keys(records[0])).toEqual(["id", "version", "abstract", "comments", "line"]);
    const byId = Object.fromEntries(records.map((r: { id: string }) => [r.id, r]));
    expect(byId["2202.03052"]).toMatchObject({ comments: "23 pages, 11 figures", version: null, line: 2 });
    expect(byId["2206.01958"].comments).toBeNull();
    expect(byId["2105.15082"].abstract).toContain("the number of sparsely activated experts $k$");
  });

  it("prints every problem as file:line: message and exits 1", () => {
    const { stderr, status, stdout } = run(
      "tests/fixtures/bad/no-abstract/abstracts.txt",
      "tests/fixtures/bad/text-after-last-marker/abstracts.txt",
    );
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "tests/fixtures/bad/no-abstract/abstracts.txt:3: record arXiv:2202.03052 has no abstract: nothing precedes its marker",
      'tests/fixtures/bad/text-after-last-marker/abstracts.txt:3: text after the last record: "An abstract whose marker was lost.". Every record ends with an "arXiv:<id>" line; add the marker for this abstract or remove the text',
      "tests/fixtures/bad/text-after-last-marker/abstracts.txt:2: arXiv:2206.01958 appears twice: first at tests/fixtures/bad/no-abstract/abstracts.txt:2, again here. Keep one record per paper",
      "3 problems found",
    ]);
  });

  it("checks duplicates across the files it is given", () => {
    const { stderr, status } = run("tests/fixtures/dumps/glued.txt", "tests/fixtures/dumps-only/abstracts.txt");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "tests/fixtures/dumps-only/abstracts.txt:2: arXiv:2206.01958 appears twice: first at tests/fixtures/dumps/glued.txt:2, again here.",
    );
    expect(run("content/abstracts.txt", "content/abstracts.txt").status).toBe(0);
  });

  it("checks a content folder as the build reads it, and exits 0 on the seed", () => {
    const { stdout, status, stderr } = run("content");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("10 papers in content/abstracts.txt");
    expect(stdout).toMatch(/2202\.03052\s+23 pages, 11 figures/);
  });

  it("prints every problem of a folder's files, YAML included, and exits 1", () => {
    const { stderr, status } = run("tests/fixtures/bad/tex-in-double-quotes");
    expect(status).toBe(1);
    expect(
      stderr
        .trim()
        .split("\n")
        .filter((line) => !line.startsWith("warning: ")),
    ).toEqual([
      `tests/fixtures/bad/tex-in-double-quotes/papers.yaml:2: in this double-quoted string "\\e" is a YAML escape and makes ESC, not TeX; write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash`,
      `tests/fixtures/bad/tex-in-double-quotes/papers.yaml:3: "\\l" is not an escape a double-quoted YAML string knows (TeX such as \\log is not); write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash`,
      "2 problems found",
    ]);
  });

  it("prints warnings, content characters escaped, without failing", () => {
    const { stderr, status } = run("tests/fixtures/bad/near-marker/abstracts.txt");
    expect(status).toBe(1);
    expect(stderr).toContain(
      'warning: tests/fixtures/bad/near-marker/abstracts.txt:2: "ArXiv:2110.03888" is read as the marker arXiv:2110.03888',
    );
    const hostile = join(mkdtempSync(join(tmpdir(), "check-dump-")), "abstracts.txt");
    writeFileSync(hostile, "First.\nArXiv:2110.03888 and \u001b[31mred, \u202ereversed\narXiv:2105.15082\n");
    const escaped = run(hostile).stderr;
    expect(escaped).toContain("\\u001b");
    expect(escaped.includes("\u001b") || escaped.includes("\u202e")).toBe(false);
  });

  it("exits quietly when its reader stops reading (check-dump | head)", () => {
    // Far more output than a pipe holds, so that check-dump is still writing when head has gone.
    const dump = join(mkdtempSync(join(tmpdir(), "check-dump-")), "abstracts.txt");
    const ids = Array.from({ length: 4000 }, (_, i) => `2201.${String(i + 1).padStart(5, "0")}`);
    writeFileSync(dump, ids.map((id) => `We study the case ${id} of a long series.\narXiv:${id}\n`).join(""));
    const { stdout, stderr, status } = spawnSync(
      "sh",
      ["-c", `node --import tsx scripts/check-dump.ts ${dump} --json | head -c 10`],
      { encoding: "utf8" },
    );
    expect(status).toBe(0);
    expect(stdout).toHaveLength(10);
    expect(stderr).toBe("");
  });
});
