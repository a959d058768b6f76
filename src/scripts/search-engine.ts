/**
 * The search the search box loads on first use, in a chunk of its own with Lunr: it fetches
 * `/search-index.json` and answers queries with results ready to draw, fetching the parts of a
 * split index as queries need them. Nothing here runs on page load.
 */
import { searchEngine, type SearchEngine } from "../lib/search/search-answer.ts";
import { urls } from "../site-urls.ts";

export type { SearchAnswer, SearchEngine, SearchNarrowing } from "../lib/search/search-answer.ts";

async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/**
 * Fetches the index at `indexUrl` and opens it; rejects when it cannot be fetched or read.
 * A split index's manifest is revalidated on every load, its parts are named by version, so a
 * cached part of an earlier build is never read with a newer manifest.
 */
export async function openSearchEngine(indexUrl: string): Promise<SearchEngine> {
  const entry = await fetchJson(indexUrl, { cache: "no-cache" });
  return searchEngine(entry, (name, version) => fetchJson(urls.searchIndexPart(name, version)));
}
