/**
 * Times related papers alone on a catalogue, through `src/lib` (no Astro build):
 *
 *   npx tsx scripts/related-bench.ts <content folder> [--runs 3] [--save lists.json] [--compare lists.json]
 *
 * Prints the papers, the time to read the catalogue and the time `findRelatedPapers` takes
 * (each of `--runs` runs, in one process).
 * `--save` writes each paper's related slugs; `--compare` counts the papers whose list differs
 * from a saved one (to see what a change to the method changes). Figures only.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildCatalogue } from "../src/lib/content/catalogue.ts";
import { findRelatedPapers } from "../src/lib/browsing/related-papers.ts";
import { readCatalogueInput } from "../src/loaders/catalogue-loaders.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "1" }, save: { type: "string" }, compare: { type: "string" } },
});
const directory = positionals[0] ?? "content";

let start = performance.now();
const catalogue = buildCatalogue(readCatalogueInput(directory));
if (catalogue.problems.length) throw new Error(`${directory} has problems; run npm run check-dump first`);
const read = performance.now() - start;

console.log(`${catalogue.papers.length} papers from ${directory}/: read in ${(read / 1000).toFixed(1)} s`);
let related = new Map<string, { slug: string }[]>();
const times: string[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  start = performance.now();
  related = findRelatedPapers(catalogue.papers);
  times.push(`${((performance.now() - start) / 1000).toFixed(2)} s`);
}
console.log(`related papers: ${times.join(", ")}`);

const lists = Object.fromEntries([...related].map(([slug, list]) => [slug, list.map((item) => item.slug)]));
if (values.save) writeFileSync(values.save, JSON.stringify(lists));
if (values.compare) {
  const saved = JSON.parse(readFileSync(values.compare, "utf8")) as Record<string, string[]>;
  const slugs = Object.keys(saved);
  const changed = slugs.filter((slug) => (lists[slug] ?? []).join(" ") !== saved[slug]!.join(" "));
  const sameSet = changed.filter(
    (slug) => [...(lists[slug] ?? [])].sort().join(" ") === [...saved[slug]!].sort().join(" "),
  );
  const kept = slugs.reduce((n, slug) => n + saved[slug]!.filter((other) => lists[slug]?.includes(other)).length, 0);
  const total = slugs.reduce((n, slug) => n + saved[slug]!.length, 0);
  console.log(
    `compared with ${values.compare}: ${changed.length} of ${slugs.length} lists differ ` +
      `(${sameSet.length} of them only in order); ${kept} of ${total} related papers kept`,
  );
}
