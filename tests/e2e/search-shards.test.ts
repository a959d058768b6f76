/**
 * Search over a split index in real Chromium: a synthetic catalogue of 300 papers built with
 * small shards under /catalogue/, so that `/search-index.json` is a manifest and every query
 * fetches parts. The browser must fetch what the same query fetches in Node, no more.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticCatalogue } from "../../scripts/synthetic-catalogue.ts";
import type { SearchManifest } from "../../src/lib/search/search-index-format.ts";
import { searchShardedIndex, ShardedSearchIndex } from "../../src/lib/search/sharded-search-index.ts";
import { astroBuild } from "../build/astro-build.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

const CONTENT = "dist-search-shards-content";
const OUT = "dist-search-shards";
const BASE = "/catalogue/";
/** Results the header box shows. */
const SHOWN = 8;

let browser: Browser;
let site: StaticSite;
let manifest: SearchManifest;

beforeAll(async () => {
  const generated = syntheticCatalogue(300);
  mkdirSync(CONTENT, { recursive: true });
  for (const [file, text] of Object.entries({
    "abstracts.txt": generated.abstracts,
    "papers.yaml": generated.papers,
    "topics.yaml": generated.topics,
    "site.yaml": generated.site,
  }))
    writeFileSync(join(CONTENT, file), text);
  const build = astroBuild({
    content: CONTENT,
    out: OUT,
    base: BASE,
    env: { CATALOGUE_SEARCH_SHARD_BYTES: "8000", CATALOGUE_SEARCH_ONE_FILE_BYTES: "0" },
  });
  if (build.status !== 0) throw new Error(`building the split catalogue failed:\n${build.stdout}\n${build.stderr}`);
  manifest = JSON.parse(readFileSync(join(OUT, "search-index.json"), "utf8")) as SearchManifest;
  browser = await launchBrowser();
  site = await serveStatic(OUT, BASE);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The same split index in Node, reading the built parts, recording which it read. */
function nodeIndex(): { index: ShardedSearchIndex; fetched: string[] } {
  const fetched: string[] = [];
  const index = new ShardedSearchIndex(manifest, (name) => {
    fetched.push(name);
    return Promise.resolve(JSON.parse(readFileSync(join(OUT, "search-index", `${name}.json`), "utf8")));
  });
  return { index, fetched };
}

/**
 * A page that records console errors and the search index's files it requests (path and query);
 * `prepare` runs before the page loads.
 */
async function open(
  url: string,
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  const page = await browser.newPage();
  await prepare(page);
  const errors: string[] = [];
  const requested: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith(`${BASE}search-index`)) requested.push(pathname + search);
  });
  await page.goto(url);
  return { page, errors, requested };
}

const box = (page: Page) => page.locator("catalogue-search input[name=q]");
const optionPaths = (page: Page) =>
  page
    .locator('catalogue-search [role="listbox"] [role="option"]')
    .evaluateAll((list) => list.map((option) => (option as HTMLAnchorElement).pathname));
const status = (page: Page) => page.locator('catalogue-search [role="status"]');
/** A part's URL as the browser fetches it. */
const partUrl = (name: string) => `${BASE}search-index/${name}.json?v=${manifest.version}`;

describe("search over a split index in the browser", () => {
  it("is built split: a manifest, shards, a document per part", () => {
    expect(manifest.format).toBe("lunr-shards-2");
    expect(manifest.documentCount).toBe(300);
    expect(manifest.shards.length).toBeGreaterThan(20);
  });

  it("fetches the manifest, then only the shards a query needs and the documents of the results shown", async () => {
    const { page, errors, requested } = await open(site.url);
    await box(page).focus();
    await expect.poll(() => [...requested]).toEqual([`${BASE}search-index.json`]);

    const node = nodeIndex();
    const first = await searchShardedIndex(node.index, "multimodal pretraining", SHOWN);
    await box(page).fill("multimodal pretraining");
    await expect
      .poll(() => optionPaths(page))
      .toEqual(first.hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    expect(first.hits).toHaveLength(SHOWN);
    expect(node.fetched.filter((name) => name.startsWith("documents/"))).toHaveLength(SHOWN);
    expect(requested.slice(1).sort()).toEqual(node.fetched.map(partUrl).sort());
    expect(await status(page).textContent()).toBe(
      `${first.total} papers match “multimodal pretraining”; the best ${SHOWN} are shown.`,
    );

    // A second query fetches only what the first did not.
    const before = node.fetched.length;
    const second = await searchShardedIndex(node.index, "multimodal pretrain", SHOWN);
    const count = requested.length;
    await box(page).fill("multimodal pretrain");
    await expect
      .poll(() => optionPaths(page))
      .toEqual(second.hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    expect(requested.slice(count).sort()).toEqual(node.fetched.slice(before).map(partUrl).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the best 100 on the search page, drawing the best 10 first, fetching each document once", async () => {
    const drawn: number[] = [];
    const { page, errors, requested } = await open(`${site.url}search/?q=model`, async (page) => {
      await page.exposeFunction("drawn", (count: number) => drawn.push(count));
      await page.addInitScript(() =>
        document.addEventListener("DOMContentLoaded", () => {
          const list = document.querySelector('catalogue-search [role="listbox"]')!;
          const report = (window as unknown as { drawn(count: number): void }).drawn;
          new MutationObserver(() => report(list.children.length)).observe(list, { childList: true });
        }),
      );
    });
    const { total, hits } = await searchShardedIndex(nodeIndex().index, "model", 100);
    await expect.poll(() => optionPaths(page)).toEqual(hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    expect(drawn).toEqual([10, 100]);
    expect(await status(page).textContent()).toBe(`${total} papers match “model”; the best 100 are shown.`);
    const documents = requested.filter((path) => path.includes("/documents/"));
    expect(new Set(documents).size).toBe(100);
    expect(documents).toHaveLength(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("marks the matched words in titles and snippets, positions found again in the documents", async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent("title:multimodal")}`);
    await expect.poll(() => optionPaths(page).then((paths) => paths.length)).toBeGreaterThan(0);
    const marks = await page.locator('catalogue-search [role="option"] [data-hit-title] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^multimodal/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says when a shard cannot be fetched, and fetches it on Retry", async () => {
    const { page } = await open(site.url);
    await page.route("**/search-index/shards/**", (route) => route.abort());
    await box(page).fill("expert routing");
    await expect
      .poll(() => status(page).textContent())
      .toBe("Search could not be loaded. Check your connection and try again.");
    await page.unroute("**/search-index/shards/**");
    await page.getByRole("button", { name: "Retry" }).click();
    const node = nodeIndex();
    const { hits } = await searchShardedIndex(node.index, "expert routing", SHOWN);
    await expect.poll(() => optionPaths(page)).toEqual(hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    await page.close();
  });
});
