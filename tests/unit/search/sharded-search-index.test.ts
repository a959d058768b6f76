import { describe, expect, it } from "vitest";
import { buildSearchIndex, loadSearchIndex, type SerializedSearchIndex } from "../../../src/lib/search/search-index.ts";
import { buildSearchIndexFiles, splitSearchIndex } from "../../../src/lib/search/search-index-files.ts";
import { isSearchManifest, type SearchManifest, type ShardPart } from "../../../src/lib/search/search-index-format.ts";
import { runQuery, toLunrQuery } from "../../../src/lib/search/search-query.ts";
import { indexPipeline, lunr } from "../../../src/lib/search/search-pipeline.ts";
import {
  searchShardedIndex,
  ShardedSearchIndex,
  termPositions,
  withAbstracts,
} from "../../../src/lib/search/sharded-search-index.ts";
import { shardOf } from "../../../src/lib/search/search-term-dictionary.ts";
import { createUrls } from "../../../src/lib/browsing/urls.ts";
import { syntheticPapers } from "../search-fixtures.ts";

const { papers, options } = syntheticPapers(300);
/**
 * Small shards, so that a catalogue of 300 papers has many and a prefix often spans several, and
 * small heads, so that many terms have tails and most queries need some.
 */
const split = {
  shardBytes: 4_000,
  oneFileBytes: 0,
  documentsPerPart: 3,
  tierDocuments: 24,
  headDocuments: 12,
  chunkDocuments: 8,
};
const files = splitSearchIndex(papers, options, split);
const manifest = JSON.parse(files.entry) as SearchManifest;

/** A split index reading its parts from memory, recording which it read. */
function shardedIndex(): { index: ShardedSearchIndex; fetched: string[] } {
  const fetched: string[] = [];
  const index = new ShardedSearchIndex(manifest, (name) => {
    fetched.push(name);
    const text = files.parts.get(name);
    return text === undefined ? Promise.reject(new Error(`no part ${name}`)) : Promise.resolve(JSON.parse(text));
  });
  return { index, fetched };
}

const whole = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(papers, options))) as SerializedSearchIndex);
const ids = papers.map((paper) => paper.id);

/** A deterministic pseudo-random choice, so the queries are the same on every run. */
let state = 7;
const pick = <T>(list: readonly T[]): T => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return list[state % list.length]!;
};

const words = [
  ...new Set(
    papers.flatMap((paper) =>
      `${paper.title.text} ${paper.abstract.text}`
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 2),
    ),
  ),
].sort();
const names = [...new Set(papers.flatMap((paper) => paper.authors.flatMap((author) => author.name.split(" "))))].sort();

/** Hundreds of queries in Lunr's syntax: words, prefixes, fuzzy, fields, presence, ids, accents, misses. */
const lunrQueries: string[] = [
  "trans*",
  "pre*",
  "mixture of experts",
  "multimodal pretraining",
  "title:*",
  "-model",
  "-model -learning",
  "-zzzz",
  "+zzzz",
  "+model -learning",
  "+multimodal +pretraining",
  "tomas",
  "Tomás Müller",
  "zoe",
  "bjorn*",
  "fernandez~1",
  "t*n",
  "*ing",
  "qu*a",
  "model^3 learning",
  "title:model abstract:learning",
  "authors:an",
  "topics:retrieval",
  "id:15*",
  "zzzzqqq",
  "$k",
  ...ids.slice(0, 10),
  ...ids.slice(10, 15).map((id) => `${id.slice(0, 6)}*`),
];
for (let i = 0; i < 60; i++) lunrQueries.push(pick(words));
for (let i = 0; i < 40; i++) lunrQueries.push(`${pick(words).slice(0, 3 + (i % 4))}*`);
for (let i = 0; i < 30; i++) lunrQueries.push(`${pick(words)}~${1 + (i % 2)}`);
for (let i = 0; i < 30; i++) lunrQueries.push(`${pick(["title", "abstract", "authors", "topics"])}:${pick(words)}`);
for (let i = 0; i < 30; i++) lunrQueries.push(`+${pick(words)} -${pick(words)}`);
for (let i = 0; i < 15; i++) lunrQueries.push(`-${pick(words)}`);
for (let i = 0; i < 40; i++) lunrQueries.push(`${pick(words)} ${pick(words)} ${pick(names)}`);
for (let i = 0; i < 20; i++) lunrQueries.push(`${pick(names)}*`);

