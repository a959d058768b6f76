import type lunr from "lunr";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";
import {
  answerQuery,
  shorterPrefixes,
  fuzzyCandidates,
  promoteExactMatches,
  runQuery,
  toLunrQuery,
  toPlainQuery,
  type QueryableIndex,
} from "../../../src/lib/search/search-query.ts";
import { loadedIndex, papersOf, refs } from "../search-fixtures.ts";
import { searchedAsTyped } from "../../../src/lib/search/searched-as-typed.ts";

const fixture = loadedIndex(papersOf("tests/fixtures/search"));
const seed = loadedIndex(papersOf("content"));

describe("toLunrQuery", () => {
  it("passes Lunr's syntax through", () => {
    for (const query of ["title:attention", "trans*", "tranformer~1", "+moe -dense", "title:moe^2"])
      expect(toLunrQuery(query)).toBe(query);
  });

  it("searches each plain word exactly, boosted, and as a prefix", () => {
    expect(toLunrQuery("Multi modal")).toBe("multi^10 multi* modal^10 modal*");
    expect(toLunrQuery("  Table-to-text, (MoE)  ")).toBe("table^10 table* to^10 text^10 text* moe^10");
  });

  it("does not expand words of three letters or fewer and stop words as prefixes", () => {
    expect(toLunrQuery("M6 of the experts")).toBe("m6^10 of^10 the^10 experts^10 experts*");
    expect(toLunrQuery("sta stak")).toBe("sta^10 stak^10 stak*");
  });

  it("folds accents, which Lunr's pipeline cannot do for wildcard terms", () => {
    expect(toLunrQuery("Rény* Gödel")).toBe("reny* godel^10 godel*");
  });

  it("searches an arXiv id without its version or arXiv: prefix", () => {
    expect(toLunrQuery("arXiv:2105.15082v2")).toBe("2105.15082^10 2105.15082*");
    expect(toLunrQuery("hep-th/9711200v1")).toBe("hep^10 th/9711200^10 th/9711200*");
  });

  it("drops tokens with no letter or digit, which would match everything or nothing", () => {
    for (const query of ['"', "-", "~", "+", ":", "* -", ""]) expect(toLunrQuery(query), query).toBe("");
  });

  it("reads a lone * as every term, as title:* is for one field", () => {
    expect(toLunrQuery("*")).toBe("*");
    expect(toLunrQuery(" * ")).toBe("*");
  });

  it("reads an arXiv link or an arXiv: id as the bare id", () => {
    for (const text of [
      "https://arxiv.org/abs/2105.15082",
      "https://arxiv.org/abs/2105.15082v2",
      "http://export.arxiv.org/abs/2105.15082",
      "arxiv.org/pdf/2105.15082v1.pdf",
      "https://www.arxiv.org/html/2105.15082v3",
      "arXiv:2105.15082",
      "arXiv:2105.15082v1",
    ])
      expect(toLunrQuery(text), text).toBe("2105.15082^10 2105.15082*");
    expect(toLunrQuery("https://arxiv.org/abs/hep-th/9711200v2")).toBe(toLunrQuery("hep-th/9711200"));
  });
});

describe("toPlainQuery", () => {
  it("reads the text as plain words, Lunr's syntax characters ignored", () => {
    expect(toPlainQuery("title:")).toBe("title^10 title*");
    expect(toPlainQuery("M6: A Chinese^ ~Pretrainer")).toBe("m6^10 a^10 chinese^10 chinese* pretrainer^10 pretrainer*");
  });
});

