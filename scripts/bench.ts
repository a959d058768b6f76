/**
 * `npm run bench`: builds and measures the seed catalogue and synthetic catalogues of 1,000 and
 * 10,000 papers (scripts/synthetic-catalogue.ts), and prints one table: build wall time and peak
 * memory, pages per second, dist/ size, the search bytes a first query transfers (raw and gzip),
 * the time from the first keystroke to results in Chromium, warm query p50/p95 in Node, and the
 * weight (gzip) of HTML, CSS and JS on a paper page and on the search page. The same figures go
 * to bench/results.json, and the previous run's are shown beside them.
 *
 *   npm run bench                      every size
 *   npm run bench -- seed 1000         some sizes
 *   npm run bench -- --no-build 10000  measure the last build again
 *
 * Builds run without preview images (CATALOGUE_OG_IMAGES=0), as the targets are set. Figures
 * only: nothing here passes or fails. The machine's load shows in them; compare runs made alike.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "playwright-core";
import { showsMath } from "../src/lib/katex-fonts.ts";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { serveStatic } from "../tests/e2e/static-server.ts";
import { readBuiltSearchIndex, warmQueryTimes } from "./search-cost.ts";
import { syntheticCatalogue } from "./synthetic-catalogue.ts";

interface Catalogue {
  name: string;
  content: string;
  papers: number | null;
}

interface Weight {
  raw: number;
  gzip: number;
}

interface Figures {
  papers: number;
  buildSeconds: number;
  peakMemoryMB: number;
  pages: number;
  pagesPerSecond: number;
  distMB: number;
  firstQuery: { query: string; requests: number; raw: number; gzip: number; keystrokeToResultsMs: number };
  warmQueryMs: { p50: number; p95: number };
  /** A paper page with typeset math (the heaviest kind, with the KaTeX fonts its math uses), when there is one. */
  paperPage: Weight & { requests: number };
  /** A paper page without math. */
  plainPaperPage?: Weight & { requests: number };
  searchPage: Weight & { requests: number };
}

const RESULTS = "bench/results.json";
const FIRST_QUERY = "pretraining";
const args = process.argv.slice(2);
const build = !args.includes("--no-build");
const wanted = args.filter((arg) => !arg.startsWith("--"));
const catalogues: Catalogue[] = [
  { name: "seed", content: "content", papers: null },
  { name: "1000", content: "bench/out/catalogue-1000", papers: 1000 },
  { name: "10000", content: "bench/out/catalogue-10000", papers: 10000 },
].filter((c) => wanted.length === 0 || wanted.includes(c.name));

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Writes a synthetic catalogue once; the generator is deterministic, so an existing one is the same. */
function ensureContent(catalogue: Catalogue): void {
  if (catalogue.papers === null || existsSync(join(catalogue.content, "abstracts.txt"))) return;
  const generated = syntheticCatalogue(catalogue.papers);
  mkdirSync(catalogue.content, { recursive: true });
  writeFileSync(join(catalogue.content, "abstracts.txt"), generated.abstracts);
  writeFileSync(join(catalogue.content, "papers.yaml"), generated.papers);
  writeFileSync(join(catalogue.content, "topics.yaml"), generated.topics);
  writeFileSync(join(catalogue.content, "site.yaml"), generated.site);
}

/** Runs `astro build`, timing it and reading its peak resident memory. */
async function runBuild(catalogue: Catalogue, out: string): Promise<{ seconds: number; peakMemoryMB: number }> {
  rmSync(out, { recursive: true, force: true });
  // A full build: no content store left by the last catalogue built (Astro would read it first).
  rmSync("node_modules/.astro", { recursive: true, force: true });
  const memoryFile = join(tmpdir(), `catalogue-bench-${process.pid}.rss`);
  const start = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      ["-r", "./scripts/peak-memory.cjs", "node_modules/astro/astro.js", "build", "--silent"],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          CATALOGUE_CONTENT: catalogue.content,
          CATALOGUE_OUT: out,
          CATALOGUE_OG_IMAGES: "0",
          PEAK_MEMORY_FILE: memoryFile,
        },
      },
    );
    child.on("exit", resolve);
  });
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`building ${catalogue.name} failed (exit ${code})`);
  return { seconds, peakMemoryMB: Number(readFileSync(memoryFile, "utf8")) / 1024 };
}

function folderFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

interface Transfer {
  url: string;
  type: string;
  raw: number;
  gzip: number;
}

/** Every response of a page, with its size raw and gzipped; `settled()` waits for the bodies read so far. */
function recordResponses(page: Page): { list: Transfer[]; settled: () => Promise<Transfer[]> } {
  const list: Transfer[] = [];
  const reading: Promise<unknown>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    reading.push(
      response
        .body()
        .then((body) => list.push({ url: response.url(), type, raw: body.length, gzip: gzip(body) }))
        .catch(() => undefined),
    );
  });
  return { list, settled: () => Promise.all(reading).then(() => list) };
}

/** HTML, CSS, JS and fonts a page loads by itself (no search used), gzipped as a host would serve them. */
async function pageWeight(browser: Browser, url: string): Promise<Weight & { requests: number }> {
  const page = await browser.newPage();
  const responses = recordResponses(page);
  await page.goto(url, { waitUntil: "networkidle" });
  const counted = (await responses.settled()).filter((r) =>
    ["document", "stylesheet", "script", "font"].includes(r.type),
  );
  await page.close();
  return {
    requests: counted.length,
    raw: counted.reduce((sum, r) => sum + r.raw, 0),
    gzip: counted.reduce((sum, r) => sum + r.gzip, 0),
  };
}

