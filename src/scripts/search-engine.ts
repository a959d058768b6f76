/**
 * The search the search box loads on first use, in a chunk of its own with Lunr: it fetches the
 * index, loads it and answers queries with results ready to draw. Nothing here runs on page load.
 */
import { highlightResult, type SearchHit } from "../lib/search-highlight.ts";
import { loadSearchIndex, type SerializedSearchIndex } from "../lib/search-index.ts";
import { runQuery } from "../lib/search-query.ts";

export interface SearchAnswer {
  /** How many papers match. */
  total: number;
  /** The best `limit` of them, highlighted. */
  hits: SearchHit[];
}

export interface SearchEngine {
  search(text: string, limit: number): SearchAnswer;
}

/** Fetches and loads the index at `indexUrl`; rejects when it cannot be fetched or read. */
export async function openSearchEngine(indexUrl: string): Promise<SearchEngine> {
  const response = await fetch(indexUrl);
  if (!response.ok) throw new Error(`${indexUrl} answered ${response.status}`);
  const { index, documents } = loadSearchIndex((await response.json()) as SerializedSearchIndex);
  return {
    search(text, limit) {
      const results = runQuery(index, text, (ref) => documents.get(ref)?.title);
      const hits = results.slice(0, limit).map((result) => highlightResult(result, documents.get(result.ref)!));
      return { total: results.length, hits };
    },
  };
}
