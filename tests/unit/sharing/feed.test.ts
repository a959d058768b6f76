import rss from "@astrojs/rss";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { FEED_LIMIT, paperFeed, paperFeedWriter } from "../../../src/lib/sharing/feed.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";
import { readCatalogueInput } from "../../../src/loaders/catalogue-loaders.ts";
import { createUrls } from "../../../src/lib/browsing/urls.ts";
import { makePaper, seedPapers } from "../paper-fixture.ts";

const urls = createUrls("/catalogue/");
const feedOf = (papers = seedPapers) =>
  paperFeed({
    title: "Catalogue",
    description: "All papers",
    papers,
    paperUrl: urls.paper,
    feedUrl: "https://example.org/catalogue/rss.xml",
  });

describe("paperFeed", () => {
  it("has every paper, newest first, linked under the base path", () => {
    const feed = feedOf([...seedPapers].reverse());
    expect(feed.items).toHaveLength(10);
    expect(feed.items.map((item) => item.link)).toEqual(seedPapers.map((p) => `/catalogue/papers/${p.slug}/`));
    const dates = feed.items.map((item) => item.pubDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("gives each item its plain-text title and abstract, date, categories and authors", () => {
    const [item] = feedOf().items;
    expect(item).toMatchObject({
      title: "Instance-wise Prompt Tuning for Pretrained Language Models",
      pubDate: new Date("2022-06-04T00:00:00Z"),
      categories: ["cs.CL", "cs.AI"],
    });
    expect(item!.description).toMatch(/^Prompt Learning has recently gained/);
    expect(item!.description).not.toMatch(/[<$\\]/);
    expect(item!.customData).toBe(
      "<dc:creator>Yuezihan Jiang, Hao Yang, Junyang Lin, Hanyu Zhao, An Yang, Chang Zhou, Hongxia Yang, Zhi Yang, Bin Cui</dc:creator>",
    );
  });

  it("dates a paper known only by its month on the first of the month, and escapes authors for XML", () => {
    const [item, anonymous] = feedOf([
      makePaper("2301.00001", { authors: ["A <b> & 'c'", "D"] }),
      makePaper("2212.00001"),
    ]).items;
    expect(item!.pubDate).toEqual(new Date("2023-01-01T00:00:00Z"));
    expect(item!.customData).toBe("<dc:creator>A &lt;b&gt; &amp; &apos;c&apos;, D</dc:creator>");
    expect(anonymous!.customData).toBe("");
  });

  it(`holds only the newest ${FEED_LIMIT} papers of a longer list`, () => {
    // 120 papers, one a day from 2023-01-01, given oldest first.
    const papers = Array.from({ length: 120 }, (_, i) => {
      const day = new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
      return makePaper(`2301.${String(i).padStart(5, "0")}`, { submitted: day });
    });
    const feed = feedOf(papers);
    expect(FEED_LIMIT).toBe(50);
    expect(feed.items.map((item) => item.link)).toEqual(
      papers
        .slice(-FEED_LIMIT)
        .reverse()
        .map((p) => `/catalogue/papers/${p.slug}/`),
    );
  });

  it("names itself with atom:link rel=self", () => {
    const feed = feedOf();
    expect(feed.customData).toContain(
      '<atom:link href="https://example.org/catalogue/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(feed.xmlns).toEqual({ atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" });
  });
});

describe("paperFeedWriter", () => {
  const site = "https://example.org/catalogue/";
  /** The XML as a parser reads it back: the same document however its entities are written. */
  const reread = (xml: string) => cheerio.load(xml, { xml: true }).xml();
  const hostile = buildCatalogue(readCatalogueInput("tests/fixtures/hostile")).papers;
  const options = (papers: readonly Paper[]) => ({
    title: "Catalogue",
    description: "All papers",
    papers,
    feedUrl: "https://example.org/catalogue/rss.xml",
  });

  it.each([
    ["the seed", seedPapers],
    ["hostile titles, authors and abstracts", hostile],
    ["no papers", []],
    ["more papers than a feed holds", Array.from({ length: 6 }, () => seedPapers).flat()],
  ])("writes the document @astrojs/rss writes, for %s", async (_name, papers) => {
    const feed = feedOf(papers);
    const theirs = await (await rss({ ...feed, site })).text();
    const ours = paperFeedWriter(urls.paper, site)(options(papers));
    expect(reread(ours)).toBe(reread(theirs));
    // Each author's name reads back as written: escaped once, not twice.
    const $ = cheerio.load(theirs, { xml: true });
    const creators = $("item")
      .toArray()
      .map((item) =>
        $(item)
          .find("dc\\:creator")
          .toArray()
          .map((creator) => $(creator).text()),
      );
    const bySlug = new Map(papers.map((paper) => [paper.slug, paper.authors.map((author) => author.name)]));
    expect(creators).toEqual(
      feed.items.map((item) => {
        const names = bySlug.get(item.link.split("/").at(-2)!)!;
        return names.length ? [names.join(", ")] : [];
      }),
    );
  });

  it("links its channel to the page it is the feed of, as @astrojs/rss does for that page", async () => {
    const pageUrl = "https://example.org/catalogue/topics/pretraining/";
    const theirs = await (await rss({ ...feedOf(seedPapers), site: pageUrl })).text();
    const ours = paperFeedWriter(urls.paper, site)({ ...options(seedPapers), pageUrl });
    expect(reread(ours)).toBe(reread(theirs));
    expect(cheerio.load(ours, { xml: true })("channel > link").text()).toBe(pageUrl);
    expect(cheerio.load(ours, { xml: true })("item > link").first().text()).toBe(
      "https://example.org/catalogue/papers/2206.01958/",
    );
  });

  it("writes each feed as a fresh writer would, its items made once for every feed they are in", () => {
    const write = paperFeedWriter(urls.paper, site);
    const feeds = [[...seedPapers].reverse(), seedPapers.slice(2, 5), hostile, seedPapers.slice(3, 4), []];
    for (const papers of feeds) expect(write(options(papers))).toBe(paperFeedWriter(urls.paper, site)(options(papers)));
  });

  it("escapes what would end an element or an attribute", () => {
    const paper = makePaper("2301.00001", { title: "</title><script>x</script> & more" });
    const xml = paperFeedWriter(urls.paper, site)(options([paper]));
    expect(xml).not.toContain("<script>");
    expect(cheerio.load(xml, { xml: true })("item > title").text()).toBe("</title><script>x</script> & more");
  });
});
