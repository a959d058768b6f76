/**
 * Search over a split index in real Chromium: a synthetic catalogue of 300 papers built with
 * small shards under /catalogue/, so that `/search-index.json` is a manifest and every query
 * fetches parts. The browser must fetch what the same query fetches in Node, no more.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchManifest } from "../../src/lib/search/search-index-format.ts";
import { searchShardedIndex, ShardedSearchIndex, withAbstracts } from "../../src/lib/search/sharded-search-index.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";
import { buildSyntheticSite } from "./synthetic-site.ts";

const CONTENT = "dist-search-shards-content";
const OUT = "dist-search-shards";
const BASE = "/catalogue/";
/** Results the header box shows. */
const SHOWN = 8;

let browser: Browser;
let site: StaticSite;
let manifest: SearchManifest;

beforeAll(async () => {
  buildSyntheticSite({
    papers: 300,
    content: CONTENT,
    out: OUT,
    base: BASE,
    env: { CATALOGUE_SEARCH_SHARD_BYTES: "8000", CATALOGUE_SEARCH_ONE_FILE_BYTES: "0" },
  });
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
/** Whether every result drawn has its snippet: they come once typing pauses, from the results' abstracts. */
const snippetsDrawn = (page: Page) =>
  page
    .locator('catalogue-search [role="option"] [data-hit-snippet]')
    .allTextContents()
    .then((texts) => texts.length > 0 && texts.every((text) => text.trim() !== ""));
/** A part's URL as the browser fetches it. */
const partUrl = (name: string) => `${BASE}search-index/${name}.json?v=${manifest.version}`;

describe("search over a split index in the browser", () => {
  it("is built split: a manifest, shards, a document per part", () => {
    expect(manifest.format).toBe("lunr-shards-4");
    expect(manifest.documentCount).toBe(300);
    expect(manifest.shards.length).toBeGreaterThan(20);
  });

  it("fetches the manifest, then only the shards a query needs and the documents of the results shown", async () => {
    const { page, errors, requested } = await open(site.url);
    await box(page).focus();
    await expect.poll(() => [...requested]).toEqual([`${BASE}search-index.json`]);

    const node = nodeIndex();
    const first = await searchShardedIndex(node.index, "multimodal pretraining", SHOWN);
    await withAbstracts(node.index, first.hits);
    await box(page).fill("multimodal pretraining");
    await expect
      .poll(() => optionPaths(page))
      .toEqual(first.hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    await expect.poll(() => snippetsDrawn(page)).toBe(true);
    expect(first.hits).toHaveLength(SHOWN);
    expect(node.fetched.filter((name) => name.startsWith("documents/"))).toHaveLength(SHOWN);
    expect(node.fetched.filter((name) => name.startsWith("abstracts/"))).toHaveLength(SHOWN);
    expect(requested.slice(1).sort()).toEqual(node.fetched.map(partUrl).sort());
    expect(await status(page).textContent()).toBe(
      `${first.total} papers match “multimodal pretraining”; the best ${SHOWN} are shown.`,
    );

    // A second query fetches only what the first did not.
    const before = node.fetched.length;
    const second = await searchShardedIndex(node.index, "multimodal pretrain", SHOWN);
    await withAbstracts(node.index, second.hits);
    const count = requested.length;
    await box(page).fill("multimodal pretrain");
    await expect
      .poll(() => optionPaths(page))
      .toEqual(second.hits.map(({ document }) => `${BASE}papers/${document.id}/`));
    await expect.poll(() => snippetsDrawn(page)).toBe(true);
    expect(requested.slice(count).sort()).toEqual(node.fetched.slice(before).map(partUrl).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the best 10 on the search page and 10 more at each Show more, fetching each document once", async () => {
    const { page, errors, requested } = await open(`${site.url}search/?q=model`);
    const node = nodeIndex().index;
    const paths = (hits: { document: { id: string } }[]) => hits.map(({ document }) => `${BASE}papers/${document.id}/`);
    const first = await searchShardedIndex(node, "model", 10);
    expect(first.total).toBeGreaterThan(20);
    await expect.poll(() => optionPaths(page)).toEqual(paths(first.hits));
    expect(await status(page).textContent()).toBe(`${first.total} papers match “model”; the best 10 are shown.`);
    expect(requested.filter((path) => path.includes("/documents/"))).toHaveLength(10);

    const more = page.locator("main [data-more]");
    await expect.poll(() => more.textContent()).toBe("Show 10 more");
    await expect.poll(() => snippetsDrawn(page)).toBe(true);
    // The twenty as drawn, read in the same task as the drawing (before any timer can fill them in).
    const drawnAt = page.locator("main [data-results]").evaluate(
      (results) =>
        new Promise<{ text: string; pending: boolean }[]>((resolve) => {
          const observer = new MutationObserver(() => {
            const snippets = [...results.querySelectorAll<HTMLElement>('[role="option"] [data-hit-snippet]')];
            if (snippets.length < 20) return;
            observer.disconnect();
            resolve(
              snippets.map((snippet) => ({ text: snippet.textContent ?? "", pending: "pending" in snippet.dataset })),
            );
          });
          observer.observe(results, { childList: true });
        }),
    );
    await more.click();
    const second = await searchShardedIndex(node, "model", 20);
    // The first ten keep their snippets as they are drawn again; the next ten keep room for theirs, which come after.
    const drawn = await drawnAt;
    expect(drawn.slice(0, 10).map(({ text, pending }) => text.trim() !== "" && !pending)).toEqual(Array(10).fill(true));
    expect(drawn.slice(10).map(({ text, pending }) => text === "" && pending)).toEqual(Array(10).fill(true));
    await expect.poll(() => optionPaths(page)).toEqual(paths(second.hits));
    await expect.poll(() => snippetsDrawn(page)).toBe(true);
    expect(await page.locator("main [data-hit-snippet][data-pending]").count()).toBe(0);
    const abstracts = requested.filter((path) => path.includes("/abstracts/"));
    expect(new Set(abstracts).size).toBe(20);
    expect(abstracts).toHaveLength(20);
    expect(await status(page).textContent()).toBe(`${first.total} papers match “model”; the best 20 are shown.`);
    const documents = requested.filter((path) => path.includes("/documents/"));
    expect(new Set(documents).size).toBe(20);
    expect(documents).toHaveLength(20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("offers only the results left, then gives the focus back to the box", async () => {
    // A word of the catalogue's titles with between 11 and 19 papers.
    const node = nodeIndex().index;
    const words = new Set(
      JSON.parse(readFileSync(join(OUT, "search-index", "documents", "0.json"), "utf8")).data[0].title.split(/\W+/),
    );
    let word: string | undefined;
    let total = 0;
    for (let n = 1; n < 60 && !word; n++)
      for (const candidate of JSON.parse(readFileSync(join(OUT, "search-index", "documents", `${n}.json`), "utf8"))
        .data[0].title.toLowerCase()
        .split(/[^a-z]+/)) {
        if (candidate.length < 5 || words.has(candidate)) continue;
        words.add(candidate);
        total = (await searchShardedIndex(node, candidate, 0)).total;
        if (total > 10 && total < 20) {
          word = candidate;
          break;
        }
      }
    if (!word) throw new Error("no word of the synthetic catalogue has between 11 and 19 papers");
    const { page, errors } = await open(`${site.url}search/?q=${word}`);
    const more = page.locator("main [data-more]");
    await expect.poll(() => more.textContent()).toBe(`Show ${total - 10} more`);
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => optionPaths(page).then((list) => list.length)).toBe(total);
    await expect.poll(() => more.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("q");
    expect(await status(page).textContent()).toBe(`${total} papers match “${word}”.`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws no Show more when every result is shown", async () => {
    const { id } = JSON.parse(readFileSync(join(OUT, "search-index", "documents", "0.json"), "utf8")).data[0];
    const { page, errors } = await open(`${site.url}search/?q=${id}`);
    await expect.poll(() => status(page).textContent()).toBe(`1 paper matches “${id}”.`);
    expect(await page.locator("main [data-more]").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches as the visitor types from the second letter, and a lone letter on Enter", async () => {
    const { page, errors, requested } = await open(`${site.url}search/`);
    await box(page).pressSequentially("m", { delay: 150 });
    await expect.poll(() => [...requested]).toEqual([`${BASE}search-index.json`]);
    // Longer than the pause the box waits for before it searches.
    await page.waitForTimeout(400);
    expect(requested).toEqual([`${BASE}search-index.json`]);
    expect(await optionPaths(page)).toEqual([]);

    await page.keyboard.press("Enter");
    const { total } = await searchShardedIndex(nodeIndex().index, "m", 10);
    await expect
      .poll(() => status(page).textContent())
      .toMatch(new RegExp(`^(${total} papers? match|No papers match) “m”`));
    expect(requested.length).toBeGreaterThan(1);

    await box(page).pressSequentially("o", { delay: 150 });
    await expect.poll(() => status(page).textContent()).toMatch(/“mo”/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("marks the matched words in titles and snippets, positions found again in the documents", async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent("title:multimodal")}`);
    await expect.poll(() => optionPaths(page).then((paths) => paths.length)).toBeGreaterThan(0);
    const marks = await page.locator('catalogue-search [role="option"] [data-hit-title] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^multimodal/);
    // A word in abstracts: its snippets come after the results, marked.
    await page.goto(`${site.url}search/?q=multimodal`);
    await expect.poll(() => snippetsDrawn(page)).toBe(true);
    const snippetMarks = await page
      .locator('catalogue-search [role="option"] [data-hit-snippet] mark')
      .allTextContents();
    expect(snippetMarks.length).toBeGreaterThan(0);
    for (const mark of snippetMarks) expect(mark.toLowerCase()).toMatch(/^multimodal/);
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
