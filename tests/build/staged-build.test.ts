/**
 * The build's plumbing against Astro's real build: two builds at once in one checkout, into
 * folders outside the project, each publish their own catalogue and nothing of the server build;
 * the files written in bulk reach the output only once Astro is done with it; an interrupted
 * build leaves no output behind.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "../../src/lib/content/catalogue.ts";
import { removeAbandoned } from "../../src/integrations/staged-build.ts";
import { paperAliases } from "../../src/lib/browsing/paper-aliases.ts";
import { readCatalogueInput } from "../../src/loaders/catalogue-loaders.ts";
import { buildEnv } from "./astro-build.ts";
import { distFiles } from "./dist.ts";

const scratch = mkdtempSync(join(tmpdir(), "staged-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  output: string;
}

/** Starts `astro build` in its own process group (so that the test can end it and its children). */
function start(content: string, out: string, extra: string[] = [], env: Record<string, string> = {}) {
  const child = spawn("npx", ["astro", "build", ...extra], {
    env: { ...buildEnv(), ...env, CATALOGUE_CONTENT: content, CATALOGUE_OUT: out },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, output })));
  return { child, done, output: () => output };
}

const slugsOf = (content: string) => buildCatalogue(readCatalogueInput(content)).papers.map((paper) => paper.slug);

/** The papers a built site has a page for. */
const builtPapers = (out: string) =>
  readdirSync(join(out, "papers"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(out, "papers", entry.name, "index.html")))
    .map((entry) => entry.name)
    .filter((name) => !/v\d+$/.test(name));

describe("two builds at once in one checkout, outside the project", () => {
  const seedOut = join(scratch, "seed");
  const otherOut = join(scratch, "other");
  const report = join(scratch, "probe.json");
  let runs: Run[] = [];

  beforeAll(async () => {
    const seed = start("content", seedOut, ["--config", "tests/build/probe.config.mjs"], { PROBE_REPORT: report });
    // The second starts once the first has synced its content: Astro writes its own store file
    // (`node_modules/.astro/data-store.json`, empty of papers) through one temporary name, and
    // two syncs in the same instant both rename it (ENOENT for the second; seen once in CI).
    // Everything after, rendering and publishing, overlaps.
    let ended = false;
    void seed.done.then(() => (ended = true));
    while (!ended && !seed.output().includes("Synced content")) await new Promise((resolve) => setTimeout(resolve, 50));
    const other = start("tests/fixtures/search", otherOut);
    runs = await Promise.all([seed.done, other.done]);
  });

  it("both succeed", () => {
    for (const run of runs) expect(run.code, run.output).toBe(0);
  });

  it("each publishes its own catalogue", () => {
    expect(builtPapers(seedOut).sort()).toEqual(slugsOf("content").sort());
    expect(builtPapers(otherOut).sort()).toEqual(slugsOf("tests/fixtures/search").sort());
    expect(readFileSync(join(otherOut, "index.html"), "utf8")).toContain("Attention Is All You Need");
    expect(readFileSync(join(seedOut, "index.html"), "utf8")).not.toContain("Attention Is All You Need");
  });

  it("keep an author page published under an earlier slug, as a redirect to the page now", () => {
    expect(existsSync(join(otherOut, "authors/lukasz-kaiser/index.html"))).toBe(true);
    const redirect = readFileSync(join(otherOut, "authors/łukasz-kaiser/index.html"), "utf8");
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/authors/lukasz-kaiser/">');
    expect(redirect).toContain("<title>Łukasz Kaiser</title>");
  });

  it("publish no file of Astro's server build, and no path of the machine", () => {
    for (const out of [seedOut, otherOut]) {
      const files = distFiles(out);
      expect(files.filter((file) => /^(chunks|pages|collections)\/|\.mjs$|\.d\.ts$/.test(file))).toEqual([]);
      const machine = files.filter((file) => readFileSync(join(out, file)).includes(process.cwd()));
      expect(machine).toEqual([]);
    }
  });

  it("write the files of the bulk routes only once Astro is done with its output", () => {
    const { dir, files } = JSON.parse(readFileSync(report, "utf8")) as { dir: string; files: string[] };
    const papers = buildCatalogue(readCatalogueInput("content")).papers;
    const bulk = [
      ...paperAliases(papers).map(({ path }) => `${path}/index.html`),
      ...papers.map((paper) => `papers/${paper.slug}.bib`),
    ];
    // When every page is generated, and Astro goes on to remove its server bundle and empty folders:
    expect(files.some((file) => file.startsWith("papers/"))).toBe(true);
    expect(bulk.filter((file) => files.includes(file))).toEqual([]);
    expect(existsSync(dir)).toBe(false); // moved to CATALOGUE_OUT
    // After the build, every one is there.
    expect(bulk.filter((file) => !existsSync(join(seedOut, file)))).toEqual([]);
  });

  it("say that each part of the plumbing engaged", () => {
    const [seed] = runs;
    // The loaders run at once: the collections are listed in the order they were stored.
    expect(seed!.output).toMatch(/entries read from this build's own store: .*\b10 papers\b/);
    expect(seed!.output).toMatch(/entries read from this build's own store: .*\b1 site\b/);
    expect(seed!.output).toMatch(/\d+ files written in bulk from 4 routes/);
    expect(seed!.output).toContain("fonts, citations, related papers and the search index made on a worker thread");
  });

  it("leave Astro's own content store, shared by every build of the checkout, without a paper", () => {
    const store = readFileSync("node_modules/.astro/data-store.json", "utf8");
    for (const slug of [...slugsOf("content"), ...slugsOf("tests/fixtures/search")]) {
      expect(store.includes(`"${slug}"`), slug).toBe(false);
    }
  });
});

describe("an interrupted build", () => {
  it("leaves the previous build in place, and what it left is removed once its process has ended", async () => {
    const out = join(scratch, "other"); // the search fixture's build, from the two builds above
    const before = distFiles(out).sort();
    expect(before.length).toBeGreaterThan(0);

    const build = start("content", out);
    // End it once Astro has started to render pages into the build's folder.
    await new Promise<void>((resolve, reject) => {
      build.child.stdout.on("data", () => {
        if (/generating static routes/.test(build.output())) resolve();
      });
      void build.done.then(() => reject(new Error(`the build ended before it was interrupted:\n${build.output()}`)));
    });
    process.kill(-build.child.pid!, "SIGKILL");
    await build.done;
    expect(distFiles(out).sort()).toEqual(before);
    expect(builtPapers(out).sort()).toEqual(slugsOf("tests/fixtures/search").sort());

    const builds = "node_modules/.cache/catalogue-build";
    expect(readdirSync(builds).length).toBeGreaterThan(0); // what the interrupted build left
    removeAbandoned(builds); // as the next build does first
    expect(readdirSync(builds)).toEqual([]);
  });
});
