/**
 * What the search box draws for a query, from `/search-index.json` however it is stored: the
 * whole index in one file, queried at once, or a manifest whose parts are fetched as queries
 * need them. The browser (`src/scripts/search-engine.ts`) and `scripts/search-cost.ts` both
 * answer through here, so what is measured is what runs.
 */
import {
  abstractSnippet,
  highlightCard,
  highlightResult,
  type SearchHit,
  type TextSegment,
} from "./search-highlight.ts";
import { isSearchManifest } from "./search-index-format.ts";
import { loadSearchIndex, type SerializedSearchIndex } from "./search-index.ts";
import { lunr } from "./search-pipeline.ts";
import { answerQuery } from "./search-query.ts";
import { inNarrowing, narrows, type SearchNarrowing } from "./search-facets.ts";
import {
  searchShardedIndex,
  ShardedSearchIndex,
  withAbstracts,
  type PartLoader,
  type ShardedHit,
} from "./sharded-search-index.ts";

export interface SearchAnswer {
  /** How many papers match. */
  total: number;
  /** The best `limit` of them, highlighted. */
  hits: SearchHit[];
  /** Words no paper has, searched within one edit instead (a typo: `mutlimodal`). */
  fuzzy: string[];
  /**
   * For hits drawn without their snippets (a split index keeps abstracts apart): fetches the
   * abstracts and gives each hit's snippet, in order. The box asks once typing pauses: as a word
   * is typed each keystroke's results are drawn, and their abstracts were most of what it fetched.
   */
  snippets?: () => Promise<TextSegment[][]>;
}

export type { SearchNarrowing };

export interface SearchEngine {
  /** Rejects when a part of a split index cannot be fetched; a later call fetches it again. */
  search(text: string, limit: number, narrowing?: SearchNarrowing): Promise<SearchAnswer>;
}

/** The search over the parsed `/search-index.json`; `load` fetches a split index's parts by name. */
export function searchEngine(entry: unknown, load: PartLoader): SearchEngine {
  if (isSearchManifest(entry)) {
    const index = new ShardedSearchIndex(entry, load);
    return {
      async search(text, limit, narrowing) {
        let answer: { total: number; hits: ShardedHit[]; fuzzy: string[] };
        if (everyPaper(text)) {
          const { total, numbers } = await index.every(limit, narrowing);
          const documents = await index.documents(numbers);
          const hits = documents.map((document, i) => ({
            result: unmatched(document.id),
            document,
            number: numbers[i]!,
          }));
          answer = { total, hits, fuzzy: [] };
        } else answer = await searchShardedIndex(index, text, limit, narrowing);
        const { total, hits, fuzzy } = answer;
        return {
          total,
          hits: hits.map(({ result, document }) => highlightCard(result, document)),
          fuzzy,
          snippets: async () => {
            const abstracts = await withAbstracts(index, hits);
            return hits.map(({ result }, i) => abstractSnippet(result, abstracts[i]!));
          },
        };
      },
    };
  }
  const { index, documents } = loadSearchIndex(entry as SerializedSearchIndex);
  return {
    search(text, limit, narrowing) {
      const keep = narrows(narrowing) ? (ref: string) => inNarrowing(documents.get(ref)!, narrowing) : undefined;
      if (everyPaper(text)) {
        const refs = [...documents.keys()].filter((ref) => !keep || keep(ref));
        const hits = refs.slice(0, limit).map((ref) => highlightResult(unmatched(ref), documents.get(ref)!));
        return Promise.resolve({ total: refs.length, hits, fuzzy: [] });
      }
      const { results, fuzzy } = answerQuery(index, text, (ref) => documents.get(ref)?.title, keep);
      const hits = results.slice(0, limit).map((result) => highlightResult(result, documents.get(result.ref)!));
      return Promise.resolve({ total: results.length, hits, fuzzy });
    },
  };
}

/**
 * A lone `*` asks for every paper: listed newest first, as the catalogue lists them, without
 * Lunr expanding the wildcard to every term of the index (seconds for a few hundred papers).
 */
function everyPaper(text: string): boolean {
  return text.trim() === "*";
}

/** A result that matched no term: nothing is marked. */
function unmatched(ref: string): lunr.Index.Result {
  // Lunr's MatchData takes its first match optionally (`if (term)`), though its types ask for one.
  const EmptyMatchData = lunr.MatchData as unknown as new () => lunr.MatchData;
  return { ref, score: 0, matchData: new EmptyMatchData() };
}
