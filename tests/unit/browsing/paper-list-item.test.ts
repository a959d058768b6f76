import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import {
  authorList,
  coAuthorList,
  html,
  LIST_AUTHOR_LIMIT,
  listItemForAuthor,
  paperListItem,
  atHeadingLevel,
  paperListItemMarkup,
  topicChips,
} from "../../../src/lib/browsing/paper-list-item.ts";
import { createUrls } from "../../../src/lib/browsing/urls.ts";
import { makePaper, seedPaper } from "../paper-fixture.ts";

const urls = createUrls("/catalogue/");
const topics = [{ slug: "prompt-learning", name: "Prompt learning" }];
const item = (paper = seedPaper("2206.01958"), level: "h2" | "h3" = "h3") =>
  cheerio.load(html(paperListItem(paper, { level, topics, excerpt: "The first lines…", urls })), null, false);

describe("paperListItem", () => {
  it("shows the title as a link, the date, the id, the topics and the excerpt", () => {
    const $ = item();
    const heading = $("article > h3");
    expect(heading.attr("id")).toBe("title-2206-01958");
    expect($("article").attr("aria-labelledby")).toBe("title-2206-01958");
    expect(heading.find("a").attr("href")).toBe("/catalogue/papers/2206.01958/");
    expect(heading.text()).toBe("Instance-wise Prompt Tuning for Pretrained Language Models");
    expect($("time").attr("datetime")).toBe("2022-06-04");
    expect($("time").text()).toBe("4 June 2022");
    expect($("article").text()).toContain("arXiv:2206.01958");
    expect($("[data-topics] a").attr("href")).toBe("/catalogue/topics/prompt-learning/");
    expect($("[data-topics] a").text()).toBe("Topic: Prompt learning");
    expect($("article > p").last().text()).toBe("The first lines…");
  });

  it("takes the heading level the page needs", () => {
    expect(item(undefined, "h2")("article > h2")).toHaveLength(1);
  });

  it("gives the markup at both levels from one string, as made at each", () => {
    const paper = seedPaper("2105.15082");
    const options = { topics, excerpt: "The first lines…", urls };
    const item = paperListItemMarkup(paper, options);
    expect(atHeadingLevel(item, "h2")).toBe(html(paperListItem(paper, { ...options, level: "h2" })));
    expect(atHeadingLevel(item, "h3")).toBe(html(paperListItem(paper, { ...options, level: "h3" })));
    expect(atHeadingLevel(item, "h2")).not.toBe(atHeadingLevel(item, "h3"));
  });

  it("shows a title's plain text, without math markup, and escapes everything", () => {
    const paper = makePaper("2301.00001", {
      title: "Top-$k$ <script>x</script>",
      authors: ['Eve <img src=x onerror="y">'],
    });
    const markup = html(paperListItem(paper, { level: "h3", topics: [], excerpt: "<b>not bold</b>", urls }));
    expect(markup).not.toContain("katex");
    expect(markup).not.toMatch(/<script|<img|<b>/);
    const $ = cheerio.load(markup, null, false);
    expect($("h3").text()).toBe("Top-k <script>x</script>");
    expect($("[data-authors] a").text()).toBe('Eve <img src=x onerror="y">');
  });
});

describe("authorList", () => {
  const authors = makePaper("2301.00001", { authors: ["A One", "B Two", "C Three"] }).authors;

  it("links every name, separated by commas", () => {
    const $ = cheerio.load(html(authorList(authors, urls)), null, false);
    expect($("p").text()).toBe("A One, B Two, C Three");
    expect(
      $("a")
        .map((_i, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/catalogue/authors/a-one/", "/catalogue/authors/b-two/", "/catalogue/authors/c-three/"]);
  });

  it("shows at most the limit, then says how many more", () => {
    const $ = cheerio.load(html(authorList(authors, urls, { limit: 2, className: "mt-1" })), null, false);
    expect($("p").text()).toBe("A One, B Two and 1 more");
    expect($("p").attr("class")).toBe("text-sm text-zinc-700 dark:text-zinc-300 mt-1");
  });

  it("on an author's page, sets that author apart, unlinked, in place of the last name shown when they come later", () => {
    const early = cheerio.load(html(authorList(authors, urls, { limit: 2, author: "a-one" })), null, false);
    expect(early("p").text()).toBe("A One, B Two and 1 more");
    expect(early("strong").text()).toBe("A One");
    expect(early("a").length).toBe(1);
    const late = cheerio.load(html(authorList(authors, urls, { limit: 2, author: "c-three" })), null, false);
    expect(late("p").text()).toBe("A One, …, C Three and 1 more");
    expect(late("strong").text()).toBe("C Three");
  });

  it("shows Jingren Zhou, 14th of 15 authors of M6-T, in its entry on his page", () => {
    const paper = seedPaper("2105.15082");
    const entry = html(paperListItem(paper, { level: "h3", topics, excerpt: "…", urls }));
    expect(cheerio.load(entry, null, false)("[data-authors]").text()).not.toContain("Jingren Zhou");
    const $ = cheerio.load(listItemForAuthor(entry, paper, "jingren-zhou", urls), null, false);
    expect($("[data-authors] strong").text()).toBe("Jingren Zhou");
    expect($("[data-authors]").text()).toMatch(/^An Yang, .*, …, Jingren Zhou and 7 more$/);
    expect($("h3").text()).toBe("M6-T: Exploring Sparse Expert Models and Beyond");
  });

  it("changes only the line of names, for every author of every seed paper", () => {
    for (const id of ["2105.15082", "2206.01958", "2003.13198"]) {
      const paper = seedPaper(id);
      const entry = html(paperListItem(paper, { level: "h2", topics, excerpt: "…", urls }));
      const options = { limit: LIST_AUTHOR_LIMIT, className: "mt-1" };
      const line = html(authorList(paper.authors, urls, options));
      expect(entry).toContain(line);
      for (const author of paper.authors) {
        const theirs = html(authorList(paper.authors, urls, { ...options, author: author.slug }));
        expect(listItemForAuthor(entry, paper, author.slug, urls)).toBe(entry.replace(line, () => theirs));
      }
    }
  });

  it("writes nothing for no authors or no topics", () => {
    expect(html(authorList([], urls))).toBe("");
    expect(html(topicChips([], urls))).toBe("");
  });
});

describe("coAuthorList", () => {
  it("links each co-author, with how many papers they share, escaped", () => {
    const coAuthors = [
      { name: "Hongxia <Yang>", slug: "hongxia-yang", papers: 8 },
      { name: "A One", slug: "a-one", papers: 1 },
    ];
    const $ = cheerio.load(html(coAuthorList(coAuthors, urls)), null, false);
    const items = $("[data-coauthors] li").toArray();
    expect(items.map((li) => $(li).text())).toEqual(["Hongxia <Yang> (8 papers together)", "A One (1 paper together)"]);
    expect($("[data-coauthors] a").attr("href")).toBe("/catalogue/authors/hongxia-yang/");
  });
});
