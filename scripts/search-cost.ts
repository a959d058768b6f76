/**
 * What searching costs a visitor, measured in Node through the code the browser runs
 * (`src/lib/search/search-answer.ts`): the bytes a first query transfers and the time warm queries
 * take. Works on the index built in memory (`buildSearchIndexFiles`) or on a built site
 * (`readBuiltSearchIndex`). `npx tsx scripts/search-bench.ts` prints these figures; `npm run
 * bench` can import the functions.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { Paper } from "../src/lib/content/catalogue.ts";
import { searchEngine } from "../src/lib/search/search-answer.ts";
import { searchedAsTyped } from "../src/lib/search/searched-as-typed.ts";
import { lunr } from "../src/lib/search/search-pipeline.ts";
import type { SearchIndexFiles } from "../src/lib/search/search-index-files.ts";

/** Queries a visitor might type, over the seed's and the synthetic catalogues' words. */
export const TYPICAL_QUERIES = ["transformer", "multimodal pretraining", "pre", "mixture of experts"];

/** The fixed list warm queries are timed over: words, prefixes being typed, Lunr syntax, an id, a miss. */
export const WARM_QUERIES = [
  ...TYPICAL_QUERIES,
  "mul",
  "multim",
  "sparse expert",
  "language model",
  "cross-modal retrieval",
  "expert routing",
  "knowledge distillation",
  "an yang",
  "Müller",
  "title:attention",
  "trans*",
  "tranformer~1",
  "+moe -dense",
  "2105.15082",
  "title:",
  "zzzzqq",
];

export interface Size {
  raw: number;
  gzip: number;
}

/** Bytes of a text in UTF-8, and gzipped at level 9 as a static host would serve it. */
export function size(text: string): Size {
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

/** Reads `search-index.json` and its parts (`search-index/**.json`) from a built site's folder. */
export function readBuiltSearchIndex(out: string): SearchIndexFiles {
  const partsDir = join(out, "search-index");
  const parts = new Map<string, string>();
  if (existsSync(partsDir))
    for (const entry of readdirSync(partsDir, { recursive: true, withFileTypes: true }))
      if (entry.isFile() && entry.name.endsWith(".json")) {
        const path = join(entry.parentPath, entry.name);
        parts.set(relative(partsDir, path).replace(/\.json$/, ""), readFileSync(path, "utf8"));
      }
  return { entry: readFileSync(join(out, "search-index.json"), "utf8"), parts };
}

export interface FirstQuery {
  text: string;
  /** Files fetched, in order: `search-index.json`, then each part by name. */
  files: string[];
  /** Their total size. */
  bytes: Size;
  /** Papers matching, and shown. */
  total: number;
  shown: number;
  /** Node's time to parse what was fetched and answer, as if every file arrived at once. */
  milliseconds: number;
}

/** What a visitor's first query transfers: the entry file, then every part the query fetches, once each. */
export async function firstQuery(files: SearchIndexFiles, text: string, limit: number): Promise<FirstQuery> {
  const fetched: string[] = [];
  const start = performance.now();
  const engine = searchEngine(JSON.parse(files.entry), (name) => {
    fetched.push(name);
    const part = files.parts.get(name);
    return part === undefined ? Promise.reject(new Error(`no part ${name}`)) : Promise.resolve(JSON.parse(part));
  });
  const answer = await engine.search(text, limit);
  // Typed and left: the box fetches the snippets too.
  await answer.snippets?.();
  const milliseconds = performance.now() - start;
  const texts = [files.entry, ...fetched.map((name) => files.parts.get(name)!)];
  const sizes = texts.map(size);
  return {
    text,
    files: ["search-index.json", ...fetched],
    bytes: { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) },
    total: answer.total,
    shown: answer.hits.length,
    milliseconds,
  };
}

export interface TypedQuery {
  word: string;
  /** Everything fetched while the word was typed, a query per keystroke, each part once. */
  bytes: Size;
  files: number;
  /** What the last keystroke's query fetched that earlier ones had not. */
  lastBytes: Size;
  total: number;
  /** Node's time to answer the last keystroke, its new parts arriving at once. */
  lastMilliseconds: number;
}

/**
 * What typing a word costs a visitor: a query per keystroke (`tr`, `tra`, ...; not the lone
 * first letter, `searchedAsTyped`), as the search box sends one after each pause, on one engine
 * that keeps what it fetched; the snippets (abstracts) of the last keystroke's results only, as the box
 * fetches them once typing pauses.
 */
