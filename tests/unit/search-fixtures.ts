/** Catalogues and loaded search indexes for the search tests, built as the site builds them. */
import { buildCatalogue, type Paper } from "../../src/lib/content/catalogue.ts";
import {
  buildSearchIndex,
  loadSearchIndex,
  type LoadedSearchIndex,
  type SearchIndexOptions,
} from "../../src/lib/search/search-index.ts";
import { runQuery } from "../../src/lib/search/search-query.ts";
import { syntheticCatalogue } from "../../scripts/synthetic-catalogue.ts";
import { createUrls } from "../../src/lib/browsing/urls.ts";
import { readCatalogueInput } from "../../src/loaders/catalogue-loaders.ts";

/** The papers of a content folder (`content`, `tests/fixtures/search`). */
export function papersOf(folder: string): Paper[] {
  return buildCatalogue(readCatalogueInput(folder)).papers;
}

/** The index of those papers, serialized to JSON and loaded back, as the browser gets it. */
export function loadedIndex(papers: readonly Paper[], options: Partial<SearchIndexOptions> = {}): LoadedSearchIndex {
  const built = buildSearchIndex(papers, { paperUrl: createUrls("/").paper, topicsOf: () => [], ...options });
  return loadSearchIndex(JSON.parse(JSON.stringify(built)));
}

/** The refs a query returns, best first. */
export function refs({ index, documents }: LoadedSearchIndex, text: string): string[] {
  return runQuery(index, text, (ref) => documents.get(ref)?.title).map((result) => result.ref);
}

/** A synthetic catalogue of `size` papers (`scripts/synthetic-catalogue.ts`), its topics named. */
export function syntheticPapers(size: number): { papers: Paper[]; options: SearchIndexOptions } {
  const generated = syntheticCatalogue(size);
  const catalogue = buildCatalogue({
    dumps: [{ file: "abstracts.txt", source: generated.abstracts }],
    metadata: { file: "papers.yaml", source: generated.papers },
    topics: { file: "topics.yaml", source: generated.topics },
  });
  const names = new Map(catalogue.topics.map((topic) => [topic.slug, topic.name]));
  return {
    papers: catalogue.papers,
    options: { paperUrl: createUrls("/").paper, topicsOf: (paper) => paper.topics.map((slug) => names.get(slug)!) },
  };
}
