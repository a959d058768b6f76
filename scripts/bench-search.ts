/**
 * Warm search queries in Node, over a built site's search files, through the same query layer and
 * highlighting the browser runs: p50 and p95 over a fixed list of queries, after one warm-up pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { highlightResult } from "../src/lib/search-highlight.ts";
import { loadSearchIndex, type SerializedSearchIndex } from "../src/lib/search-index.ts";
import { runQuery } from "../src/lib/search-query.ts";

/** Queries a visitor might type: words, prefixes, Lunr syntax, a title, an id, malformed input. */
export const QUERIES = [
  "mixture",
  "pretrain",
  "multi",
  "sparse expert",
  "language model",
  "cross-modal retrieval",
  "table-to-text generation",
  "an yang",
  "Renyi",
  "title:attention",
  "trans*",
  "tranformer~1",
  "+moe -dense",
  "M6: A Chinese Multimodal Pretrainer",
  "2105.15082",
  "title:",
];
/** Results highlighted per query, as many as the header box shows. */
const SHOWN = 8;
const RUNS = 20;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function measureWarmQueries(dist: string): Promise<{ p50: number; p95: number }> {
  const serialized = JSON.parse(readFileSync(join(dist, "search-index.json"), "utf8")) as SerializedSearchIndex;
  const { index, documents } = loadSearchIndex(serialized);
  const answer = (text: string) =>
    runQuery(index, text, (ref) => documents.get(ref)?.title)
      .slice(0, SHOWN)
      .map((result) => highlightResult(result, documents.get(result.ref)!));
  for (const query of QUERIES) answer(query);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++)
    for (const query of QUERIES) {
      const start = performance.now();
      answer(query);
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}
