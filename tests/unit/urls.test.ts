import { describe, expect, it } from "vitest";
import { absoluteUrl, createUrls } from "../../src/lib/urls.ts";

describe("createUrls", () => {
  it("puts citation, image, feed and sitemap files under the base path", () => {
    for (const base of ["/catalogue/", "/catalogue"]) {
      const urls = createUrls(base);
      expect(urls.paperBibtex("hep-th-9711200")).toBe("/catalogue/papers/hep-th-9711200.bib");
      expect(urls.bibtex()).toBe("/catalogue/papers.bib");
      expect(urls.paperImage("2206.01958")).toBe("/catalogue/papers/2206.01958/og.png");
      expect(urls.feed()).toBe("/catalogue/rss.xml");
      expect(urls.sitemap()).toBe("/catalogue/sitemap-index.xml");
    }
    expect(createUrls("/").feed()).toBe("/rss.xml");
  });
});

describe("absoluteUrl", () => {
  it("makes a path from the site root absolute against the site's origin", () => {
    expect(absoluteUrl("/catalogue/papers/x/", "https://example.org")).toBe("https://example.org/catalogue/papers/x/");
    expect(absoluteUrl("/catalogue/rss.xml", new URL("https://example.org/"))).toBe(
      "https://example.org/catalogue/rss.xml",
    );
  });
});
