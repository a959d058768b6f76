import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";
import { matchedSpans } from "../../../src/lib/search/search-highlight.ts";
import { buildSearchIndex, SEARCH_FIELDS } from "../../../src/lib/search/search-index.ts";
import { foldAccents } from "../../../src/lib/search/search-pipeline.ts";
import { createUrls } from "../../../src/lib/browsing/urls.ts";
import { loadedIndex, papersOf, refs } from "../search-fixtures.ts";

const fixture = papersOf("tests/fixtures/search");
const seed = papersOf("content");

describe("buildSearchIndex", () => {
  it("stores what a result shows: plain title and abstract, URL under the base, year, authors, topics", () => {
    const built = buildSearchIndex(fixture, {
      paperUrl: createUrls("/catalogue/").paper,
      topicsOf: (paper) => (paper.id === "1602.02311" ? ["Bayesian inference"] : []),
    });
    expect(built.documents.map((d) => d.id)).toEqual(fixture.map((p) => p.id));
    expect(built.documents.find((d) => d.id === "1602.02311")).toEqual({
      id: "1602.02311",
      title: "Rényi Divergence Variational Inference",
      url: "/catalogue/papers/1602.02311/",
      year: 2016,
      authors: ["Yingzhen Li", "Richard E. Turner"],
      topics: ["Bayesian inference"],
      abstract: fixture.find((p) => p.id === "1602.02311")!.abstract.text,
    });
  });

  it("indexes math as its text, never as TeX or KaTeX markup", () => {
    const { documents } = loadedIndex(fixture);
    const abstract = documents.get("1602.02311")!.abstract;
    expect(abstract).toContain("Rényi's α-divergences");
    expect(abstract).not.toMatch(/\$|\\alpha|katex|<span/);
    const m6t = loadedIndex(seed).documents.get("2105.15082")!.abstract;
    expect(m6t).toContain("experts k and expert capacity C in top-k routing");
    expect(refs(loadedIndex(fixture), "α")).toEqual(["1602.02311"]);
  });

  it("indexes title, authors, topics, venue, abstract and id, weighted in that order", () => {
    expect(SEARCH_FIELDS.map((f) => f.name)).toEqual(["title", "authors", "topics", "venue", "abstract", "id"]);
    const boosts = SEARCH_FIELDS.map((f) => f.boost);
    expect(boosts).toEqual([...boosts].sort((a, b) => b - a));
    expect(new Set(boosts).size).toBe(boosts.length);

    // Five papers alike but for the field where the word "zyx" is: the weightier the field, the higher the paper.
    const fields = ["title", "authors", "topics", "venue", "abstract"] as const;
    const dump = fields
      .map(
        (field, i) =>
          `We study ${field === "abstract" ? "zyx" : "bee"} models of language with care and rigour.\narXiv:2101.0000${i + 1}`,
      )
      .join("\n");
    const yaml = fields
      .map(
        (field, i) =>
          `'2101.0000${i + 1}':\n  title: Paper ${field === "title" ? "zyx" : "bee"}\n  authors: [Ann ${field === "authors" ? "Zyx" : "Bee"}]\n  venue: Venue ${field === "venue" ? "zyx" : "bee"}`,
      )
      .join("\n");
    const papers = buildCatalogue({
      dumps: [{ file: "t.txt", source: dump }],
      metadata: { file: "t.yaml", source: yaml },
    }).papers;
    const loaded = loadedIndex(papers, { topicsOf: (paper) => [paper.id === "2101.00003" ? "zyx" : "bee"] });
    expect(refs(loaded, "zyx")).toEqual(["2101.00001", "2101.00002", "2101.00003", "2101.00004", "2101.00005"]);
    expect(refs(loaded, "2101.00004")).toEqual(["2101.00004"]);
  });

  it("keeps each match's position in the stored title and abstract", () => {
    const { index, documents } = loadedIndex(fixture);
    const [result] = index.search("variational");
    const document = documents.get(result!.ref)!;
    expect(matchedSpans(result!.matchData, "title").map(([s, l]) => document.title.slice(s, s + l))).toEqual([
      "Variational",
    ]);
    expect(matchedSpans(result!.matchData, "abstract").map(([s, l]) => document.abstract.slice(s, s + l))).toEqual([
      "variational",
      "variational",
      "variational",
    ]);
  });

  it("folds accents in the index and in queries: Renyi finds Rényi, Lukasz finds Łukasz", () => {
    const loaded = loadedIndex(fixture);
    for (const query of ["Renyi", "rényi", "RENYI", "title:renyi", "reny*"])
      expect(refs(loaded, query), query).toEqual(["1602.02311"]);
    expect(refs(loaded, "Lukasz Kaiser")[0]).toBe("1706.03762");
    const { index, documents } = loaded;
    const [result] = index.search("renyi");
    const title = documents.get(result!.ref)!.title;
    expect(matchedSpans(result!.matchData, "title").map(([s, l]) => title.slice(s, s + l))).toEqual(["Rényi"]);
  });

  it("names its search pipeline's functions, so the browser can load it with the same ones", () => {
    const built = buildSearchIndex(fixture, { paperUrl: createUrls("/").paper, topicsOf: () => [] });
    expect((built.index as { pipeline: string[] }).pipeline).toEqual(["foldAccents", "trimNonLetters", "stemmer"]);
    expect(JSON.stringify(buildSearchIndex(fixture, { paperUrl: createUrls("/").paper, topicsOf: () => [] }))).toBe(
      JSON.stringify(built),
    );
  });

  it("is served at /search-index.json under the base path", () => {
    expect(createUrls("/").searchIndex()).toBe("/search-index.json");
    expect(createUrls("/catalogue/").searchIndex()).toBe("/catalogue/search-index.json");
  });
});

describe("foldAccents", () => {
  it("lowercases and drops diacritics, including letters Unicode does not decompose", () => {
    expect(foldAccents("Rényi Čech Gödel Łukasz Søgaard Straße Æsir ﬁne")).toBe(
      "renyi cech godel lukasz sogaard strasse aesir fine",
    );
  });
});
