/**
 * The authors' index in pages, in real Chromium: a synthetic catalogue of 300 papers (100
 * authors) built with 30 authors a page under /catalogue/, so that the index makes four pages
 * and its filter reads every author from `authors/directory.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticCatalogue } from "../../scripts/synthetic-catalogue.ts";
import { foldAccents } from "../../src/lib/text/fold-accents.ts";
import { astroBuild } from "../build/astro-build.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

const CONTENT = "dist-authors-paged-content";
const OUT = "dist-authors-paged";
const BASE = "/catalogue/";
const PER_PAGE = 30;

let browser: Browser;
let site: StaticSite;
/** Every author as the directory lists them: name, slug, papers. */
let directory: [string, string, number][];

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
    env: { CATALOGUE_AUTHORS_PER_PAGE: String(PER_PAGE), CATALOGUE_OG_IMAGES: "0" },
  });
  if (build.status !== 0) throw new Error(`building the paged catalogue failed:\n${build.stdout}\n${build.stderr}`);
  directory = JSON.parse(readFileSync(join(OUT, "authors", "directory.json"), "utf8"));
  browser = await launchBrowser();
  site = await serveStatic(OUT, BASE);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pageUrl = (n: number) => `${site.url}authors/${n === 1 ? "" : `${n}/`}`;

describe("the authors' index in pages", () => {
  it("lists every author once, in the directory's order, 30 a page, each page linking the next", async () => {
    const pages = Math.ceil(directory.length / PER_PAGE);
    expect(pages).toBeGreaterThan(2);
    const page = await browser.newPage();
    const listed: string[] = [];
    for (let n = 1; n <= pages; n++) {
      await page.goto(pageUrl(n));
      const links = await page
        .locator("[data-letter] li a")
        .evaluateAll((list) => list.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links.length, `page ${n}`).toBe(n < pages ? PER_PAGE : directory.length - PER_PAGE * (pages - 1));
      listed.push(...links);
      const next = await page.evaluate(() => document.querySelector('link[rel="next"]')?.getAttribute("href") ?? null);
      expect(next).toBe(n < pages ? `${BASE}authors/${n + 1}/` : null);
    }
    expect(listed).toEqual(directory.map(([, slug]) => `${BASE}authors/${slug}/`));
    const response = await page.goto(`${site.url}authors/${pages + 1}/`);
    expect(response?.status()).toBe(404);
    await page.close();
  });

  it("links each letter to the page where it begins, at its heading", async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl(3));
    const letters = await page
      .locator("[data-letters] a")
      .evaluateAll((list) => list.map((a) => ({ text: a.textContent!.trim(), href: (a as HTMLAnchorElement).href })));
    expect(letters.length).toBeGreaterThan(3);
    for (const { text, href } of letters) {
      await page.goto(href);
      const id = new URL(href).hash.slice(1);
      expect((await page.locator(`section#${id} h2`).textContent())?.trim(), href).toBe(text);
    }
    await page.close();
  });

  it("finds an author on every page from the filter, reading the directory once", async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("directory.json")) fetched.push(request.url());
    });
    await page.goto(pageUrl(2));
    const [name] = directory.at(-1)!;
    const word = foldAccents(name.split(" ")[0]!);
    const expected = directory.filter(([n]) => foldAccents(n).includes(word));
    await page.locator("author-filter input").fill(word);
    await expect
      .poll(() => page.locator("[data-matches] li a").evaluateAll((list) => list.map((a) => a.textContent)))
      .toEqual(expected.map(([n]) => n));
    expect(await page.locator("#author-filter-status").textContent()).toBe(
      expected.length === 1 ? "1 author" : `${expected.length} authors`,
    );
    expect(await page.locator("[data-letter]").first().isHidden()).toBe(true);
    await page.locator("author-filter input").fill(`${word} `);
    await page.locator("[data-matches] li a").last().click();
    expect(new URL(page.url()).pathname).toBe(`${BASE}authors/${expected.at(-1)![1]}/`);
    expect(await page.locator("h1").textContent()).toBe(expected.at(-1)![0]);
    expect(fetched).toHaveLength(1);
    await page.close();
  });
});
