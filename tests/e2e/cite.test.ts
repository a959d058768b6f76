/** Citing and sharing as a visitor does it, in Chromium against the built site. */
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";

const built = useBuiltSite();

describe("the Cite section", () => {
  it("copies the BibTeX entry to the clipboard and says so", async () => {
    const context = await built.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${built.site.url}papers/1806.03653/`);
    const button = page.getByRole("button", { name: "Copy BibTeX" });
    await button.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^@inproceedings\{yang2018scidtb,\n {2}title = \{\{SciDTB\}/);
    const bibtex = await (await fetch(`${built.site.url}papers/1806.03653.bib`)).text();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex.trimEnd());
    expect(await page.locator("copy-text").first().getByRole("status").textContent()).toBe("Copied to the clipboard.");
    expect(await page.locator("copy-text button").first().textContent()).toBe("Copied");
    await context.close();
  });

  it("copies the APA reference with its own button", async () => {
    const context = await built.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${built.site.url}papers/2206.01958/`);
    await page.getByRole("button", { name: "Copy APA citation" }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(
        /^Jiang, Y\., Yang, H\., .* \(2022\)\. Instance-wise prompt tuning for pretrained language models \(arXiv:2206\.01958\)\. arXiv\./,
      );
    await context.close();
  });

  it("keeps the text and hides the buttons without JavaScript", async () => {
    const context = await built.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${built.site.url}papers/1806.03653/`);
    expect(await page.locator("#cite-heading ~ copy-text pre").isVisible()).toBe(true);
    expect(await page.locator("copy-text button").first().isVisible()).toBe(false);
    await context.close();
  });
});

describe("links in other shapes", () => {
  it.each([
    ["abs/1806.03653", "a redirect page the build wrote"],
    ["papers/1806.03653v1/", "a redirect page the build wrote"],
    ["papers/1806.03653v7/", "the 404 page's script"],
    ["abs/1806.03653v3", "the 404 page's script"],
  ])("%s arrives at the paper's page (%s)", async (path) => {
    const page = await built.browser.newPage();
    await page.goto(built.site.url + path);
    await page.waitForURL(`${built.site.url}papers/1806.03653/`);
    expect(await page.locator("h1").textContent()).toBe(
      "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts",
    );
    await page.close();
  });

  it.each(["papers/2301.99999/", "abs/2301.99999v2"])(
    "says that %s, a well-formed id, is not in this catalogue, and links it on arXiv",
    async (path) => {
      const page = await built.browser.newPage();
      const response = await page.goto(built.site.url + path);
      expect(response?.status()).toBe(404);
      const notice = page.locator("[data-not-in-catalogue]");
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect((await notice.textContent())!.replace(/\s+/g, " ")).toContain(
        "arXiv:2301.99999 is not in this catalogue.",
      );
      expect(await notice.locator("a").getAttribute("href")).toBe("https://arxiv.org/abs/2301.99999");
      expect(page.url()).toBe(built.site.url + path);
      await page.close();
    },
  );

  it("leaves an unknown address on the 404 page", async () => {
    const page = await built.browser.newPage();
    const response = await page.goto(`${built.site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(page.url()).toBe(`${built.site.url}no/such/page/`);
    await page.close();
  });
});
