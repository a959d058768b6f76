/**
 * The search index the browser loads (`/search-index.json`): a serialized Lunr index over every
 * paper, and the few fields a result shows, so that results are drawn without another request.
 */
import type { Paper } from "../content/paper.ts";
import { configurePipelines, lunr } from "./search-pipeline.ts";

/** The indexed fields, most weighty first: a match in a title counts most, in the id least. */
export const SEARCH_FIELDS = [
  { name: "title", boost: 10 },
  { name: "authors", boost: 6 },
  { name: "topics", boost: 4 },
  { name: "venue", boost: 3 },
  { name: "abstract", boost: 2 },
  { name: "id", boost: 1 },
] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number]["name"];

/** What a search result shows of a paper. */
export interface SearchDocument {
  /** arXiv id, the Lunr ref (`2105.15082`, `hep-th/9711200`). */
  id: string;
  /** Plain-text title, exactly as indexed, so Lunr's match positions index into it. */
  title: string;
  /** The paper's page, under the site's base path. */
  url: string;
  /** Year of first submission. */
  year: number;
  /** Author names, in order. */
  authors: string[];
  /** Names of the paper's topics. */
  topics: string[];
  /** Plain-text abstract (math as its text), exactly as indexed, for snippets. */
  abstract: string;
}

/** A search document but its abstract: what a split index draws a result from before its snippet. */
export type SearchCard = Omit<SearchDocument, "abstract">;

/** The JSON the browser loads. */
export interface SerializedSearchIndex {
  /** `lunr.Index#toJSON()`; its search pipeline names the functions of `search-pipeline.ts`. */
  index: object;
  /** One per indexed paper, in catalogue order. */
  documents: SearchDocument[];
}

export interface SearchIndexOptions {
  /** The URL of a paper's page, from its slug (`urls.paper`). */
  paperUrl: (slug: string) => string;
  /** The names of a paper's topics, searched and shown. */
  topicsOf: (paper: Paper) => readonly string[];
}

/** What a result shows of each paper, in catalogue order. */
export function searchDocuments(papers: readonly Paper[], options: SearchIndexOptions): SearchDocument[] {
  return papers.map((paper) => ({
    id: paper.id,
    title: paper.title.text,
    url: options.paperUrl(paper.slug),
    year: paper.year,
    authors: paper.authors.map((author) => author.name),
    topics: [...options.topicsOf(paper)],
    abstract: paper.abstract.text,
  }));
}

/** The text Lunr indexes in each field of a paper, given its search document. */
export function indexedText(document: SearchDocument, paper: Paper): Record<SearchField, string> {
  return {
    title: document.title,
    authors: document.authors.join(", "),
    topics: document.topics.join(", "),
    venue: paper.venue ?? "",
    abstract: document.abstract,
    id: document.id,
  };
}

/**
 * Builds the serialized index over every paper's plain-text title and abstract (math as text,
 * never markup), authors, topics, venue and id, keeping term positions for highlighting.
 */
export function buildSearchIndex(papers: readonly Paper[], options: SearchIndexOptions): SerializedSearchIndex {
  const documents = searchDocuments(papers, options);
  const index = lunr(function () {
    configurePipelines(this);
    this.ref("id");
    this.metadataWhitelist = ["position"];
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    documents.forEach((document, i) => this.add(indexedText(document, papers[i]!)));
  });
  return { index: index.toJSON(), documents };
}

/** A loaded index and its documents by ref. */
export interface LoadedSearchIndex {
  index: lunr.Index;
  documents: Map<string, SearchDocument>;
}

/** Loads the serialized index (this module registers the pipeline functions it names). */
export function loadSearchIndex(serialized: SerializedSearchIndex): LoadedSearchIndex {
  return {
    index: lunr.Index.load(serialized.index),
    documents: new Map(serialized.documents.map((document) => [document.id, document])),
  };
}
