/**
 * Search in real Chromium against the built site: the seed catalogue in dist/ (built by
 * `npm test` before this runs), and the search fixture (accents, markup in titles) built here
 * under a base path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { astroBuild } from "../build/astro-build.ts";
import { distDir } from "../build/dist.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

const FIXTURE_OUT = "dist-search-fixture";

let browser: Browser;
let site: StaticSite;
let fixtureSite: StaticSite;

beforeAll(async () => {
  const build = astroBuild({ content: "tests/fixtures/search", out: FIXTURE_OUT, base: "/catalogue/" });
  if (build.status !== 0) throw new Error(`building the search fixture failed:\n${build.stdout}\n${build.stderr}`);
  browser = await launchBrowser();
  site = await serveStatic(distDir);
  fixtureSite = await serveStatic(FIXTURE_OUT, "/catalogue/");
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixtureSite?.close();
});

/** A page that records console errors and uncaught exceptions. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, errors };
}

const box = (page: Page) => page.locator("catalogue-search input[name=q]");
const options = (page: Page) => page.locator('catalogue-search [role="listbox"] [role="option"]');
const status = (page: Page) => page.locator('catalogue-search [role="status"]');
const optionIds = async (page: Page) =>
  await options(page).evaluateAll((list) => list.map((option) => (option as HTMLAnchorElement).pathname));

describe("search in the browser", () => {
  it("requests neither Lunr nor the index before the box is first used", async () => {
    const { page, errors } = await open(site.url);
    await page.waitForLoadState("networkidle");
    const beforeUse = [...site.requests];
    expect(beforeUse).not.toContain("/search-index.json");

    await box(page).focus();
    await page.waitForResponse((response) => response.url().endsWith("/search-index.json"));
    const scripts = (paths: string[]) => paths.filter((path) => path.endsWith(".js"));
    const containsLunr = (path: string) => readFileSync(join(distDir, path), "utf8").includes("QueryParseError");
    const lazy = scripts(site.requests.slice(beforeUse.length));
    expect(lazy.some(containsLunr)).toBe(true);
    expect(scripts(beforeUse).some(containsLunr)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows results under the header box as the visitor types, words marked", async () => {
    const { page, errors } = await open(`${site.url}papers/2105.15082/`);
    await box(page).click();
    await page.keyboard.type("pretrain", { delay: 30 });
    await expect.poll(() => options(page).count()).toBe(6);
    await expect.poll(() => status(page).textContent()).toBe("6 papers match “pretrain”.");
    expect(await box(page).getAttribute("aria-expanded")).toBe("true");
    expect(await options(page).first().locator("mark").allTextContents()).toContain("Pretrainer");
    expect(new URL(page.url()).search).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists M6-T first for /search/?q=mixture, with the word marked in its snippet", async () => {
    const { page, errors } = await open(`${site.url}search/?q=mixture`);
    // M6-10T is in the mixture-of-experts topic too, below M6-T, whose abstract says "Mixture".
    await expect.poll(() => optionIds(page)).toEqual(["/papers/2105.15082/", "/papers/2110.03888/"]);
    const first = options(page).first();
    expect(await first.locator("[data-hit-title]").textContent()).toBe(
      "M6-T: Exploring Sparse Expert Models and Beyond",
    );
    expect(await first.locator("[data-hit-snippet] mark").allTextContents()).toEqual(["Mixture"]);
    expect(await status(page).textContent()).toBe("2 papers match “mixture”.");
    expect(await status(page).getAttribute("aria-live")).toBe("polite");
    expect(await box(page).inputValue()).toBe("mixture");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches a word no paper has within one edit, and says so", async () => {
    const { page, errors } = await open(`${site.url}search/?q=mutlimodal`);
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    expect(await status(page).textContent()).toMatch(
      /^No paper has “mutlimodal”; searched for words within one letter/,
    );
    expect(await options(page).first().locator("[data-hit-title] mark").allTextContents()).toContain("Multimodal");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds the paper of a pasted arXiv link, and every paper for a lone *", async () => {
    const { page, errors } = await open(
      `${site.url}search/?q=${encodeURIComponent("https://arxiv.org/abs/2105.15082v2")}`,
    );
    await expect.poll(() => optionIds(page).then((ids) => ids[0])).toBe("/papers/2105.15082/");
    await box(page).fill("*");
    await expect.poll(() => options(page).count()).toBe(10);
    expect(await status(page).textContent()).toBe("10 papers.");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says what can be typed while the box is empty, and hides it for results", async () => {
    const { page, errors } = await open(`${site.url}search/`);
    const help = page.locator("[data-help]");
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.locator("a").first().getAttribute("href")).toBe("/search/?q=multimodal%20pretraining");
    await box(page).fill("experts");
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("narrows results by year and topic, the narrowing kept in the URL", async () => {
    const { page, errors } = await open(`${site.url}search/?q=pretraining&year=2021`);
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    expect(await page.locator("select[name=year]").inputValue()).toBe("2021");
    expect(new Set(await options(page).locator("[data-hit-year]").allTextContents())).toEqual(new Set(["2021"]));
    await page.locator("select[name=topic]").selectOption("mixture-of-experts");
    await expect.poll(() => new URL(page.url()).searchParams.get("topic")).toBe("mixture-of-experts");
    expect(new URL(page.url()).searchParams.get("year")).toBe("2021");
    await expect
      .poll(async () =>
        (await options(page).locator("[data-hit-topics]").allTextContents()).every((t) =>
          t.includes("Mixture-of-experts"),
        ),
      )
      .toBe(true);
    await box(page).fill("");
    await expect.poll(() => status(page).textContent()).toMatch(/^\d+ papers?\.$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a shared search URL with its results, and keeps the URL on the query as it changes", async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent("title:sketch")}`);
    await expect.poll(() => optionIds(page)).toEqual(["/papers/2105.14778/"]);
    await box(page).fill("OFA unified");
    await expect.poll(() => optionIds(page).then((ids) => ids[0])).toBe("/papers/2202.03052/");
    expect(new URL(page.url()).searchParams.get("q")).toBe("OFA unified");
    await box(page).fill("");
    await expect.poll(() => page.url()).toBe(`${site.url}search/`);
    expect(await options(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("comes back to the same search with the back button", async () => {
    const { page, errors } = await open(`${site.url}search/`);
    await box(page).fill("sparse");
    await expect.poll(() => optionIds(page)).toEqual(["/papers/2105.15082/"]);
    await Promise.all([page.waitForURL(`${site.url}papers/2105.15082/`), options(page).first().click()]);
    await page.goBack();
    expect(page.url()).toBe(`${site.url}search/?q=sparse`);
    await expect.poll(() => optionIds(page)).toEqual(["/papers/2105.15082/"]);
    expect(await box(page).inputValue()).toBe("sparse");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is driven by the keyboard: / focuses the box, arrows move, Enter opens, Escape clears", async () => {
    const { page, errors } = await open(site.url);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("q");
    await page.keyboard.type("multi");
    await expect.poll(() => options(page).count()).toBeGreaterThan(2);
    const ids = await options(page).evaluateAll((list) => list.map((option) => option.id));
    const active = () => box(page).getAttribute("aria-activedescendant");

    await page.keyboard.press("ArrowDown");
    expect(await active()).toBe(ids[0]);
    await page.keyboard.press("ArrowDown");
    expect(await active()).toBe(ids[1]);
    expect(await page.locator(`#${ids[1]}`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(`#${ids[0]}`).getAttribute("aria-selected")).toBe("false");
    await page.keyboard.press("ArrowUp");
    expect(await active()).toBe(ids[0]);

    await page.keyboard.press("Escape");
    expect(await box(page).inputValue()).toBe("");
    expect(await box(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator('catalogue-search [role="listbox"]').isVisible()).toBe(false);

    // "/" typed in the box is text, not the shortcut.
    await page.keyboard.type("m6/t");
    expect(await box(page).inputValue()).toBe("m6/t");
    await box(page).fill("sketch refine");
    await expect.poll(() => optionIds(page).then((list) => list[0])).toBe("/papers/2105.14778/");
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(`${site.url}papers/2105.14778/`), page.keyboard.press("Enter")]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sends Enter without a chosen result to the search page", async () => {
    const { page } = await open(site.url);
    await box(page).fill("sparse experts");
    await Promise.all([page.waitForURL(`${site.url}search/?q=sparse+experts`), box(page).press("Enter")]);
    await expect.poll(() => optionIds(page).then((ids) => ids[0])).toBe("/papers/2105.15082/");
    await page.close();
  });

  // A lone `*` is no longer malformed: it lists every paper (tested above).
  it.each(["title:", '"', "~", "-"])("answers the malformed query %j without an error", async (query) => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => status(page).textContent()).toMatch(/^(No papers match|\d+ papers? match)/);
    await page.goto(site.url);
    await box(page).click();
    await page.keyboard.type(query);
    await expect.poll(() => status(page).textContent()).toMatch(/^(No papers match|\d+ papers? match)/);
    expect(await page.locator("catalogue-search [data-retry]").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says when the index cannot be loaded, and loads it on Retry", async () => {
    const page = await browser.newPage();
    await page.route("**/search-index.json", (route) => route.abort());
    await page.goto(`${site.url}search/?q=mixture`);
    await expect
      .poll(() => status(page).textContent())
      .toBe("Search could not be loaded. Check your connection and try again.");
    const retry = page.getByRole("button", { name: "Retry" });
    expect(await retry.isVisible()).toBe(true);
    await page.unroute("**/search-index.json");
    await retry.click();
    await expect.poll(() => optionIds(page).then((ids) => ids[0])).toBe("/papers/2105.15082/");
    expect(await retry.isVisible()).toBe(false);
    await page.close();
  });

  it("without JavaScript, the header box is a plain form and /search/ says search needs JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.getByLabel("Search papers").fill("mixture");
    await Promise.all([
      page.waitForURL(`${site.url}search/?q=mixture`),
      page.getByLabel("Search papers").press("Enter"),
    ]);
    const notice = page.locator("[data-no-js]");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain("needs JavaScript");
    expect(await notice.getByRole("link", { name: "topics" }).getAttribute("href")).toBe("/topics/");
    await context.close();
  });
});

describe("search over the fixture catalogue, served under /catalogue/", () => {
  it("folds accents: Renyi finds Rényi, marked, linked under the base path", async () => {
    const { page, errors } = await open(`${fixtureSite.url}search/?q=Renyi`);
    await expect.poll(() => optionIds(page)).toEqual(["/catalogue/papers/1602.02311/"]);
    expect(await options(page).first().locator("[data-hit-title] mark").allTextContents()).toEqual(["Rényi"]);
    expect(fixtureSite.requests).toContain("/catalogue/search-index.json");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows markup in titles and abstracts as text, never as elements", async () => {
    const { page, errors } = await open(`${fixtureSite.url}search/?q=script`);
    await expect.poll(() => options(page).count()).toBe(1);
    const option = options(page).first();
    expect(await option.locator("[data-hit-title]").textContent()).toBe(
      "<script>window.pwned = 3</script> & <b>Bold</b> Claims",
    );
    expect(await option.locator("[data-hit-snippet]").textContent()).toContain(
      'onerror="window.pwned=1"> and <script>window.pwned = 2</script>',
    );
    expect(await option.locator("script, img, b").count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