describe("runQuery", () => {
  it("lists M6-T first for `mixture` in the seed catalogue", () => {
    expect(refs(seed, "mixture")[0]).toBe("2105.15082");
  });

  it("supports Lunr's field, wildcard, fuzzy and presence syntax", () => {
    expect(refs(fixture, "title:attention")).toEqual(["1706.03762"]);
    expect(refs(fixture, "attention")).toContain("1706.03762");
    expect(refs(fixture, "title:transform*")).toEqual(["2101.03961"]);
    expect(refs(fixture, "tranformer~1").sort()).toEqual(["1706.03762", "2101.03961", "2202.08906"]);
    expect(refs(fixture, "+moe -dense")).toEqual(["2101.03961"]);
    expect(refs(fixture, "+moe").sort()).toEqual(["2101.03961", "2202.08906"]);
  });

  it("matches partial words while they are typed", () => {
    expect(refs(seed, "pretrain")).toEqual(
      expect.arrayContaining(["2103.00823", "2003.13198", "2206.01958", "2110.03888", "2202.03052"]),
    );
    expect(refs(seed, "multi")).toContain("2103.00823");
    expect(refs(seed, "multimo")).toContain("2103.00823");
    expect(refs(fixture, "transfor")).toEqual(expect.arrayContaining(["1706.03762", "2101.03961", "2202.08906"]));
  });

  it("ranks an exact (stemmed) match above a mere prefix match, even in a lighter field", () => {
    const dump =
      "We study multi task learning of language models in depth.\narXiv:2101.00001\nWe study vision and language learning of models in depth.\narXiv:2101.00002";
    const yaml = "'2101.00001':\n  title: Paper one\n'2101.00002':\n  title: Multimodal paper";
    const papers = buildCatalogue({
      dumps: [{ file: "t.txt", source: dump }],
      metadata: { file: "t.yaml", source: yaml },
    }).papers;
    expect(refs(loadedIndex(papers), "multi")).toEqual(["2101.00001", "2101.00002"]);
  });

  it.each([
    "title:",
    "*",
    '"',
    "~",
    "-",
    "+",
    "^",
    ":",
    "\\",
    "title:^",
    "foo:bar",
    "M6: A",
    "x~",
    "x^a",
    "- moe",
    "title: attention",
  ])("answers the malformed query %j without throwing", (query) => {
    expect(() => refs(fixture, query)).not.toThrow();
    expect(() => refs(seed, query)).not.toThrow();
  });

  it("searches an unparseable query as plain words", () => {
    expect(refs(seed, "M6: A Chinese Multimodal Pretrainer")[0]).toBe("2103.00823");
    expect(refs(fixture, "foo:attention")).toEqual(["1706.03762"]);
    expect(refs(fixture, "*:")).toEqual([]);
  });

  it("finds every paper for a lone *", () => {
    expect(refs(seed, "*").sort()).toEqual(refs(seed, "title:*").sort());
    expect(refs(seed, "*")).toHaveLength(10);
  });

  it("finds the paper of a pasted arXiv link", () => {
    expect(refs(seed, "https://arxiv.org/abs/2105.15082v2")[0]).toBe("2105.15082");
    expect(refs(seed, "arxiv.org/pdf/2003.13198")[0]).toBe("2003.13198");
  });

  it("retries with plain words only after a QueryParseError, and lets other errors through", () => {
    const asked: string[] = [];
    const parseError = Object.assign(new Error("expecting term, found nothing"), { name: "QueryParseError" });
    const index: QueryableIndex = {
      search(query) {
        asked.push(query);
        if (asked.length === 1) throw parseError;
        return [];
      },
    };
    runQuery(index, "title:", () => undefined);
    expect(asked).toEqual(["title:", "title^10 title*"]);
    const broken: QueryableIndex = {
      search() {
        throw new TypeError("index is corrupt");
      },
    };
    expect(() => runQuery(broken, "moe", () => undefined)).toThrow(TypeError);
  });

  it("ranks the paper whose arXiv id or exact title is typed first", () => {
    expect(refs(seed, "2105.15082")[0]).toBe("2105.15082");
    expect(refs(seed, "arXiv:2105.15082v1")[0]).toBe("2105.15082");
    expect(
      refs(fixture, "switch transformers: scaling to trillion parameter models with simple and efficient sparsity")[0],
    ).toBe("2101.03961");
  });
});