/** What visitors type, through the query layer into Lunr's syntax. */
const typed: string[] = [
  "transformer",
  "multimodal pretraining",
  "pre",
  "mixture of experts",
  "cross-modal retrieval",
  "Zoë Müller",
  `arXiv:${ids[3]}v2`,
  papers[5]!.title.text,
  papers[17]!.title.text.toUpperCase(),
  ...Array.from({ length: 40 }, (_, i) => `${pick(words).slice(0, 2 + (i % 6))} ${pick(words)}`),
];

/** Results as comparable values: the paper's id, Lunr's score, the matched terms and their fields, in order. */
const comparable = (
  results: { ref: string; score: number; matchData: { metadata: object } }[],
  ref = (r: string) => r,
) =>
  results.map((result) => ({
    id: ref(result.ref),
    score: result.score,
    terms: Object.entries(result.matchData.metadata as Record<string, object>).map(([term, fields]) => [
      term,
      Object.keys(fields),
    ]),
  }));

describe("a split index against the same index in one file", { timeout: 60_000 }, () => {
  it("has many shards over a few hundred papers", () => {
    expect(manifest.shards.length).toBeGreaterThan(40);
    expect(manifest.documentCount).toBe(300);
    expect(lunrQueries.length + typed.length).toBeGreaterThan(350);
    // Most queries find something, so that the comparisons below compare results.
    const found = lunrQueries.filter((query) => whole.index.search(query).length > 0);
    expect(found.length / lunrQueries.length).toBeGreaterThan(0.8);
  });

  it("gives the same results, scores and order, with the same terms matched, for Lunr queries", async () => {
    const { index } = shardedIndex();
    for (const query of lunrQueries) {
      const expected = comparable(whole.index.search(query));
      const { total, results } = await index.search(query);
      expect(total, query).toBe(expected.length);
      const actual = comparable(results, (n) => ids[Number(n)]!);
      expect(actual, query).toEqual(expected);
      // Counting only, and asking whether any paper matches, agree with Lunr too.
      expect((await index.search(query, 0)).total, query).toBe(expected.length);
      expect(await index.matchesAny(query), query).toBe(expected.length > 0);
    }
  });

  it("gives the same results for what visitors type, through the query layer, all or the first few", async () => {
    const { index } = shardedIndex();
    for (const text of typed) {
      const query = toLunrQuery(text);
      const expected = comparable(whole.index.search(query));
      expect(
        comparable((await index.search(query)).results, (n) => ids[Number(n)]!),
        text,
      ).toEqual(expected);
      for (const limit of [0, 1, 8, 100])
        expect(
          comparable((await index.search(query, limit)).results, (n) => ids[Number(n)]!),
          `${text} ${limit}`,
        ).toEqual(expected.slice(0, limit));
    }
  });

  it("shows the same first results as runQuery, positions and promoted exact matches included", async () => {
    const { index } = shardedIndex();
    const titleOf = (ref: string) => whole.documents.get(ref)?.title;
    for (const text of [...typed, "title:", "~", "+moe -dense"]) {
      const expected = runQuery(whole.index, text, titleOf);
      const { total, hits } = await searchShardedIndex(index, text, 8);
      await withAbstracts(index, hits);
      expect(total, text).toBe(expected.length);
      expect(
        hits.map(({ result, document }) => ({ id: document.id, ref: result.ref, score: result.score })),
        text,
      ).toEqual(expected.slice(0, 8).map((result) => ({ id: result.ref, ref: result.ref, score: result.score })));
      hits.forEach(({ result }, i) => {
        const metadata = expected[i]!.matchData.metadata as Record<string, Record<string, { position: unknown }>>;
        for (const [term, fields] of Object.entries(metadata))
          for (const field of ["title", "abstract"])
            if (fields[field])
              expect(
                (result.matchData.metadata as typeof metadata)[term]![field]!.position,
                `${text}: ${term}`,
              ).toEqual(fields[field].position);
      });
    }
    expect((await searchShardedIndex(index, papers[5]!.title.text, 8)).hits[0]!.document.id).toBe(ids[5]);
    expect((await searchShardedIndex(index, `arXiv:${ids[3]}v2`, 8)).hits[0]!.document.id).toBe(ids[3]);
  });
});

