import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadSearchIndex, type SerializedSearchIndex } from "../../src/lib/search/search-index.ts";
import { isSearchManifest } from "../../src/lib/search/search-index-format.ts";
import { runQuery } from "../../src/lib/search/search-query.ts";
import { distFiles, page, readDist } from "./dist.ts";

const ids = Object.keys(parse(readFileSync("content/papers.yaml", "utf8")) as Record<string, unknown>);

describe("search in the built seed catalogue", () => {
  it("serves /search-index.json with every paper, loadable and searchable", () => {
    const serialized = JSON.parse(readDist("search-index.json")) as SerializedSearchIndex;
    expect(serialized.documents.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(serialized.documents.find((d) => d.id === "2105.15082")).toMatchObject({
      url: "/papers/2105.15082/",
      year: 2021,
    });
    const { index, documents } = loadSearchIndex(serialized);
    expect(runQuery(index, "mixture", (ref) => documents.get(ref)?.title)[0]!.ref).toBe("2105.15082");
  });

  it("keeps the seed's small index in one file, not split into parts", () => {
    expect(isSearchManifest(JSON.parse(readDist("search-index.json")))).toBe(false);
    expect(distFiles().filter((file) => file.startsWith("search-index/"))).toEqual([]);
  });

  it("puts a search form to /search/ in the header of every page but the search page and redirects", () => {
    const pages = distFiles().filter(
      (file) =>
        file.endsWith(".html") && file !== "search/index.html" && !readDist(file).includes('http-equiv="refresh"'),
    );
    expect(pages).toEqual(expect.arrayContaining(["index.html", ...ids.map((id) => `papers/${id}/index.html`)]));
    for (const file of pages) {
      const $ = page(file);
      const form = $('header form[role="search"]');
      expect(form.attr("action"), file).toBe("/search/");
      expect(form.attr("method"), file).toBe("get");
      const input = form.find('input[name="q"]');
      expect(
        form
          .find(`label[for="${input.attr("id")}"]`)
          .text()
          .trim(),
        file,
      ).toBe("Search papers");
    }
  });

  it("says on /search/ that search needs JavaScript, with a link to the topics", () => {
    const $ = page("search/index.html");
    expect($("header form").length).toBe(0);
    expect($("main form[role=search] input[name=q]").length).toBe(1);
    const notice = $("[data-no-js]");
    expect(notice.text().replace(/\s+/g, " ")).toContain("Search runs in your browser and needs JavaScript");
    expect(notice.find('a[href="/topics/"]').text()).toBe("topics");
  });
});
