import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { astroBuild } from "./astro-build.ts";
import { distDir, distFiles, page, readDist } from "./dist.ts";

/** The verified facts the pages must show, straight from content/papers.yaml. */
const metadata = parse(readFileSync("content/papers.yaml", "utf8")) as Record<
  string,
  { title: string; authors: string[]; code?: string }
>;
const ids = Object.keys(metadata);

describe("the built seed catalogue", () => {
  it("has a page per paper", () => {
    // papers/<id>vN/ are redirects to the paper's page, not pages of their own.
    const built = distFiles()
      .filter((f) => /^papers\/[^/]+\/index\.html$/.test(f) && !/v\d+\//.test(f))
      .map((f) => f.split("/")[1])
      .sort();
    expect(built).toEqual([...ids].sort());
  });

  it.each(ids)("paper %s shows its verified title, authors in order, and abstract", (id) => {
    const $ = page(`papers/${id}/index.html`);
    expect($("h1").text().trim()).toBe(metadata[id]!.title);
    expect($("title").text()).toContain(metadata[id]!.title);
    const authors = $("header [data-authors]").first().text().replace(/\s+/g, " ").trim();
    expect(authors).toBe(metadata[id]!.authors.join(", "));
    expect($("#abstract-heading").next().text().length).toBeGreaterThan(300);
    expect($(`a[href="https://arxiv.org/abs/${id}"]`).length).toBeGreaterThan(0);
    expect($(`a[href="https://arxiv.org/pdf/${id}"]`).length).toBeGreaterThan(0);
  });

  it("typesets $k$ as math on the M6-T page, with no dollar signs left", () => {
    const $ = page("papers/2105.15082/index.html");
    const abstract = $("#abstract-heading").next();
    expect(abstract.find(".katex").length).toBeGreaterThanOrEqual(4);
    expect(abstract.find('annotation[encoding="application/x-tex"]').first().text()).toBe("k");
    expect(abstract.text()).not.toContain("$k$");
  });

  it("makes the OFA code URL a link, and links the code repository", () => {
    const $ = page("papers/2202.03052/index.html");
    expect($("#abstract-heading").next().find('a[href="http://github.com/OFA-Sys/OFA"]').text()).toBe(
      "http://github.com/OFA-Sys/OFA",
    );
    expect($('a[href="https://github.com/OFA-Sys/OFA"]').text().trim()).toBe("Code");
  });

  it("links the publisher DOI and shows the comments", () => {
    const $ = page("papers/1806.03653/index.html");
    expect($('a[href="https://doi.org/10.18653/v1/P18-2071"]').length).toBeGreaterThan(0);
    expect($("body").text()).toContain("Accepted to ACL 2018 (short paper)");
    expect(page("papers/2202.03052/index.html")("body").text()).toContain("23 pages, 11 figures");
  });

  it("lists every paper on the home page, newest first, grouped by year", () => {
    const $ = page("index.html");
    const listed = $("main article h3 a")
      .map(
        (_, a) =>
          $(a)
            .attr("href")!
            .match(/papers\/([^/]+)\//)![1],
      )
      .get();
    expect(listed).toEqual(ids);
    expect(
      $("main section h2")
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual(["2022", "2021", "2020", "2019", "2018"]);
  });

  it("serves KaTeX's stylesheet and its fonts itself, the fonts cut to the catalogue's math", () => {
    const html = readDist("papers/2105.15082/index.html");
    const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(stylesheets.every((href) => href.startsWith("/"))).toBe(true);
    const css = stylesheets.map((href) => readDist(href)).join("\n");
    expect(css).toContain(".katex");
    // KaTeX's own @font-face rules, and its whole fonts, are not in the build.
    expect(css).not.toContain("@font-face");
    expect(distFiles().filter((file) => /KaTeX_.*\.woff2$/.test(file) && !file.startsWith("fonts/katex/"))).toEqual([]);
    // The page declares each KaTeX font at a subset the site serves, far smaller than KaTeX's.
    const faces = [...html.matchAll(/@font-face\{[^}]*font-family:"?(KaTeX_\w+)"?[^}]*url\(([^)]+\.woff2)\)/g)];
    const families = "AMS Caligraphic Fraktur Main Math SansSerif Script Size1 Size2 Size3 Size4 Typewriter".split(" ");
    expect(new Set(faces.map((face) => face[1]))).toEqual(new Set(families.map((family) => `KaTeX_${family}`)));
    for (const [, , url] of faces) {
      expect(url).toMatch(/^\/fonts\/katex\/KaTeX_[\w-]+\.[0-9a-f]{10}\.woff2$/);
      const font = readFileSync(join(distDir, url!));
      expect(font.subarray(0, 4).toString()).toBe("wOF2");
      expect(font.length).toBeLessThan(8_000);
    }
    // A page without math declares none.
    expect(readDist("papers/2206.01958/index.html")).not.toContain("@font-face");
  });
});

describe("a build from bad content", () => {
  it("stops and names the file, line and problem", () => {
    const result = astroBuild({ content: "tests/fixtures/bad/duplicate-id", out: "dist-bad" });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      "tests/fixtures/bad/duplicate-id/abstracts.txt:4: arXiv:2206.01958 appears twice: first at line 2, again here. Keep one record per paper",
    );
  });
});
