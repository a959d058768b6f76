import { astroBuild } from "./astro-build.ts";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/text/slug.ts";
import { distFiles, page } from "./dist.ts";

const metadata = parse(readFileSync("content/papers.yaml", "utf8")) as Record<
  string,
  { title: string; authors: string[] }
>;
const topics = parse(readFileSync("content/topics.yaml", "utf8")) as { slug: string; name: string }[];
const authorNames = [...new Set(Object.values(metadata).flatMap((m) => m.authors))];
const paperIds = (html: ReturnType<typeof page>, scope = "main article h2 a, main article h3 a") =>
  html(scope)
    .map(
      (_, a) =>
        html(a)
          .attr("href")!
          .match(/papers\/([^/]+)\//)![1],
    )
    .get();

describe("topic pages", () => {
  it("/topics/ lists every topic with its description and paper count", () => {
    const $ = page("topics/index.html");
    expect(
      $("main h2 a")
        .map((_, a) => $(a).text().trim())
        .get(),
    ).toEqual(topics.map((t) => t.name));
    expect($("main li").first().text()).toMatch(/4 papers/);
    expect($("main li").first().find("p").text()).toContain("Pretraining one model on images and text together");
  });

  it.each(topics.map((t) => t.slug))("/topics/%s/ lists at least one paper", (slug) => {
    const $ = page(`topics/${slug}/index.html`);
    expect(paperIds($).length).toBeGreaterThan(0);
    expect($("h1").text().trim()).toBe(topics.find((t) => t.slug === slug)!.name);
  });

  it("places M6-T and M6-10T in large-scale training, SciDTB in discourse parsing, InterBERT, M6 and OFA in multimodal pretraining", () => {
    expect(paperIds(page("topics/large-scale-training/index.html"))).toEqual(
      expect.arrayContaining(["2105.15082", "2110.03888"]),
    );
    expect(paperIds(page("topics/discourse-parsing/index.html"))).toContain("1806.03653");
    expect(paperIds(page("topics/multimodal-pretraining/index.html"))).toEqual(
      expect.arrayContaining(["2003.13198", "2103.00823", "2202.03052"]),
    );
  });

  it("lists a topic's papers newest first", () => {
    const ids = paperIds(page("topics/multimodal-pretraining/index.html"));
    expect(ids).toEqual(Object.keys(metadata).filter((id) => ids.includes(id)));
  });
});

describe("author pages", () => {
  it("exist for every author named in papers.yaml, and no other", () => {
    const built = distFiles()
      .filter((f) => /^authors\/[^/]+\/index\.html$/.test(f))
      .map((f) => f.split("/")[1])
      .sort();
    expect(built).toEqual(authorNames.map(slugify).sort());
  });

  it.each(authorNames)("%s's page lists exactly their papers", (name) => {
    const $ = page(`authors/${slugify(name)}/index.html`);
    expect($("h1").text().trim()).toBe(name);
    expect(paperIds($)).toEqual(Object.keys(metadata).filter((id) => metadata[id]!.authors.includes(name)));
  });

  it("lists An Yang on all 10 papers, with co-authors and their counts", () => {
    const $ = page("authors/an-yang/index.html");
    expect(paperIds($)).toHaveLength(10);
    const first = $("[data-coauthors] li").first();
    expect(first.find("a").attr("href")).toBe("/authors/hongxia-yang/");
    expect(first.text().replace(/\s+/g, " ").trim()).toBe("Hongxia Yang (8 papers together)");
  });
});

describe("the authors' and years' indexes", () => {
  it("/authors/ lists every author once, linked, with their paper count, by family name", () => {
    const $ = page("authors/index.html");
    const entries = $("[data-letter] li")
      .map((_, li) => ({
        name: $(li).find("a").text(),
        href: $(li).find("a").attr("href"),
        count: $(li).find("span").text(),
        key: $(li).attr("data-key"),
      }))
      .get();
    expect(entries.map((entry) => entry.name).sort()).toEqual([...authorNames].sort());
    const count = (name: string) => Object.values(metadata).filter((m) => m.authors.includes(name)).length;
    for (const entry of entries) {
      expect(entry.href).toBe(`/authors/${slugify(entry.name)}/`);
      expect(entry.count).toBe(`(${count(entry.name)})`);
      expect(entry.key).toBe(entry.name.toLowerCase());
    }
    expect($("#letter-Z li a").first().text()).toBe("Di Zhang");
    // The filter box is there for the script to show; without JavaScript it stays hidden.
    expect($("author-filter [data-filter]").attr("hidden")).toBeDefined();
    expect($("author-filter label").attr("for")).toBe("author-filter-input");
  });

  it("/years/ lists every year, newest first, with its paper count and page", () => {
    const $ = page("years/index.html");
    expect(
      $("main li")
        .map((_, li) => `${$(li).find("a").text().trim()} ${$(li).find("a").attr("href")} ${$(li).find("span").text()}`)
        .get(),
    ).toEqual([
      "2022 /years/2022/ 2 papers",
      "2021 /years/2021/ 5 papers",
      "2020 /years/2020/ 1 paper",
      "2019 /years/2019/ 1 paper",
      "2018 /years/2018/ 1 paper",
    ]);
  });

  it("the header links the papers, topics, authors and years on every page", () => {
    for (const file of ["index.html", "authors/index.html", "papers/2206.01958/index.html"]) {
      const $ = page(file);
      expect(
        $('header nav[aria-label="Main"] a')
          .map((_, a) => $(a).attr("href"))
          .get(),
      ).toEqual(["/", "/topics/", "/authors/", "/years/"]);
    }
  });

  it("on Jingren Zhou's page, every entry shows his name, set apart, though he comes after the first eight", () => {
    const $ = page("authors/jingren-zhou/index.html");
    const entries = $("main article");
    expect(entries.length).toBe(7);
    entries.each((_, entry) => {
      expect($(entry).find("[data-authors] strong").text()).toBe("Jingren Zhou");
      expect($(entry).find('[data-authors] a[href="/authors/jingren-zhou/"]').length).toBe(0);
    });
    const home = page("index.html");
    const m6t = home("article").filter((_, a) => home(a).find('a[href="/papers/2105.15082/"]').length > 0);
    expect(m6t.find("[data-authors]").text()).not.toContain("Jingren Zhou");
  });

  it("puts the first paper before the charts on a phone: the charts' copy before the papers is for wider screens", () => {
    const $ = page("index.html");
    const charts = $("main svg[role=img]").closest(".grid, [class*='grid']");
    const before = $("main > div").first();
    expect(before.attr("class")).toContain("hidden sm:grid");
    expect($("main > div").last().attr("class")).toContain("grid sm:hidden");
    expect(charts.length).toBeGreaterThan(0);
    expect($("main").children().index($("main > section").first())).toBeLessThan(
      $("main").children().index($("main > div").last()),
    );
  });
});

describe("the Details of a paper", () => {
  it("shows no Length when the comments already say it", () => {
    const $ = page("papers/1907.01686/index.html");
    const terms = $("#details-heading")
      .parent()
      .find("dt")
      .map((_, dt) => $(dt).text())
      .get();
    expect(terms).toContain("Comments");
    expect(terms).not.toContain("Length");
  });
});

describe("links and chips on every list and paper page", () => {
  it("links author names to their pages from the home list and paper pages", () => {
    const home = page("index.html");
    const links = home("main article [data-authors] a")
      .map((_, a) => home(a).attr("href"))
      .get();
    expect(links).toContain("/authors/an-yang/");
    const $ = page("papers/1806.03653/index.html");
    expect(
      $("header [data-authors] a")
        .map((_, a) => `${$(a).text()} ${$(a).attr("href")}`)
        .get(),
    ).toEqual(["An Yang /authors/an-yang/", "Sujian Li /authors/sujian-li/"]);
  });

  it("shows topic chips on every paper of the home list and on every paper page", () => {
    const home = page("index.html");
    expect(home("main article").length).toBe(10);
    home("main article").each((_, article) => {
      expect(home(article).find('ul[data-topics] a[href^="/topics/"]').length).toBeGreaterThan(0);
    });
    for (const id of Object.keys(metadata))
      expect(page(`papers/${id}/index.html`)("header ul[data-topics] a").length).toBeGreaterThan(0);
    const chips = page("papers/1806.03653/index.html")("header ul[data-topics] a");
    expect(chips.first().attr("href")).toBe("/topics/discourse-parsing/");
    expect(chips.first().text().replace(/\s+/g, " ").trim()).toBe("Topic: Discourse parsing");
  });

  it("has a Topics link in the header", () => {
    const $ = page("topics/index.html");
    expect($('header nav[aria-label="Main"] a[href="/topics/"]').attr("aria-current")).toBe("page");
  });
});

describe("related papers", () => {
  it("lists M6-10T among M6-T's related papers, with the reason", () => {
    const $ = page("papers/2105.15082/index.html");
    const items = $("section[aria-labelledby=related-heading] li");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    const m610t = items.filter((_, li) => $(li).find('a[href="/papers/2110.03888/"]').length > 0);
    expect(m610t.text()).toContain("Both in Large-scale training and Mixture-of-experts.");
    expect(m610t.text()).toMatch(/Shared terms: [^.]*trillion/);
  });
});

describe("the home page's charts", () => {
  it("draws papers per year as inline SVG named by its caption and described by a data table", () => {
    const $ = page("index.html");
    const svg = $("#chart-years-caption").parent().find("svg");
    expect(svg.attr("role")).toBe("img");
    expect(
      $(`#${svg.attr("aria-labelledby")}`)
        .text()
        .trim(),
    ).toBe("Papers per year");
    const table = $(`#${svg.attr("aria-describedby")}`);
    expect(table.is("table")).toBe(true);
    const rows = table
      .find("tbody tr")
      .map((_, tr) => $(tr).text().replace(/\s+/g, " ").trim())
      .get();
    expect(rows).toEqual(["2022 2", "2021 5", "2020 1", "2019 1", "2018 1"]);
    expect(svg.find("rect").length).toBe(5);
    expect($("main script").length).toBe(0);
  });

  it("draws papers per topic, a row per topic", () => {
    const $ = page("index.html");
    const rows = $("#chart-topics-data tbody tr");
    expect(rows.map((_, tr) => $(tr).find("th").text().trim()).get()).toEqual(topics.map((t) => t.name));
  });
});

describe("a topic of more than 50 papers and a paper in no topic, under a base path", () => {
  const content = mkdtempSync(join(tmpdir(), "catalogue-many-"));
  const out = "dist-many";
  const read = (path: string) => load(readFileSync(join(out, path), "utf8"));
  let output = "";

  beforeAll(() => {
    const records = Array.from(
      { length: 120 },
      (_, i) => `Paper ${i + 1} on discourse structure.\narXiv:2101.${String(i + 1).padStart(5, "0")}\n`,
    );
    writeFileSync(join(content, "abstracts.txt"), `${records.join("")}A paper on cooking.\narXiv:2012.00001\n`);
    writeFileSync(
      join(content, "topics.yaml"),
      "- slug: discourse\n  name: Discourse\n  description: Discourse.\n  words: [discourse]\n",
    );
    const result = astroBuild({ content, out, base: "/catalogue/" });
    expect(result.status, result.stderr).toBe(0);
    output = result.stdout + result.stderr;
  });
  afterAll(() => rmSync(content, { recursive: true, force: true }));

  it("is paginated at /topics/<slug>/, /2/ and /3/, with rel prev and next", () => {
    const first = read("topics/discourse/index.html");
    const second = read("topics/discourse/2/index.html");
    const third = read("topics/discourse/3/index.html");
    expect([first, second, third].map(($) => $("main article").length)).toEqual([50, 50, 20]);
    expect(first('link[rel="prev"]').length).toBe(0);
    expect(first('link[rel="next"]').attr("href")).toBe("/catalogue/topics/discourse/2/");
    expect(second('link[rel="prev"]').attr("href")).toBe("/catalogue/topics/discourse/");
    expect(second('link[rel="next"]').attr("href")).toBe("/catalogue/topics/discourse/3/");
    expect(third('link[rel="next"]').length).toBe(0);
    const nav = second('nav[aria-label="Pages of Discourse"]');
    expect(nav.find('a[rel="prev"]').attr("href")).toBe("/catalogue/topics/discourse/");
    expect(nav.find('a[rel="next"]').attr("href")).toBe("/catalogue/topics/discourse/3/");
    expect(nav.find('a[aria-current="page"]').text().replace(/\s+/g, " ").trim()).toBe("Page 2");
    expect(first("main article h2 a").first().attr("href")).toBe("/catalogue/papers/2101.00120/");
  });

  it("lists the 50 newest on the home page, and every paper on pages by year", () => {
    const home = read("index.html");
    expect(home("main article").length).toBe(50);
    expect(home("main").text()).toContain("121 papers: the 50 newest below, every one by year.");
    expect(
      home('nav[aria-label="Years"] a')
        .map((_, a) => home(a).attr("href"))
        .get(),
    ).toEqual(["/catalogue/years/2021/", "/catalogue/years/2020/"]);
    const pages = [
      "years/2021/index.html",
      "years/2021/2/index.html",
      "years/2021/3/index.html",
      "years/2020/index.html",
    ];
    expect(pages.map((path) => read(path)("main article").length)).toEqual([50, 50, 20, 1]);
    expect(read("years/2021/2/index.html")('link[rel="prev"]').attr("href")).toBe("/catalogue/years/2021/");
  });

  it("lists the paper in no topic under Other on /topics/, and the build names it", () => {
    const $ = read("topics/index.html");
    expect($("#other-heading").text()).toContain("Other");
    expect(paperIds($, "#other article h3 a")).toEqual(["2012.00001"]);
    expect(output).toContain("1 paper is in no topic of ");
    expect(output).toContain("and is listed under Other: 2012.00001.");
  });
});

describe("a build with an unknown topic in papers.yaml", () => {
  it("stops and names the file, line and slug", () => {
    const result = astroBuild({ content: "tests/fixtures/bad/unknown-topic", out: "dist-bad" });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      'tests/fixtures/bad/unknown-topic/papers.yaml:5: 2206.01958: topics: "promt-tuning" is not a topic',
    );
  });
});