/** Opens a paper page, types a query into the header box and waits for results. */
async function firstQuery(browser: Browser, paperUrl: string): Promise<Figures["firstQuery"]> {
  const page = await browser.newPage();
  const responses = recordResponses(page);
  await page.goto(paperUrl, { waitUntil: "networkidle" });
  const before = (await responses.settled()).length;
  const box = page.locator("header [data-input]").first();
  await page.evaluate(() => {
    const state = window as unknown as { benchKey?: number; benchResults?: number };
    document.addEventListener("input", () => (state.benchKey ??= performance.now()), { capture: true });
    new MutationObserver(() => {
      if (document.querySelector('header [role="option"]')) state.benchResults ??= performance.now();
    }).observe(document.body, { subtree: true, childList: true });
  });
  // One input event carries the whole query: the first keystroke also focuses the box, which
  // starts loading search, so this is the cold path a visitor takes.
  await box.fill(FIRST_QUERY);
  await page.waitForSelector('header [role="option"]', { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const elapsed = await page.evaluate(() => {
    const state = window as unknown as { benchKey: number; benchResults: number };
    return state.benchResults - state.benchKey;
  });
  const search = (await responses.settled()).slice(before);
  await page.close();
  return {
    query: FIRST_QUERY,
    requests: search.length,
    raw: search.reduce((sum, r) => sum + r.raw, 0),
    gzip: search.reduce((sum, r) => sum + r.gzip, 0),
    keystrokeToResultsMs: elapsed,
  };
}

async function measure(catalogue: Catalogue): Promise<Figures> {
  ensureContent(catalogue);
  const out = `bench/out/dist-${catalogue.name}`;
  const built = build
    ? await runBuild(catalogue, out)
    : (previous()[catalogue.name] ?? { buildSeconds: NaN, peakMemoryMB: NaN });
  const files = folderFiles(out);
  const pages = files.filter((file) => file.endsWith(".html")).length;
  const seconds = "seconds" in built ? built.seconds : built.buildSeconds;
  const site = await serveStatic(out);
  const browser = await launchBrowser();
  try {
    const paperPages = files.filter((file) => /papers\/[^/]+\/index\.html$/.test(file) && !/v\d+\/index/.test(file));
    // The heaviest kind of paper page: one with typeset math, when the catalogue has one.
    const hasMath = (file: string) => showsMath(readFileSync(file, "utf8"));
    const paper = paperPages.find(hasMath) ?? paperPages[0]!;
    const plainPaper = paperPages.find((file) => !hasMath(file)) ?? paperPages[0]!;
    const urlOf = (file: string) => site.url + file.slice(out.length + 1).replace(/index\.html$/, "");
    const paperUrl = urlOf(paper);
    return {
      papers: paperPages.length,
      buildSeconds: seconds,
      peakMemoryMB: built.peakMemoryMB,
      pages,
      pagesPerSecond: pages / seconds,
      distMB: files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6,
      firstQuery: await firstQuery(browser, paperUrl),
      warmQueryMs: await warmQueryTimes(readBuiltSearchIndex(out)).then(({ p50, p95 }) => ({ p50, p95 })),
      paperPage: await pageWeight(browser, paperUrl),
      plainPaperPage: await pageWeight(browser, urlOf(plainPaper)),
      searchPage: await pageWeight(browser, `${site.url}search/`),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

function previous(): Record<string, Figures> {
  return existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, "utf8")) as { results: Record<string, Figures> }).results
    : {};
}

function table(results: Record<string, Figures>, before: Record<string, Figures>): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, (f: Figures) => string][] = [
    ["papers", (f) => String(f.papers)],
    ["build wall time", (f) => `${f.buildSeconds.toFixed(1)} s`],
    ["build peak memory", (f) => `${f.peakMemoryMB.toFixed(0)} MB`],
    ["pages (HTML files)", (f) => String(f.pages)],
    ["pages per second", (f) => f.pagesPerSecond.toFixed(0)],
    ["dist/ size", (f) => `${f.distMB.toFixed(1)} MB`],
    [`first query "${FIRST_QUERY}": requests`, (f) => String(f.firstQuery.requests)],
    ["first query: bytes raw", (f) => kb(f.firstQuery.raw)],
    ["first query: bytes gzip", (f) => kb(f.firstQuery.gzip)],
    ["first keystroke to results (Chromium)", (f) => `${f.firstQuery.keystrokeToResultsMs.toFixed(0)} ms`],
    ["warm query p50 / p95 (Node)", (f) => `${f.warmQueryMs.p50.toFixed(2)} / ${f.warmQueryMs.p95.toFixed(2)} ms`],
    [
      "paper page with math: HTML+CSS+JS+fonts gzip",
      (f) => `${kb(f.paperPage.gzip)} (${f.paperPage.requests} requests)`,
    ],
    [
      "paper page without math: same",
      (f) => (f.plainPaperPage ? `${kb(f.plainPaperPage.gzip)} (${f.plainPaperPage.requests} requests)` : "-"),
    ],
    ["search page: HTML+CSS+JS+fonts gzip", (f) => `${kb(f.searchPage.gzip)} (${f.searchPage.requests} requests)`],
  ];
  const names = Object.keys(results);
  const cell = (name: string, format: (f: Figures) => string) => {
    const now = format(results[name]!);
    const then = before[name] ? format(before[name]) : null;
    return then && then !== now ? `${now} (was ${then})` : now;
  };
  const lines = [["", ...names], ...rows.map(([label, format]) => [label, ...names.map((n) => cell(n, format))])];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((value, i) => value.padEnd(widths[i]!)).join("  ")).join("\n");
}

const before = previous();
const results: Record<string, Figures> = { ...before };
const measured: Record<string, Figures> = {};
for (const catalogue of catalogues) {
  console.error(`measuring ${catalogue.name}...`);
  measured[catalogue.name] = results[catalogue.name] = await measure(catalogue);
}
console.log(table(measured, before));
mkdirSync("bench", { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, results }, null, 2)}\n`,
);
console.error(`written to ${RESULTS}`);