describe("what a split index fetches", { timeout: 30_000 }, () => {
  it("fetches only the shards a query's terms can be in, once each", async () => {
    // A word of a few papers: no tail.
    const [rare] = (JSON.parse(files.parts.get("shards/40")!) as ShardPart).data.find((term) => term.length === 3)!;
    const { index, fetched } = shardedIndex();
    expect((await index.search(rare)).total).toBeGreaterThan(0);
    expect(fetched).toEqual([`shards/40`]);
    await index.search(rare);
    expect(fetched).toHaveLength(1);
    await index.search("zzzzqqq");
    expect(fetched).toHaveLength(2);
  });

  it("settles a common word's first results from its head, its tail fetched for more, the count exact", async () => {
    const [, , , tail] = (
      JSON.parse(files.parts.get(`shards/${shardOf(manifest.shards, "model")}`)!) as ShardPart
    ).data.find(([term]) => term === "model")!;
    expect(tail).toBeDefined();
    const { index, fetched } = shardedIndex();
    const all = whole.index.search("model");
    const first = await index.search("model", 8);
    expect(fetched.some((name) => name.startsWith("tails/"))).toBe(false);
    expect(first.total).toBe(all.length);
    expect(comparable(first.results, (n) => ids[Number(n)]!)).toEqual(comparable(all.slice(0, 8)));
    await index.search("model");
    const chunks = [...files.parts.keys()].filter((name) => name.startsWith(`tails/${tail![0]}/`));
    expect(chunks.length).toBeGreaterThan(3);
    expect(fetched.filter((name) => name.startsWith("tails/")).sort()).toEqual(chunks.sort());
  });

  it("fetches of a tail only the chunks of the documents that could come first", async () => {
    // A prefix that takes in a word with a tail and words without: the documents that have both
    // are bounded by the tail's highest score, and only those that could come first need theirs.
    const shard = (JSON.parse(files.parts.get(`shards/${shardOf(manifest.shards, "model")}`)!) as ShardPart).data;
    const tailed = shard.filter((term) => term.length === 4).map(([term]) => term);
    const query = tailed
      .map((term) => term.slice(0, 3))
      .find((prefix) => shard.some(([term]) => term.startsWith(prefix) && !tailed.includes(term)))!;
    expect(query).toBeDefined();
    const { index, fetched } = shardedIndex();
    const expected = comparable(whole.index.search(`${query}*`).slice(0, 3));
    expect(comparable((await index.search(`${query}*`, 3)).results, (n) => ids[Number(n)]!)).toEqual(expected);
    const chunks = fetched.filter((name) => name.startsWith("tails/"));
    expect(chunks.length).toBeGreaterThan(0);
    const tails = shard.flatMap(([term, , , tail]) => (tail && term.startsWith(query) ? [`tails/${tail[0]}/`] : []));
    const all = [...files.parts.keys()].filter((name) => tails.some((tail) => name.startsWith(tail)));
    expect(chunks.length).toBeLessThan(all.length);
  });

  it("fetches every shard a prefix spans, and the dictionary only for fuzzy and inner wildcards", async () => {
    const { index, fetched } = shardedIndex();
    await index.search("*", 8);
    expect(fetched.filter((name) => name.startsWith("shards/")).sort()).toEqual(
      manifest.shards.map((_, n) => `shards/${n}`).sort(),
    );
    expect(fetched).not.toContain("terms");
    await index.search("modl~1");
    expect(fetched).toContain("terms");
  });

  it("fetches the documents of the results shown only", async () => {
    const { index, fetched } = shardedIndex();
    const { total, hits } = await searchShardedIndex(index, "model", 4);
    expect(total).toBeGreaterThan(100);
    const documentParts = fetched.filter((name) => name.startsWith("documents/"));
    expect(documentParts.length).toBeLessThanOrEqual(4);
    expect(new Set(documentParts).size).toBe(documentParts.length);
    const numbers = hits.map(({ document }) => ids.indexOf(document.id));
    expect(documentParts.sort()).toEqual([...new Set(numbers.map((n) => `documents/${Math.floor(n / 3)}`))].sort());
    // Abstracts come apart, only when asked, for the same results.
    expect(fetched.filter((name) => name.startsWith("abstracts/"))).toEqual([]);
    expect(hits.map((hit) => "abstract" in hit.document)).toEqual(hits.map(() => false));
    const abstracts = await withAbstracts(index, hits);
    expect(abstracts).toEqual(numbers.map((n) => papers[n]!.abstract.text));
    expect(fetched.filter((name) => name.startsWith("abstracts/")).sort()).toEqual(
      documentParts.map((name) => name.replace("documents/", "abstracts/")).sort(),
    );
  });

  it("fetches a part again after a failure, and rejects a part from another build", async () => {
    let fail = true;
    const index = new ShardedSearchIndex(manifest, (name) => {
      if (fail) return Promise.reject(new Error("offline"));
      if (name === "shards/0") return Promise.resolve({ version: "other", data: [] });
      return Promise.resolve(JSON.parse(files.parts.get(name)!));
    });
    await expect(index.search("model")).rejects.toThrow("offline");
    fail = false;
    expect((await index.search("model")).total).toBeGreaterThan(100);
    const inFirstShard = (JSON.parse(files.parts.get("shards/0")!) as { data: [string][] }).data[0]![0];
    await expect(index.search(inFirstShard)).rejects.toThrow(
      "shards/0 of the search index is from another build than its manifest; reload the page",
    );
  });
});

