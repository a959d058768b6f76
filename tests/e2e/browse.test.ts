/** Browsing the authors' index as a visitor does it, in Chromium against the built site. */
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";

const built = useBuiltSite();

describe("the authors' index", () => {
  it("filters the names as they are typed, letters folded, and keeps the filter in the URL", async () => {
    const page = await built.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${built.site.url}authors/`);
    const input = page.getByLabel("Find an author");
    await input.fill("ZHOU");
    const shown = page.locator("[data-letter] li:visible");
    await expect.poll(() => shown.count()).toBe(3);
    expect((await shown.allTextContents()).every((text) => text.includes("Zhou"))).toBe(true);
    expect(await page.locator("#author-filter-status").textContent()).toBe("3 authors");
    expect(new URL(page.url()).searchParams.get("name")).toBe("ZHOU");
    expect(await page.locator("[data-letters]").isVisible()).toBe(false);

    await page.goto(`${built.site.url}authors/?name=jingren`);
    await expect.poll(() => shown.allInnerTexts()).toEqual(["Jingren Zhou (7)"]);
    await input.fill("");
    await expect.poll(() => shown.count()).toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is the whole index, by letter, without JavaScript", async () => {
    const context = await built.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${built.site.url}authors/`);
    expect(await page.locator("[data-filter]").isVisible()).toBe(false);
    expect(await page.locator("[data-letter] li:visible").count()).toBeGreaterThan(40);
    await page.getByRole("link", { name: "Z", exact: true }).click();
    expect(new URL(page.url()).hash).toBe("#letter-Z");
    await context.close();
  });
});

describe("the home page on a phone", () => {
  it("starts its first paper near the top, the charts after the papers", async () => {
    const page = await built.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(built.site.url);
    const first = await page.locator("main article").first().boundingBox();
    expect(first!.y).toBeLessThan(600);
    const chart = await page.locator("main svg[role=img]:visible").first().boundingBox();
    expect(chart!.y).toBeGreaterThan(first!.y);
    await page.close();
  });
});
