import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDumps } from "../../../src/lib/content/dump-parser.ts";
import { parsePaperMetadata } from "../../../src/lib/content/paper-metadata.ts";
import { serveRecordedArxiv, type RecordedArxiv } from "../recorded-arxiv-server.ts";

const F = "tests/fixtures/import";

/** Runs the command asynchronously, so that the recorded server in this process can answer it. */
function run(content: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn("node", ["--import", "tsx", "scripts/import.ts", ...args], {
      env: { ...process.env, CATALOGUE_CONTENT: content, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function seedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "import-content-"));
  cpSync("content", dir, { recursive: true });
  return dir;
}

const snapshotOf = (dir: string) =>
  ["papers.yaml", "abstracts.txt", "imported.txt"].map((name) =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : null,
  );

let server: RecordedArxiv;
beforeAll(async () => {
  server = await serveRecordedArxiv();
});
afterAll(() => server.close());

describe("npm run import", { timeout: 60_000 }, () => {
  it("imports every format into the content folder, and a second run changes nothing", async () => {
    const dir = seedCopy();
    const files = [
      `${F}/arxiv-api/query-testing.xml`,
      `${F}/oai/listrecords-arxiv.xml`,
      `${F}/snapshot/sample.jsonl`,
      `${F}/bibtex/zotero.bib`,
      `${F}/bibtex/google-scholar.bib`,
    ];
    const first = await run(dir, files);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      `${F}/arxiv-api/query-testing.xml: 10 added, 0 filled, 0 kept, 0 skipped, 0 conflicts`,
    );
    expect(first.stdout).toContain(`${F}/snapshot/sample.jsonl: 2 added, 0 filled, 0 kept, 0 skipped, 0 conflicts`);
    expect(first.stdout).toContain(`${F}/bibtex/zotero.bib: 1 added, 0 filled, 0 kept, 1 skipped, 0 conflicts`);
    expect(first.stdout).toContain(`${F}/bibtex/google-scholar.bib: 0 added, 0 filled, 1 kept, 0 skipped, 1 conflict`);
    expect(first.stdout).toContain(`wrote 14 records to ${join(dir, "imported.txt")} and ${join(dir, "papers.yaml")}`);
    const papersYaml = readFileSync(join(dir, "papers.yaml"), "utf8");
    expect(papersYaml.startsWith(readFileSync("content/papers.yaml", "utf8"))).toBe(true);
    const meta = parsePaperMetadata(papersYaml, "papers.yaml");
    expect(meta.problems).toEqual([]);
    expect(meta.entries.size).toBe(24);
    const dumps = parseDumps(
      ["abstracts.txt", "imported.txt"].map((name) => ({ file: name, source: readFileSync(join(dir, name), "utf8") })),
    );
    expect(dumps.problems).toEqual([]);
    expect(dumps.records).toHaveLength(24);
    const before = snapshotOf(dir);
    const second = await run(dir, files);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("nothing to change");
    expect(snapshotOf(dir)).toEqual(before);
  });

  it("stops on bad input with file:line and writes nothing; --keep-going imports the rest", async () => {
    const dir = seedCopy();
    const bad = join(dir, "..", `${Math.random().toString(36).slice(2)}-bad.jsonl`);
    const lines = readFileSync(`${F}/snapshot/sample.jsonl`, "utf8").trim().split("\n");
    writeFileSync(bad, `${lines[0]}\n{"id": "2101.11408", "title": \n${lines[1]}\n`);
    const before = snapshotOf(dir);
    const stopped = await run(dir, [bad]);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: not a JSON line: `));
    expect(stopped.stderr).toContain(
      "1 problem: nothing was written. Fix the input, or pass --keep-going to import the rest",
    );
    expect(snapshotOf(dir)).toEqual(before);
    const kept = await run(dir, [bad, "--keep-going"]);
    expect(kept.status).toBe(1);
    expect(kept.stdout).toContain(": 2 added,");
    expect(kept.stderr).toContain("1 problem; the rest was imported (--keep-going)");
  });

  it("takes only what --category and --from choose from a snapshot", async () => {
    const dir = seedCopy();
    const { stdout, status } = await run(dir, [`${F}/snapshot/sample.jsonl`, "--category", "cs", "--from", "2021"]);
    expect(status).toBe(0);
    expect(stdout).toContain(`${F}/snapshot/sample.jsonl: 1 of 2 papers taken by --category/--from/--ids`);
    expect(readFileSync(join(dir, "imported.txt"), "utf8")).toMatch(/\narXiv:2101\.11408v2\n$/);
  });

  it("asks arXiv's API for --arxiv ids, and fills papers of the dump with --missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "import-api-"));
    const env = { CATALOGUE_ARXIV_API_URL: server.url, CATALOGUE_ARXIV_API_DELAY_MS: "0" };
    const added = await run(dir, ["--arxiv", "1605.08386"], env);
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("arXiv API (1605.08386): 1 added, 0 filled");
    const answer = readFileSync(`${F}/arxiv-api/id-astro-ph-0601001.xml`, "utf8");
    const abstract = /<summary>\s*([^<]+)<\/summary>/.exec(answer)![1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<");
    writeFileSync(join(dir, "more.txt"), `${abstract}\narXiv:astro-ph/0601001\n`);
    const missing = await run(dir, ["--missing"], env);
    expect(missing.stderr).toBe("");
    expect(missing.stdout).toContain("arXiv API (astro-ph/0601001): 0 added, 1 filled, 0 kept, 0 skipped, 0 conflicts");
    const meta = parsePaperMetadata(readFileSync(join(dir, "papers.yaml"), "utf8"), "papers.yaml");
    expect(meta.entries.get("astro-ph/0601001")!.metadata.title).toMatch(/^Frequency of Hot Jupiters/);
  });

  it("says when arXiv's API cannot be reached, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "import-offline-"));
    const gone = await serveRecordedArxiv();
    await gone.close();
    const { status, stderr } = await run(dir, ["--arxiv", "1605.08386"], { CATALOGUE_ARXIV_API_URL: gone.url });
    expect(status).toBe(1);
    expect(stderr).toContain(`arXiv API: arXiv's API cannot be reached at ${new URL(gone.url).origin} (ECONNREFUSED)`);
    expect(existsSync(join(dir, "papers.yaml"))).toBe(false);
  });
});
