/**
 * The hostile fixture (tests/fixtures/hostile) built into dist-hostile: titles, authors and
 * abstracts carrying <script>, <img onerror>, javascript: links and template braces are shown as
 * text, a 5,000-character title and 300 authors are shown whole.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { distFiles } from "./dist.ts";
import { load } from "cheerio";

const dir = "dist-hostile";
const metadata = parse(readFileSync("tests/fixtures/hostile/papers.yaml", "utf8")) as Record<
  string,
  { title: string; authors: string[]; venue?: string }
>;
const page = (path: string) => load(readFileSync(`${dir}/${path}`, "utf8"));
const htmlFiles = distFiles(dir).filter((f) => f.endsWith(".html"));

describe("hostile content", () => {
  it("is built: a page per paper", () => {
    expect(htmlFiles.filter((f) => /^papers\/[^/]+\/index\.html$/.test(f) && !/v\d+\//.test(f)).sort()).toEqual(
      Object.keys(metadata)
        .map((id) => `papers/${id}/index.html`)
        .sort(),
    );
  });

  it.each(htmlFiles)("%s has no injected script, handler, frame or javascript: link", (file) => {
    const $ = page(file);
    // JSON-LD is data, never run; it must still hold no raw "<" that could close its element.
    expect($('script:not([type="application/ld+json"])').filter((_, s) => $(s).text().includes("__pwned")).length).toBe(
      0,
    );
    $('script[type="application/ld+json"]').each((_, s) => {
      expect($(s).text()).not.toContain("<");
      expect(() => JSON.parse($(s).text())).not.toThrow();
    });
    expect($("[onerror], [onload], [onclick]").length).toBe(0);
    expect($('[href^="javascript:" i], [src^="javascript:" i]').length).toBe(0);
    expect($("iframe, img[src='x'], b").length).toBe(0);
  });

  it("shows the hostile title, authors and venue as text", () => {
    const $ = page("papers/2301.00001/index.html");
    const paper = metadata["2301.00001"]!;
    expect($("h1").text().trim()).toBe(paper.title);
    expect($("title").text()).toContain('<script>window.__pwned="title"</script>');
    expect($("[data-authors]").first().text().replace(/\s+/g, " ").trim()).toBe(
      paper.authors.join(", ").replace(/\s+/g, " "),
    );
    expect($("body").text()).toContain("<b>Bold</b> Conference 2023");
  });

  it("shows the hostile abstract as text, with its math typeset and its real link live", () => {
    const $ = page("papers/2301.00001/index.html");
    const abstract = $("#abstract-heading").next();
    expect(abstract.text()).toContain(
      '<script>window.__pwned = "abstract"</script> An abstract with <img src=x onerror=',
    );
    expect(abstract.text()).toContain("[link](javascript:window.__pwned=1)");
    expect(abstract.text()).toContain('{{ constructor.constructor("window.__pwned=3")() }}');
    expect(abstract.text()).toContain("&lt;b&gt; that must stay as written");
    expect(abstract.find(".katex").length).toBe(1);
    const hrefs = abstract
      .find("a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs).toContain("https://example.org/ok");
    expect(hrefs.every((href) => /^https:\/\//.test(href))).toBe(true);
  });

  it("keeps a hostile code URL inside its attribute, as the URL standard writes it: the same address", () => {
    const $ = page("papers/2301.00001/index.html");
    const written = 'https://example.org/"><script>window.__pwned=8</script>';
    const href = $("a")
      .filter((_, a) => $(a).text().trim() === "Code")
      .attr("href")!;
    expect(href).toBe("https://example.org/%22%3E%3Cscript%3Ewindow.__pwned=8%3C/script%3E");
    expect(decodeURI(href)).toBe(written);
  });

  it("shows a 5,000-character title whole", () => {
    const $ = page("papers/2301.00002/index.html");
    expect($("h1").text().trim()).toBe(metadata["2301.00002"]!.title);
    expect($("h1").text().trim().length).toBeGreaterThanOrEqual(5000);
  });

  it("lists all 300 authors on the paper page and a few with a count in lists", () => {
    const authors = page("papers/2301.00003/index.html")("header [data-authors]").first().text();
    for (const name of metadata["2301.00003"]!.authors) expect(authors).toContain(name);
    const home = page("index.html");
    const item = home("article").filter((_, a) => home(a).text().includes("Three Hundred Authors"));
    expect(item.find("[data-authors]").text()).toContain("and 292 more");
  });
});
