/**
 * Prints what search costs for a catalogue, through `scripts/search-cost.ts`:
 *
 *   npx tsx scripts/search-bench.ts [content folder=content] [--limit 8]
 *   npx tsx scripts/search-bench.ts --dist <built site folder>
 *
 * With a content folder, the index is built in memory as the site builds it
 * (`CATALOGUE_SEARCH_SHARD_BYTES` and `CATALOGUE_SEARCH_ONE_FILE_BYTES` apply) and the time to
 * build and split it is printed; with `--dist`, the built files are read. `--typed a,b` also
 * types each word a keystroke at a time (with a content folder, its commonest word and a rare
 * one are typed too). Figures only.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { buildCatalogue, type Paper } from "../src/lib/content/catalogue.ts";
import {
  buildSearchIndexFiles,
  searchIndexSplit,
  type SearchIndexFiles,
} from "../src/lib/search/search-index-files.ts";
import { createUrls } from "../src/lib/browsing/urls.ts";
import { readCatalogueInput } from "../src/loaders/catalogue-loaders.ts";
import {
  firstQuery,
  indexSizes,
  readBuiltSearchIndex,
  TYPICAL_QUERIES,
  commonAndRareWords,
  typedQuery,
  warmQueryTimes,
  WARM_QUERIES,
  type Size,
} from "./search-cost.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: "string" }, limit: { type: "string", default: "8" }, typed: { type: "string" } },
});
const limit = Number(values.limit);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sized = ({ raw, gzip }: Size) => `${kb(raw)} raw, ${kb(gzip)} gzip`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

const rows: [string, string][] = [];
let files: SearchIndexFiles;
const typedWords = values.typed ? values.typed.split(",") : [];
if (values.dist) {
  files = readBuiltSearchIndex(values.dist);
  rows.push(["index", `read from ${values.dist}/`]);
} else {
  const directory = positionals[0] ?? "content";
  const catalogue = buildCatalogue(readCatalogueInput(directory));
  if (catalogue.problems.length) throw new Error(`${directory} has problems; run npm run check-dump first`);
  const names = new Map(catalogue.topics.map((topic) => [topic.slug, topic.name]));
  const options = {
    paperUrl: createUrls(process.env.CATALOGUE_BASE || "/").paper,
    topicsOf: (paper: Paper) => paper.topics.map((slug) => names.get(slug) ?? slug),
  };
  const start = performance.now();
  files = buildSearchIndexFiles(catalogue.papers, options, searchIndexSplit(process.env));
  rows.push(["index", `${catalogue.papers.length} papers from ${directory}/, built in memory`]);
  rows.push(["build and split", ms(performance.now() - start)]);
  typedWords.push(...commonAndRareWords(catalogue.papers).map(({ word }) => word));
}

const sizes = indexSizes(files);
rows.push([files.parts.size ? "manifest" : "one file", sized(sizes.entry)]);
if (files.parts.size) {
  const { shards, documents, terms } = sizes;
  rows.push([
    "shards",
    `${shards.count}: ${sized(shards.total)} in all; median ${sized(shards.median)}; largest ${sized(shards.largest)}`,
  ]);
  rows.push(["documents", `${documents.count} parts: ${sized(documents.total)}; median ${sized(documents.median)}`]);
  if (terms) rows.push(["terms (fuzzy)", sized(terms)]);
}
for (const text of TYPICAL_QUERIES) {
  const first = await firstQuery(files, text, limit);
  const shards = first.files.filter((name) => name.startsWith("shards/")).length;
  const documents = first.files.filter((name) => name.startsWith("documents/")).length;
  rows.push([
    `first query "${text}"`,
    `${sized(first.bytes)} in ${first.files.length} files (${shards} shards, ${documents} documents); ${first.total} match; ${ms(first.milliseconds)} in Node`,
  ]);
}
for (const word of typedWords) {
  const typed = await typedQuery(files, word, limit);
  rows.push([
    `typed "${word}"`,
    `${sized(typed.bytes)} in ${typed.files} files; last keystroke ${sized(typed.lastBytes)}, ${ms(typed.lastMilliseconds)} in Node; ${typed.total} match`,
  ]);
}
const warm = await warmQueryTimes(files, WARM_QUERIES, { limit });
rows.push([
  "warm p50 / p95",
  `${ms(warm.p50)} / ${ms(warm.p95)} (${WARM_QUERIES.length} queries x 50, the best ${limit} highlighted)`,
]);

const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
