/** Papers for unit tests, made the way the catalogue makes them. */
import { toPaper } from "../../src/lib/content/catalogue.ts";
import type { DumpRecord } from "../../src/lib/content/dump-parser.ts";
import type { PaperMetadata } from "../../src/lib/content/paper-metadata.ts";
import type { Paper } from "../../src/lib/content/paper.ts";
import { slugify } from "../../src/lib/text/slug.ts";
import { seed } from "./seed.ts";

/** One paper from its id, its papers.yaml fields, and optionally its dump record's fields. */
export function makePaper(id: string, metadata: PaperMetadata = {}, record: Partial<DumpRecord> = {}): Paper {
  const merged = toPaper(
    {
      id,
      version: null,
      abstract: "An abstract.",
      comments: null,
      file: "test.txt",
      line: 1,
      markerLine: 2,
      ...record,
    },
    metadata,
  );
  return {
    ...merged,
    topics: metadata.topics ?? [],
    authors: merged.authors.map((author) => ({ ...author, slug: slugify(author.name) })),
  };
}

/** The seed catalogue's 10 papers, newest first. */
export const seedPapers: Paper[] = seed.papers;

/** A seed paper by id. */
export function seedPaper(id: string): Paper {
  const paper = seedPapers.find((p) => p.id === id);
  if (!paper) throw new Error(`no seed paper ${id}`);
  return paper;
}