describe("buildSearchIndexFiles", { timeout: 30_000 }, () => {
  it("keeps a small index in one file, the same as buildSearchIndex", () => {
    const small = syntheticPapers(10);
    const built = buildSearchIndexFiles(small.papers, small.options);
    expect(built.parts.size).toBe(0);
    expect(built.entry).toBe(JSON.stringify(buildSearchIndex(small.papers, small.options)));
    expect(isSearchManifest(JSON.parse(built.entry))).toBe(false);
  });

  it("splits an index larger than oneFileBytes, every part carrying the manifest's version", () => {
    const built = buildSearchIndexFiles(papers, options, { ...split, oneFileBytes: 100_000 });
    const entry = JSON.parse(built.entry) as unknown;
    expect(isSearchManifest(entry)).toBe(true);
    const { version, shards, documentCount } = entry as SearchManifest;
    const tails = [...built.parts.keys()].filter((name) => name.startsWith("tails/"));
    expect(new Set(tails.map((name) => name.split("/")[1])).size).toBeGreaterThan(10);
    expect(tails.every((name) => /^tails\/\d+\/\d+$/.test(name))).toBe(true);
    expect([...built.parts.keys()].sort()).toEqual(
      [
        ...shards.map((_, n) => `shards/${n}`),
        ...Array.from({ length: documentCount / 3 }, (_, n) => `documents/${n}`),
        ...Array.from({ length: documentCount / 3 }, (_, n) => `abstracts/${n}`),
        ...tails,
        "terms",
        "facets",
      ].sort(),
    );
    for (const text of built.parts.values()) expect((JSON.parse(text) as { version: string }).version).toBe(version);
    expect(built).toEqual(files);
    const other = splitSearchIndex(papers.slice(1), options, split);
    expect((JSON.parse(other.entry) as SearchManifest).version).not.toBe(version);
  });

  it("cuts shards near shardBytes, a term larger than that alone in its shard", () => {
    for (const [name, text] of files.parts) {
      if (!name.startsWith("shards/")) continue;
      const terms = (JSON.parse(text) as { data: unknown[] }).data;
      if (terms.length > 1) expect(text.length, name).toBeLessThan(split.shardBytes + 100);
    }
  });
});

describe("termPositions", () => {
  it("finds each term where Lunr's tokenizer and index pipeline put it", () => {
    for (const paper of papers.slice(0, 40))
      for (const text of [
        paper.title.text,
        paper.abstract.text,
        "  Multi-modal  pre-training, (MoE)-based --  Zoë's  ",
      ]) {
        const expected = new Map<string, [number, number][]>();
        for (const token of indexPipeline().run(lunr.tokenizer(text))) {
          const position = (token as unknown as { metadata: { position: [number, number] } }).metadata.position;
          expected.set(token.toString(), [...(expected.get(token.toString()) ?? []), position]);
        }
        expect(termPositions(text)).toEqual(expected);
      }
  });
});

describe("a split index of no papers", () => {
  it("has no shard and answers every query with nothing", async () => {
    const empty = splitSearchIndex([], options, split);
    const emptyManifest = JSON.parse(empty.entry) as SearchManifest;
    expect(emptyManifest.shards).toEqual([]);
    const index = new ShardedSearchIndex(emptyManifest, () => Promise.reject(new Error("nothing to fetch")));
    for (const query of ["model", "mod*", "-model", "title:x"])
      expect(await index.search(query), query).toEqual({ total: 0, results: [] });
  });
});

describe("urls.searchIndexPart", () => {
  it("names a part as the build writes it, and with the index's version as the browser fetches it, under the base", () => {
    expect(createUrls("/").searchIndexPart("shards/3")).toBe("/search-index/shards/3.json");
    expect(createUrls("/catalogue/").searchIndexPart("documents/12", "1t8ah7vue6m")).toBe(
      "/catalogue/search-index/documents/12.json?v=1t8ah7vue6m",
    );
  });
});
