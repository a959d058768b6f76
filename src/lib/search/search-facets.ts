/**
 * Narrowing search results by year and topic (`/search/?q=moe&year=2021&topic=sparse-experts`).
 * An index in one file has each paper's year and topics in its documents; a split index keeps
 * them in one more part, `facets`, fetched only when a search is narrowed, so that the results
 * and their number are those of the whole index narrowed, never of the results fetched so far.
 */
import type { SearchDocument } from "./search-index.ts";

/** What a search is narrowed to; a field left out does not narrow. */
export interface SearchNarrowing {
  /** Year of first submission. */
  year?: number | undefined;
  /** A topic, by its name as documents give it. */
  topic?: string | undefined;
}

/** Each document's year and topics, in document order. */
export interface SearchFacets {
  /** The documents' years, run-length coded: `[year, how many documents in a row]`. */
  years: [number, number][];
  /** Every topic name a document has. */
  topics: string[];
  /** Per document, its topics as indices into `topics`. */
  documentTopics: number[][];
}

/** The part of a split index that holds the facets. */
export const FACETS_PART = "facets";

/** The facets of documents, in their order. */
export function searchFacets(documents: readonly Pick<SearchDocument, "year" | "topics">[]): SearchFacets {
  const years: [number, number][] = [];
  const topics: string[] = [];
  const topicNumber = new Map<string, number>();
  const documentTopics = documents.map((document) => {
    const last = years.at(-1);
    if (last && last[0] === document.year) last[1]++;
    else years.push([document.year, 1]);
    return document.topics.map((name) => {
      let n = topicNumber.get(name);
      if (n === undefined) topicNumber.set(name, (n = topics.push(name) - 1));
      return n;
    });
  });
  return { years, topics, documentTopics };
}

/** True when a narrowing narrows anything. */
export function narrows(narrowing: SearchNarrowing | undefined): narrowing is SearchNarrowing {
  return narrowing !== undefined && (narrowing.year !== undefined || narrowing.topic !== undefined);
}

/** Whether a document (by number) is in the narrowing, by the facets. */
export function facetFilter(facets: SearchFacets, narrowing: SearchNarrowing): (document: number) => boolean {
  const year = new Int32Array(facets.documentTopics.length);
  let at = 0;
  for (const [value, count] of facets.years) year.fill(value, at, (at += count));
  const topic = narrowing.topic === undefined ? -1 : facets.topics.indexOf(narrowing.topic);
  return (document) =>
    (narrowing.year === undefined || year[document] === narrowing.year) &&
    (narrowing.topic === undefined || (topic >= 0 && facets.documentTopics[document]!.includes(topic)));
}

/** Whether a search document is in the narrowing. */
export function inNarrowing(document: Pick<SearchDocument, "year" | "topics">, narrowing: SearchNarrowing): boolean {
  return (
    (narrowing.year === undefined || document.year === narrowing.year) &&
    (narrowing.topic === undefined || document.topics.includes(narrowing.topic))
  );
}
