/**
 * `npm run bench`: what search costs for the catalogue in `content/` (or `CATALOGUE_CONTENT`).
 * Builds the index in-process with the same function as `/search-index.json` (no site build
 * needed), then prints its size raw and gzipped, the time to load it in Node, and query times
 * through the same query layer and highlighting the browser runs. Prints figures only.
 */
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { buildCatalogue, type Paper } from "../src/lib/catalogue.ts";
import { highlightResult } from "../src/lib/search-highlight.ts";
import { buildSearchIndex, loadSearchIndex, type SerializedSearchIndex } from "../src/lib/search-index.ts";
import { runQuery } from "../src/lib/search-query.ts";
import { createUrls } from "../src/lib/urls.ts";
import { contentDirectory, readCatalogueInput } from "../src/loaders/catalogue.ts";

/** Queries a visitor might type: words, prefixes, Lunr syntax, a title, an id, malformed input. */
const QUERIES = [
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
const LOAD_RUNS = 25;
const QUERY_RUNS = 200;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

const directory = contentDirectory();
const catalogue = buildCatalogue(readCatalogueInput(directory));
if (catalogue.problems.length) throw new Error(`${directory} has problems; run npm run check-dump first`);
const topicNames = new Map(catalogue.topics.map((topic) => [topic.slug, topic.name]));
const options = {
  paperUrl: createUrls(process.env.CATALOGUE_BASE || "/").paper,
  topicsOf: (paper: Paper) => paper.topics.map((slug) => topicNames.get(slug) ?? slug),
};

const builds = Array.from({ length: 5 }, () => time(() => buildSearchIndex(catalogue.papers, options)));
const built = builds[0]![0];
const json = JSON.stringify(built);
const lunrPart = JSON.stringify(built.index);
const documentsPart = JSON.stringify(built.documents);

const parses: number[] = [];
const loads: number[] = [];
for (let run = 0; run < LOAD_RUNS; run++) {
  const [parsed, parseTime] = time(() => JSON.parse(json) as SerializedSearchIndex);
  parses.push(parseTime);
  loads.push(time(() => loadSearchIndex(parsed))[1]);
}

const { index, documents } = loadSearchIndex(JSON.parse(json) as SerializedSearchIndex);
const titleOf = (ref: string) => documents.get(ref)?.title;
const answer = (text: string) =>
  runQuery(index, text, titleOf)
    .slice(0, SHOWN)
    .map((result) => highlightResult(result, documents.get(result.ref)!));
for (const query of QUERIES) answer(query);
const queryTimes: number[] = [];
for (let run = 0; run < QUERY_RUNS; run++) for (const query of QUERIES) queryTimes.push(time(() => answer(query))[1]);
queryTimes.sort((a, b) => a - b);

const rows: [string, string][] = [
  [
    "catalogue",
    `${catalogue.papers.length} papers from ${directory}/ (index built in-process, as /search-index.json is)`,
  ],
  [
    "index size, raw",
    `${kb(Buffer.byteLength(json))} (Lunr index ${kb(Buffer.byteLength(lunrPart))}, result fields ${kb(Buffer.byteLength(documentsPart))})`,
  ],
  ["index size, gzip -9", kb(gzipSync(json, { level: 9 }).length)],
  ["build the index", `${ms(median(builds.map(([, t]) => t)))} (median of ${builds.length})`],
  ["load: JSON.parse", `${ms(median(parses))} (median of ${LOAD_RUNS})`],
  ["load: lunr.Index.load", `${ms(median(loads))} (median of ${LOAD_RUNS})`],
  [
    "query p50 / p95",
    `${ms(quantile(queryTimes, 0.5))} / ${ms(quantile(queryTimes, 0.95))} (${QUERIES.length} queries x ${QUERY_RUNS}, query layer + highlighting the best ${SHOWN})`,
  ],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
