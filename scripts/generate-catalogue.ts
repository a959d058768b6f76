/**
 * Writes a synthetic catalogue into a content folder:
 *
 *   npm run generate-catalogue -- <papers> <folder> [seed]
 *
 * then `CATALOGUE_CONTENT=<folder> npm run build` builds it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticCatalogue } from "./synthetic-catalogue.ts";

const [sizeArg, folder, seedArg = "1"] = process.argv.slice(2);
const size = Number(sizeArg);
if (!folder || !Number.isInteger(size) || size < 1) {
  console.error("usage: npm run generate-catalogue -- <papers> <folder> [seed]");
  process.exit(2);
}
const catalogue = syntheticCatalogue(size, Number(seedArg));
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "abstracts.txt"), catalogue.abstracts);
writeFileSync(join(folder, "papers.yaml"), catalogue.papers);
writeFileSync(join(folder, "topics.yaml"), catalogue.topics);
writeFileSync(join(folder, "site.yaml"), catalogue.site);
console.log(`${size} papers written to ${folder}`);
