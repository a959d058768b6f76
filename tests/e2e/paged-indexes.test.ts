/**
 * Indexes that grow with the catalogue, in pages, in real Chromium: a synthetic catalogue of 300
 * papers (100 authors) built under /catalogue/ with 30 authors a page, so that the authors' index
 * makes four pages and its filter reads every author from `authors/directory.json`; and with one
 * topic only, so that most papers are in no topic and "Other" on /topics/ goes on to /topics/2/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldAccents } from "../../src/lib/text/fold-accents.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";
import { buildSyntheticSite } from "./synthetic-site.ts";

const CONTENT = "dist-paged-content";
const OUT = "dist-paged";
const BASE = "/catalogue/";
const PER_PAGE = 30;

let browser: Browser;
let site: StaticSite;
/** Every author as the directory lists them: name, slug, papers. */
let directory: [string, string, number][];

beforeAll(async () => {
  buildSyntheticSite({
    papers: 300,
    content: CONTENT,
    out: OUT,
    base: BASE,
    env: { CATALOGUE_AUTHORS_PER_PAGE: String(PER_PAGE), CATALOGUE_OG_IMAGES: "0" },
    // The first topic alone.
    files: (files) => ({ ...files, "topics.yaml": files["topics.yaml"]!.split(/\n(?=- slug:)/)[0]! + "\n" }),
  });
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

describe("the papers in no topic, in pages", () => {
  /** The paper links of a list's pages, following rel=next from the first. */
  async function listed(first: string, list: string): Promise<string[]> {
    const page = await browser.newPage();
    const links: string[] = [];
    for (let url: string | null = first; url;) {
      await page.goto(url);
      links.push(
        ...(await page
          .locator(`${list} article :is(h2, h3) a`)
          .evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname))),
      );
      const next: string | null = await page.evaluate(
        () => (document.querySelector('link[rel="next"]') as HTMLLinkElement | null)?.href ?? null,
      );
      url = next;
    }
    await page.close();
    return links;
  }

  it("lists the newest 50 under Other on /topics/, the rest on /topics/2/ and on, each once", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}topics/`);
    const topic = await page.locator("main ul a").first().getAttribute("href");
    const first = await page.locator("#other article h3 a").count();
    expect(first).toBe(50);
    const pager = page.locator('#other nav a[rel="next"]');
    expect(await pager.getAttribute("href")).toBe(`${BASE}topics/2/`);
    await page.close();

    const inTopic = await listed(new URL(topic!, site.url).href, "main");
    const other = [...(await listed(`${site.url}topics/`, "#other")).slice(0, 50)];
    other.push(...(await listed(`${site.url}topics/2/`, "main")));
    expect(new Set(other).size).toBe(other.length);
    expect(other.filter((path) => inTopic.includes(path))).toEqual([]);
    expect(other.length + inTopic.length).toBe(300);
    expect(other.length).toBeGreaterThan(100);
  });
});
