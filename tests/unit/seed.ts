/** The seed catalogue built from content/, as the site builds it, for tests of what is derived from it. */
import { readFileSync } from "node:fs";
import { buildCatalogue } from "../../src/lib/catalogue.ts";

const read = (file: string) => ({ file, source: readFileSync(new URL(`../../${file}`, import.meta.url), "utf8") });

export const seed = buildCatalogue({
  dumps: [read("content/abstracts.txt")],
  metadata: read("content/papers.yaml"),
  topics: read("content/topics.yaml"),
});
