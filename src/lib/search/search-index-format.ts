/**
 * How a search index too large for one file is split, as the build writes it and the browser
 * reads it. `/search-index.json` is then a manifest; the rest comes in parts fetched when a
 * query needs them, each at `urls.searchIndexPart(name)`:
 *
 * - `shards/<n>`: the terms from `manifest.shards[n]` (inclusive) to the next shard's boundary,
 *   each with Lunr's term index and, per field, the documents that have the term and the term's
 *   field-vector score in each. A query's scores depend on these numbers only. A term in many
 *   documents is split by impact: the shard holds the scores of the documents it weighs most in
 *   (its head), which documents the rest are (its tail) and the tail's highest scores; the
 *   tail's scores are in parts of their own.
 * - `tails/<n>/<chunk>`: the scores of some of one term's tail, by document number, fetched only
 *   for the documents whose scores are needed to settle which results come first and in which
 *   order: a query whose first results need a few documents' scores from a term in every paper
 *   fetches a few chunks of it, not all of it.
 * - `documents/<n>`: what a result shows of `documentsPerPart` documents but their abstracts, by
 *   document number: a result is drawn from it as soon as a query has settled.
 * - `abstracts/<n>`: the same documents' abstracts, for snippets, fetched for the results shown
 *   once the visitor stops typing: as a word is typed, each keystroke's results are drawn, and
 *   their abstracts were most of what it fetched.
 * - `terms`: every term, for the queries a shard's range cannot answer (fuzzy, inner wildcards).
 *
 * Every part carries the manifest's version, so a part fetched after the site was rebuilt is
 * told apart from the one the manifest describes.
 */
import type { SearchCard } from "./search-index.ts";

/** `/search-index.json` of a split index. */
export interface SearchManifest {
  /** Tells a manifest from an index in one file. */
  format: typeof MANIFEST_FORMAT;
  /** Differs whenever any part differs. */
  version: string;
  /** Lunr's fields, in index order (the order of each term's postings). */
  fields: string[];
  /** Labels of the search pipeline's functions, as `lunr.Pipeline.load` reads them. */
  pipeline: string[];
  /** Documents in the index, numbered from 0 in catalogue order. */
  documentCount: number;
  /** Documents per `documents/<n>` part. */
  documentsPerPart: number;
  /**
   * Where each shard begins, ascending: the first is empty, each other the shortest string that
   * sorts after the last term of the shard before and not after its own first term. A term is
   * in the last shard whose boundary it does not precede.
   */
  shards: string[];
}

export const MANIFEST_FORMAT = "lunr-shards-4";

/**
 * A term in a shard: `[term, lunrTermIndex, postings]` or `[term, lunrTermIndex, postings, tail]`.
 * Postings are one per field, each a flat list `[document, score, document, score, ...]` where
 * each document number after the first is the difference from the one before it and each score
 * is Lunr's field-vector score times 1000 (Lunr rounds scores to three decimals, so these are
 * integers and `score / 1000` gives Lunr's double). With a tail, the postings are the head's.
 */
export type ShardTerm =
  | [term: string, index: number, postings: number[][]]
  | [term: string, index: number, postings: number[][], tail: ShardTail];

/**
 * The rest of a term's documents: `[part, span, documents, highest, highestSum]`. `part` numbers
 * its `tails/<part>/<chunk>` parts, chunk `c` holding the scores of the tail's documents numbered
 * from `c * span` to `(c + 1) * span - 1` (a chunk with none is not written); `documents` is one
 * list per field of document numbers as differences (as in postings, without scores), `highest`
 * per field the greatest score among them (0 for a field with none), `highestSum` the greatest of
 * one document's scores added over the fields; scores times 1000.
 */
export type ShardTail = [part: number, span: number, documents: number[][], highest: number[], highestSum: number];

/** A part as fetched: the manifest's version and the part's data. */
export interface SearchIndexPart<T> {
  version: string;
  data: T;
}

export type ShardPart = SearchIndexPart<ShardTerm[]>;
export type DocumentsPart = SearchIndexPart<SearchCard[]>;
/** The abstracts of a documents part's documents, in its order. */
export type AbstractsPart = SearchIndexPart<string[]>;
/** Every term, ascending and front-coded (`frontCode` in `search-term-dictionary.ts`). */
export type TermsPart = SearchIndexPart<string>;
/** A chunk of a tail's scores (times 1000): per field, one for each of the chunk's documents in that field, in order. */
export type TailPart = SearchIndexPart<number[][]>;

export const shardPart = (shard: number): string => `shards/${shard}`;
export const documentsPart = (part: number): string => `documents/${part}`;
export const abstractsPart = (part: number): string => `abstracts/${part}`;
export const TERMS_PART = "terms";
export const tailPart = (tail: number, chunk: number): string => `tails/${tail}/${chunk}`;

/** True for the manifest of a split index, false for an index in one file. */
export function isSearchManifest(json: unknown): json is SearchManifest {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === MANIFEST_FORMAT;
}

/** Lunr's score from a shard's integer. */
export const decodeScore = (thousandths: number): number => thousandths / 1000;