describe("promoteExactMatches", () => {
  const results = (...refs: string[]) => refs.map((ref) => ({ ref, score: 1, matchData: {} as lunr.MatchData }));
  const titles: Record<string, string> = {
    a: "Sparse Expert Models and Beyond",
    b: "Sparse Models",
    c: "Rényi Divergence",
  };
  const titleOf = (ref: string) => titles[ref];

  it("moves the exact title's paper to the top, ignoring case, accents and punctuation", () => {
    expect(promoteExactMatches(results("a", "b", "c"), "sparse models", titleOf).map((r) => r.ref)).toEqual([
      "b",
      "a",
      "c",
    ]);
    expect(promoteExactMatches(results("a", "b", "c"), "  renyi divergence! ", titleOf).map((r) => r.ref)).toEqual([
      "c",
      "a",
      "b",
    ]);
  });

  it("moves the papers whose arXiv ids are typed to the top, with or without version and prefix", () => {
    expect(
      promoteExactMatches(
        results("a", "2105.15082", "b", "hep-th/9711200"),
        "arXiv:hep-th/9711200v2 or 2105.15082",
        titleOf,
      ).map((r) => r.ref),
    ).toEqual(["2105.15082", "hep-th/9711200", "a", "b"]);
  });

  it("keeps Lunr's order otherwise", () => {
    expect(promoteExactMatches(results("c", "a", "b"), "sparse", titleOf).map((r) => r.ref)).toEqual(["c", "a", "b"]);
  });
});

describe("searchedAsTyped", () => {
  it("leaves a lone letter or digit to Enter, and searches the rest as typed", () => {
    expect(["m", " 7 ", "é"].map(searchedAsTyped)).toEqual([false, false, false]);
    expect(["mo", "*", '"', "-", ""].map(searchedAsTyped)).toEqual([true, true, true, true, true]);
  });
});

describe("answerQuery", () => {
  const titleOf = () => undefined;

  it("searches again within one edit a word no paper has, and says which", () => {
    expect(runQuery(seed.index, "mutlimodal", titleOf)).toEqual([]);
    const { results, fuzzy } = answerQuery(seed.index, "mutlimodal", titleOf);
    expect(fuzzy).toEqual(["mutlimodal"]);
    expect(results.map((r) => r.ref).sort()).toEqual(
      runQuery(seed.index, "mutlimodal~1", titleOf)
        .map((r) => r.ref)
        .sort(),
    );
    expect(results.length).toBeGreaterThan(0);
  });

  it("searches a word whose letters run past its stem by its shorter prefixes, not within one edit", () => {
    // The index holds `pretrain` for "pretraining": `pretrainin*` and `pretraini*` match nothing.
    expect(runQuery(seed.index, "pretrainin", titleOf)).toEqual([]);
    expect(runQuery(seed.index, "pretraini*", titleOf)).toEqual([]);
    const { results, fuzzy } = answerQuery(seed.index, "pretrainin", titleOf);
    expect(fuzzy).toEqual([]);
    expect(results).toEqual(runQuery(seed.index, "pretrain*", titleOf));
    expect(results.length).toBeGreaterThan(0);
    // One letter past the stem: one fewer is enough.
    expect(answerQuery(seed.index, "pretrai", titleOf).results.length).toBeGreaterThan(0);
    expect(shorterPrefixes("pretrainin")).toEqual(["pretraini*", "pretrain*"]);
    expect(shorterPrefixes("model")).toEqual(["mode*"]);
    expect(shorterPrefixes("mode")).toEqual([]);
  });

  it("leaves alone the words that have papers, and a query whose words all do", () => {
    const { results, fuzzy } = answerQuery(seed.index, "mutlimodal pretraining", titleOf);
    expect(fuzzy).toEqual(["mutlimodal"]);
    expect(results.length).toBeGreaterThanOrEqual(runQuery(seed.index, "pretraining", titleOf).length);
    expect(answerQuery(seed.index, "sparse experts", titleOf)).toEqual({
      results: runQuery(seed.index, "sparse experts", titleOf),
      fuzzy: [],
    });
  });

  it("retries only plain words long enough to have a near miss: not syntax, stop words, short words or ids", () => {
    expect(fuzzyCandidates("title:mutlimodal the moe 2105.15082 trans* mutlimodal-pretrainng")).toEqual([
      "mutlimodal",
      "pretrainng",
    ]);
  });

  it("keeps only the results a narrowing keeps", () => {
    const all = answerQuery(seed.index, "pretraining", titleOf).results;
    const kept = answerQuery(seed.index, "pretraining", titleOf, (ref) => ref.startsWith("21")).results;
    expect(kept.map((r) => r.ref)).toEqual(all.map((r) => r.ref).filter((ref) => ref.startsWith("21")));
    expect(kept.length).toBeGreaterThan(0);
  });
});