export async function typedQuery(files: SearchIndexFiles, word: string, limit: number): Promise<TypedQuery> {
  const fetched: string[] = [];
  const engine = searchEngine(JSON.parse(files.entry), (name) => {
    fetched.push(name);
    const part = files.parts.get(name);
    return part === undefined ? Promise.reject(new Error(`no part ${name}`)) : Promise.resolve(JSON.parse(part));
  });
  let before = 0;
  let total = 0;
  let lastMilliseconds = 0;
  for (let typed = 1; typed <= word.length; typed++) {
    // The box does not search a lone letter as it is typed.
    if (!searchedAsTyped(word.slice(0, typed))) continue;
    before = fetched.length;
    const start = performance.now();
    const answer = await engine.search(word.slice(0, typed), limit);
    total = answer.total;
    // The box fetches snippets once typing pauses: after the last keystroke only.
    if (typed === word.length) await answer.snippets?.();
    lastMilliseconds = performance.now() - start;
  }
  const sizes = [files.entry, ...fetched.map((name) => files.parts.get(name)!)].map(size);
  const add = (list: Size[]) => ({ raw: sum(list.map((s) => s.raw)), gzip: sum(list.map((s) => s.gzip)) });
  return {
    word,
    bytes: add(sizes),
    files: sizes.length,
    lastBytes: add(sizes.slice(1 + before)),
    total,
    lastMilliseconds,
  };
}

export interface WarmTimes {
  p50: number;
  p95: number;
  /** Every time measured, in milliseconds, ascending. */
  times: number[];
}

/**
 * Times queries once their parts are fetched: each query is answered once (fetching), then every
 * query is answered `runs` times in turn; each answer includes highlighting the `limit` shown, snippets too.
 */
export async function warmQueryTimes(
  files: SearchIndexFiles,
  queries: readonly string[] = WARM_QUERIES,
  { limit = 8, runs = 50 } = {},
): Promise<WarmTimes> {
  const engine = searchEngine(JSON.parse(files.entry), (name) => Promise.resolve(JSON.parse(files.parts.get(name)!)));
  const answer = async (query: string) => (await engine.search(query, limit)).snippets?.();
  for (const query of queries) await answer(query);
  const times: number[] = [];
  for (let run = 0; run < runs; run++)
    for (const query of queries) {
      const start = performance.now();
      await answer(query);
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), times };
}

export interface IndexSizes {
  entry: Size;
  shards: { count: number; total: Size; median: Size; largest: Size };
  documents: { count: number; total: Size; median: Size };
  terms: Size | null;
}

/** The sizes of the index's files. */
export function indexSizes(files: SearchIndexFiles): IndexSizes {
  const of = (prefix: string) =>
    [...files.parts]
      .filter(([name]) => name.startsWith(prefix))
      .map(([, text]) => size(text))
      .sort((a, b) => a.gzip - b.gzip);
  const summary = (sizes: Size[]) => ({
    count: sizes.length,
    total: { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) },
    median: sizes[sizes.length >> 1] ?? { raw: 0, gzip: 0 },
  });
  const shards = of("shards/");
  const terms = files.parts.get("terms");
  return {
    entry: size(files.entry),
    shards: { ...summary(shards), largest: shards.at(-1) ?? { raw: 0, gzip: 0 } },
    documents: summary(of("documents/")),
    terms: terms === undefined ? null : size(terms),
  };
}

/** A word and how many papers have it in their title or abstract. */
export interface WordInPapers {
  word: string;
  papers: number;
}

/**
 * The word of titles and abstracts in the most papers (a stop word aside), and the word of six
 * letters or more in the fewest, by their lowercased words: what the bench types.
 */
export function commonAndRareWords(papers: readonly Paper[]): WordInPapers[] {
  const df = new Map<string, number>();
  for (const paper of papers)
    for (const word of new Set(`${paper.title.text} ${paper.abstract.text}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)))
      if (word.length > 2 && lunr.stopWordFilter(new lunr.Token(word, {}))) df.set(word, (df.get(word) ?? 0) + 1);
  const sorted = [...df].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const rare = sorted.findLast(([word]) => word.length >= 6);
  const common = sorted[0];
  return [common, ...(rare && rare !== common ? [rare] : [])]
    .filter((entry) => entry !== undefined)
    .map(([word, papers]) => ({ word, papers }));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
