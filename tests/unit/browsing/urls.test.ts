import { describe, expect, it } from "vitest";
import { absoluteUrl, createUrls, pageSegment } from "../../../src/lib/browsing/urls.ts";

describe("createUrls", () => {
  it("puts citation, image, feed and sitemap files under the base path", () => {
    for (const base of ["/catalogue/", "/catalogue"]) {
      const urls = createUrls(base);
      expect(urls.paperBibtex("hep-th-9711200")).toBe("/catalogue/papers/hep-th-9711200.bib");
      expect(urls.bibtex()).toBe("/catalogue/papers.bib");
      expect(urls.paperImage("2206.01958")).toBe("/catalogue/papers/2206.01958/og.png");
      expect(urls.feed()).toBe("/catalogue/rss.xml");
      expect(urls.sitemap()).toBe("/catalogue/sitemap-index.xml");
      expect(urls.topicFeed("discourse-parsing")).toBe("/catalogue/topics/discourse-parsing/rss.xml");
      expect(urls.authorFeed("an-yang")).toBe("/catalogue/authors/an-yang/rss.xml");
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

describe("createUrls", () => {
  it.each(["/", "/catalogue/", "/catalogue"])("puts every page under the base %s", (base) => {
    const urls = createUrls(base);
    const root = base.endsWith("/") ? base : `${base}/`;
    expect(urls.topics()).toBe(`${root}topics/`);
    expect(urls.topics(1)).toBe(`${root}topics/`);
    expect(urls.topics(2)).toBe(`${root}topics/2/`);
    expect(urls.authors(3)).toBe(`${root}authors/3/`);
    expect(urls.authorDirectory()).toBe(`${root}authors/directory.json`);
    expect(urls.topic("discourse-parsing")).toBe(`${root}topics/discourse-parsing/`);
    expect(urls.topic("discourse-parsing", 1)).toBe(`${root}topics/discourse-parsing/`);
    expect(urls.topic("discourse-parsing", 3)).toBe(`${root}topics/discourse-parsing/3/`);
    expect(urls.author("an-yang")).toBe(`${root}authors/an-yang/`);
    expect(urls.author("an-yang", 1)).toBe(`${root}authors/an-yang/`);
    expect(urls.author("an-yang", 2)).toBe(`${root}authors/an-yang/2/`);
  });
});

describe("pageSegment", () => {
  it("gives no segment for the first page, the number for the others", () => {
    expect(pageSegment(1)).toBeUndefined();
    expect(pageSegment(2)).toBe("2");
  });
});

describe("year pages", () => {
  it("puts a year's first page at years/<year>/ and the next at years/<year>/<n>/", () => {
    expect(createUrls("/catalogue/").year(2021)).toBe("/catalogue/years/2021/");
    expect(createUrls("/").year(2021, 2)).toBe("/years/2021/2/");
  });
});

describe("outputPath", () => {
  it.each(["/", "/catalogue/"])("gives the file a build writes for a URL under the base %s", (base) => {
    const urls = createUrls(base);
    expect(urls.outputPath(urls.home())).toBe("index.html");
    expect(urls.outputPath(urls.paper("hep-th-9711200"))).toBe("papers/hep-th-9711200/index.html");
    expect(urls.outputPath(urls.paperBibtex("2206.01958"))).toBe("papers/2206.01958.bib");
    expect(urls.outputPath(urls.authorFeed("an-yang"))).toBe("authors/an-yang/rss.xml");
    expect(urls.outputPath(urls.searchIndexPart("shards/3"))).toBe("search-index/shards/3.json");
    expect(urls.outputPath(urls.file("abs/hep-th/9711200/"))).toBe("abs/hep-th/9711200/index.html");
    expect(urls.routePath(urls.file("abs/hep-th/9711200/"))).toBe("abs/hep-th/9711200");
    expect(urls.routePath(urls.author("an-yang"))).toBe("authors/an-yang");
  });

  it("refuses a URL outside the base, or with a query, which no file has", () => {
    const urls = createUrls("/catalogue/");
    expect(() => urls.outputPath("/papers/x/")).toThrow(
      'urls: "/papers/x/" is not a page or file of the site under /catalogue/',
    );
    expect(() => urls.outputPath(urls.searchIndexPart("shards/3", "v1"))).toThrow("is not a page or file of the site");
  });
});
