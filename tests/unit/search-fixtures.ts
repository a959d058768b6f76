/** Catalogues and loaded search indexes for the search tests, built as the site builds them. */
import { buildCatalogue, type Paper } from "../../src/lib/catalogue.ts";
import {
  buildSearchIndex,
  loadSearchIndex,
  type LoadedSearchIndex,
  type SearchIndexOptions,
} from "../../src/lib/search-index.ts";
import { runQuery } from "../../src/lib/search-query.ts";
import { createUrls } from "../../src/lib/urls.ts";
import { readCatalogueInput } from "../../src/loaders/catalogue.ts";

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
