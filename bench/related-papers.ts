/**
 * How long related papers and topic matching take on a large synthetic catalogue.
 *
 *   npx tsx bench/related-papers.ts [papers=10000] [words per abstract=150]
 *
 * Abstracts are drawn from a Zipf-distributed vocabulary of 30,000 made-up words plus the seed
 * abstracts' own words (so that real function words and topic words occur), with a fixed seed,
 * so runs are comparable. Prints the time of each step and the postings the similarity visits.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseTopics } from "../src/lib/topic.ts";
import { topicMatcher } from "../src/lib/topic-assignment.ts";
import { nearestTexts } from "../src/lib/text-similarity.ts";
import { words } from "../src/lib/terms.ts";

const [papers = 10_000, length = 150] = process.argv.slice(2).map(Number);

let state = 42;
const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;

const seedWords = words(readFileSync("content/abstracts.txt", "utf8"));
const made = Array.from({ length: 30_000 }, (_, i) => {
  let word = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return `${word}q`;
});
const vocabulary = [...new Set([...seedWords, ...made])];
// Zipf with s = 1: cumulative weights 1/rank, sampled by binary search.
const cumulative: number[] = [];
vocabulary.reduce((sum, _, rank) => (cumulative.push(sum + 1 / (rank + 1)), sum + 1 / (rank + 1)), 0);
const draw = () => {
  const target = random() * cumulative.at(-1)!;
  let [lo, hi] = [0, cumulative.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const texts = Array.from({ length: papers }, (_, i) => ({
  id: String(i),
  text: Array.from({ length }, draw).join(" "),
}));

const time = <T>(label: string, run: () => T): T => {
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
};

console.log(`${papers} papers, ${length} words each, vocabulary ${vocabulary.length}`);
const topics = parseTopics(readFileSync("content/topics.yaml", "utf8"), "content/topics.yaml").entries.map(
  (e) => e.topic,
);
const match = topicMatcher(topics);
const placed = time("topics by words (seed topics)", () => texts.map((t) => match(t.text)));
console.log(`${"papers placed in a topic".padEnd(34)} ${placed.filter((p) => p.length > 0).length}`);
const related = time("related papers (top 5 each)", () => nearestTexts(texts, { count: 5 }));
console.log(`${"papers with 5 related".padEnd(34)} ${[...related.values()].filter((r) => r.length === 5).length}`);
console.log(`${"heap used".padEnd(34)} ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
