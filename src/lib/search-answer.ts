/**
 * What the search box draws for a query, from `/search-index.json` however it is stored: the
 * whole index in one file, queried at once, or a manifest whose parts are fetched as queries
 * need them. The browser (`src/scripts/search-engine.ts`) and `scripts/search-cost.ts` both
 * answer through here, so what is measured is what runs.
 */
import { highlightResult, type SearchHit } from "./search-highlight.ts";
import { isSearchManifest } from "./search-index-format.ts";
import { loadSearchIndex, type SerializedSearchIndex } from "./search-index.ts";
import { runQuery } from "./search-query.ts";
import { searchShardedIndex, ShardedSearchIndex, type PartLoader } from "./sharded-search-index.ts";

export interface SearchAnswer {
  /** How many papers match. */
  total: number;
  /** The best `limit` of them, highlighted. */
  hits: SearchHit[];
}

export interface SearchEngine {
  /** Rejects when a part of a split index cannot be fetched; a later call fetches it again. */
  search(text: string, limit: number): Promise<SearchAnswer>;
}

/** The search over the parsed `/search-index.json`; `load` fetches a split index's parts by name. */
export function searchEngine(entry: unknown, load: PartLoader): SearchEngine {
  if (isSearchManifest(entry)) {
    const index = new ShardedSearchIndex(entry, load);
    return {
      async search(text, limit) {
        const { total, hits } = await searchShardedIndex(index, text, limit);
        return { total, hits: hits.map(({ result, document }) => highlightResult(result, document)) };
      },
    };
  }
  const { index, documents } = loadSearchIndex(entry as SerializedSearchIndex);
  return {
    search(text, limit) {
      const results = runQuery(index, text, (ref) => documents.get(ref)?.title);
      const hits = results.slice(0, limit).map((result) => highlightResult(result, documents.get(result.ref)!));
      return Promise.resolve({ total: results.length, hits });
    },
  };
}
