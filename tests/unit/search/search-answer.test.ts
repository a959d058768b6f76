import { describe, expect, it } from "vitest";
import { searchEngine, type SearchAnswer, type SearchEngine } from "../../../src/lib/search/search-answer.ts";
import {
  buildSearchIndexFiles,
  searchIndexSplit,
  type SearchIndexFiles,
} from "../../../src/lib/search/search-index-files.ts";
import { syntheticPapers } from "../search-fixtures.ts";

const { papers, options } = syntheticPapers(120);
const oneFile = buildSearchIndexFiles(papers, options, {
  shardBytes: 6_000,
  oneFileBytes: Infinity,
  documentsPerPart: 1,
});
const split = buildSearchIndexFiles(papers, options, { shardBytes: 6_000, oneFileBytes: 0, documentsPerPart: 1 });

/**
 * The engine, each answer with its snippets: a split index draws its hits without them (null)
 * and gives them when asked, as the box asks once typing pauses.
 */
const engine = (files: SearchIndexFiles) => {
  const inner = searchEngine(JSON.parse(files.entry), (name) => Promise.resolve(JSON.parse(files.parts.get(name)!)));
  return {
    async search(...args: Parameters<SearchEngine["search"]>): Promise<SearchAnswer> {
      const { snippets, ...answer } = await inner.search(...args);
      if (!snippets) return answer;
      expect(answer.hits.every((hit) => hit.snippet === null)).toBe(true);
      const drawn = await snippets();
      return { ...answer, hits: answer.hits.map((hit, i) => ({ ...hit, snippet: drawn[i]! })) };
    },
  };
};

describe("searchEngine", () => {
  it("narrows by year and topic alike from one file and from parts, counting only what the narrowing keeps", async () => {
    const [whole, parted] = [engine(oneFile), engine(split)];
    const year = papers[5]!.year;
    const topic = options.topicsOf(papers[5]!)[0]!;
    const inYear = papers.filter((paper) => paper.year === year).length;
    expect((await whole.search("*", 200, { year })).total).toBe(inYear);
    for (const narrowing of [{ year }, { topic }, { year, topic }, { topic: "No such topic" }])
      for (const text of ["*", "multimodal pretraining", "mixture of experts"]) {
        const answer = await whole.search(text, 100, narrowing);
        expect(await parted.search(text, 100, narrowing), `${text} ${JSON.stringify(narrowing)}`).toEqual(answer);
        for (const hit of answer.hits) {
          const paper = papers.find((p) => p.id === hit.id)!;
          if ("year" in narrowing) expect(paper.year).toBe(year);
          if ("topic" in narrowing) expect(hit.topics).toContain(narrowing.topic);
        }
      }
    expect((await whole.search("*", 100, { topic: "No such topic" })).total).toBe(0);
  });

  it("answers the same from one file and from parts: counts, results, marked titles and snippets", async () => {
    expect(oneFile.parts.size).toBe(0);
    expect(split.parts.size).toBeGreaterThan(120);
    const [whole, parted] = [engine(oneFile), engine(split)];
    const queries = [
      "multimodal pretraining",
      "pre",
      "mixture of experts",
      "expert rout",
      "Zoë Müller",
      "title:retrieval",
      "+reinforcement -policy",
      "tranformer~1",
      papers[7]!.title.text,
      `arXiv:${papers[9]!.id}`,
      "title:",
      "zzzzqq",
      "*",
      "retreival",
    ];
    // Words typed a letter at a time: their letters run past their stems (`retrieva`), then a typo.
    for (const word of ["retrieval", "pretraining", "transformers", "retreival"])
      for (let typed = 1; typed <= word.length; typed++) queries.push(word.slice(0, typed));
    for (const text of queries)
      for (const limit of [8, 100])
        expect(await parted.search(text, limit), text).toEqual(await whole.search(text, limit));
    expect((await parted.search(papers[7]!.title.text, 8)).hits[0]!.id).toBe(papers[7]!.id);
  });
});

describe("searchIndexSplit", () => {
  it("reads the shard size and the one-file limit from the environment, else the defaults", () => {
    expect(searchIndexSplit({})).toEqual({ shardBytes: 32_000, oneFileBytes: 500_000, documentsPerPart: 1 });
    expect(searchIndexSplit({ CATALOGUE_SEARCH_SHARD_BYTES: "8000", CATALOGUE_SEARCH_ONE_FILE_BYTES: "0" })).toEqual({
      shardBytes: 8_000,
      oneFileBytes: 0,
      documentsPerPart: 1,
    });
  });

  it("names the variable and the value it cannot read", () => {
    expect(() => searchIndexSplit({ CATALOGUE_SEARCH_SHARD_BYTES: "32 KB" })).toThrow(
      'CATALOGUE_SEARCH_SHARD_BYTES must be a whole number of bytes, not "32 KB"',
    );
  });
});
