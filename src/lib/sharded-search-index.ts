/**
 * A Lunr index split into parts (`search-index-format.ts`), queried in the browser: a query's
 * terms are expanded against the shards that can hold them, those shards are fetched (once),
 * and Lunr's own search runs over an index of just the fetched terms.
 *
 * Why the results are the monolithic index's, score for score and in the same order: Lunr
 * scores a document by the dot product of the query vector with the document's field vectors,
 * divided by the query vector's magnitude only; the dot product reads the entries of the query's
 * own terms, and which documents match depends on those terms' postings only. The partial index
 * has, for every term the query expands to in the whole index, the same postings, the same term
 * index and the same field-vector entries, so every sum is made of the same numbers in the same
 * order; its token set is the expanded terms, so each clause expands to the same terms, visited
 * in the same order. Documents are numbered in catalogue order, which is the order of Lunr's
 * postings, so ties keep the same order too. A query made only of prohibited terms matches every
 * other document, each with a score of 0, in catalogue order: the partial index then lists
 * every document.
 *
 * Results carry document numbers as refs; `documents` gives what results show. Match positions
 * are not stored in shards (they would triple them): `withPositions` finds them again in a
 * document's title and abstract, as Lunr's builder found them.
 */
import type { SearchDocument } from "./search-index.ts";
import {
  decodeScore,
  documentsPart,
  shardPart,
  TERMS_PART,
  type DocumentsPart,
  type SearchIndexPart,
  type SearchManifest,
  type ShardPart,
  type TermsPart,
} from "./search-index-format.ts";
import { indexPipeline, lunr } from "./search-pipeline.ts";
import { promoteExactMatches, runQueryOnParts } from "./search-query.ts";
import { frontDecode, shardOf, shardsWithPrefix, termsWithPrefix } from "./search-term-dictionary.ts";

/** Lunr's parts that its type definitions leave out or type otherwise. */
interface LunrInternals {
  QueryParser: new (query: string, into: lunr.Query) => { parse(): lunr.Query };
  TokenSet: {
    fromArray(sortedTerms: readonly string[]): lunr.TokenSet;
    fromClause(clause: lunr.Query.Clause): lunr.TokenSet;
  };
  Index: new (attributes: {
    invertedIndex: Record<string, Posting>;
    fieldVectors: Record<string, lunr.Vector>;
    tokenSet: lunr.TokenSet;
    fields: string[];
    pipeline: lunr.Pipeline;
  }) => lunr.Index;
}
const internals = lunr as unknown as LunrInternals;
type RunString = (text: string, metadata: object) => string[];

/** Lunr's posting: the term index, and per field the documents with their (here empty) metadata. */
type Posting = Record<string, number | Record<string, object>>;

/** Fetches a part by name (`shards/3`) of the index whose manifest has this version, and gives its parsed JSON. */
export type PartLoader = (name: string, version: string) => Promise<unknown>;

/** A term as the partial index needs it, decoded once. */
interface Term {
  index: number;
  posting: Posting;
  /** Per field: document numbers and their field-vector scores. */
  documents: number[][];
  scores: number[][];
}

interface Shard {
  /** Its terms, ascending. */
  terms: string[];
  byTerm: Map<string, Term>;
}

/** Metadata of a posting: none is stored, and Lunr only copies it. */
const NO_METADATA = Object.freeze({});

export class ShardedSearchIndex {
  readonly #manifest: SearchManifest;
  readonly #load: PartLoader;
  readonly #pipeline: lunr.Pipeline;
  readonly #shards = new Map<number, Promise<Shard>>();
  readonly #documents = new Map<number, Promise<SearchDocument[]>>();
  #dictionary: Promise<lunr.TokenSet> | null = null;
  #everyDocument: Record<string, lunr.Vector> | null = null;

  constructor(manifest: SearchManifest, load: PartLoader) {
    this.#manifest = manifest;
    this.#load = load;
    this.#pipeline = lunr.Pipeline.load(manifest.pipeline);
  }

  /**
   * `lunr.Index#search` over the whole index, fetching first the shards the query needs. Refs
   * are document numbers. Throws Lunr's `QueryParseError` for a query Lunr cannot parse.
   */
  async search(queryText: string): Promise<lunr.Index.Result[]> {
    const query = this.#parse(queryText);
    const terms = await this.#expand(query);
    const sorted = [...terms.keys()].sort();
    const invertedIndex: Record<string, Posting> = Object.create(null) as Record<string, Posting>;
    for (const term of sorted) invertedIndex[term] = terms.get(term)!.posting;
    const negated = (query as lunr.Query & { isNegated(): boolean }).isNegated();
    const index = new internals.Index({
      invertedIndex,
      fieldVectors: negated ? this.#allDocuments() : this.#fieldVectors([...terms.values()]),
      tokenSet: internals.TokenSet.fromArray(sorted),
      fields: this.#manifest.fields,
      pipeline: this.#pipeline,
    });
    return index.search(queryText);
  }

  /** What results show of these documents, in the order asked. */
  async documents(numbers: readonly number[]): Promise<SearchDocument[]> {
    const perPart = this.#manifest.documentsPerPart;
    const parts = await Promise.all(numbers.map((n) => this.#documentsPart(Math.floor(n / perPart))));
    return numbers.map((n, i) => {
      const document = parts[i]![n % perPart];
      if (!document) throw new Error(`the search index has no document ${n}`);
      return document;
    });
  }

  #parse(queryText: string): lunr.Query {
    const query = new lunr.Query(this.#manifest.fields);
    new internals.QueryParser(queryText, query).parse();
    return query;
  }

  /**
   * Every term the query expands to in the whole index, as `lunr.Index#query` expands them:
   * each clause's term through the search pipeline (unless it has a wildcard), then matched
   * exactly, as a prefix (a trailing `*`), or, for fuzzy terms and other wildcards, against
   * every term.
   */
  async #expand(query: lunr.Query): Promise<Map<string, Term>> {
    const exact = new Set<string>();
    const prefixes = new Set<string>();
    const others: lunr.Query.Clause[] = [];
    for (const clause of query.clauses) {
      const terms = clause.usePipeline
        ? (this.#pipeline.runString as unknown as RunString).call(this.#pipeline, clause.term, {
            fields: clause.fields,
          })
        : [clause.term];
      for (const term of terms) {
        if ("editDistance" in clause || /\*[^*]/.test(term)) others.push({ ...clause, term });
        else if (term.endsWith("*")) prefixes.add(term.replace(/\*+$/, ""));
        else exact.add(term);
      }
    }
    if (others.length > 0) {
      const dictionary = await this.#terms();
      for (const clause of others)
        for (const term of dictionary.intersect(internals.TokenSet.fromClause(clause)).toArray()) exact.add(term);
    }

    const boundaries = this.#manifest.shards;
    const wanted = new Set<number>();
    for (const term of exact) wanted.add(shardOf(boundaries, term));
    for (const prefix of prefixes) {
      const [from, to] = shardsWithPrefix(boundaries, prefix);
      for (let shard = from; shard <= to; shard++) wanted.add(shard);
    }
    const shards = new Map<number, Shard>();
    await Promise.all([...wanted].map(async (n) => shards.set(n, await this.#shard(n))));

    const found = new Map<string, Term>();
    for (const term of exact) {
      const entry = shards.get(shardOf(boundaries, term))!.byTerm.get(term);
      if (entry) found.set(term, entry);
    }
    for (const prefix of prefixes) {
      const [from, to] = shardsWithPrefix(boundaries, prefix);
      for (let n = from; n <= to; n++) {
        const shard = shards.get(n)!;
        for (const term of termsWithPrefix(shard.terms, prefix)) found.set(term, shard.byTerm.get(term)!);
      }
    }
    return found;
  }

  /** The field vectors of the documents with any of these terms, holding these terms' entries only. */
  #fieldVectors(terms: Term[]): Record<string, lunr.Vector> {
    const fields = this.#manifest.fields;
    const elements = new Map<string, number[]>();
    // In ascending term index, so that each vector's elements come sorted, as lunr.Vector needs.
    for (const term of terms.sort((a, b) => a.index - b.index)) {
      fields.forEach((field, f) => {
        const documents = term.documents[f]!;
        const scores = term.scores[f]!;
        for (let i = 0; i < documents.length; i++) {
          const key = `${field}/${documents[i]}`;
          const list = elements.get(key);
          if (list) list.push(term.index, scores[i]!);
          else elements.set(key, [term.index, scores[i]!]);
        }
      });
    }
    const vectors: Record<string, lunr.Vector> = {};
    for (const [key, list] of elements) vectors[key] = new lunr.Vector(list);
    return vectors;
  }

  /** A field vector per document, in catalogue order: what a query of prohibited terms only goes through. */
  #allDocuments(): Record<string, lunr.Vector> {
    if (!this.#everyDocument) {
      const empty = new lunr.Vector([]);
      const field = this.#manifest.fields[0]!;
      this.#everyDocument = {};
      for (let n = 0; n < this.#manifest.documentCount; n++) this.#everyDocument[`${field}/${n}`] = empty;
    }
    return this.#everyDocument;
  }

  #shard(n: number): Promise<Shard> {
    return this.#cached(this.#shards, n, async () => {
      const terms = await this.#part<ShardPart["data"]>(shardPart(n));
      const byTerm = new Map<string, Term>();
      for (const [term, index, postings] of terms) byTerm.set(term, this.#decode(index, postings));
      return { terms: terms.map(([term]) => term), byTerm };
    });
  }

  #decode(index: number, postings: number[][]): Term {
    const posting: Posting = { _index: index };
    const documents: number[][] = [];
    const scores: number[][] = [];
    this.#manifest.fields.forEach((field, f) => {
      const flat = postings[f] ?? [];
      const fieldPosting: Record<string, object> = Object.create(null) as Record<string, object>;
      const numbers: number[] = [];
      const values: number[] = [];
      let document = 0;
      for (let i = 0; i < flat.length; i += 2) {
        document += flat[i]!;
        numbers.push(document);
        values.push(decodeScore(flat[i + 1]!));
        fieldPosting[document] = NO_METADATA;
      }
      posting[field] = fieldPosting;
      documents.push(numbers);
      scores.push(values);
    });
    return { index, posting, documents, scores };
  }

  #terms(): Promise<lunr.TokenSet> {
    this.#dictionary ??= this.#part<TermsPart["data"]>(TERMS_PART).then((coded) =>
      internals.TokenSet.fromArray(frontDecode(coded)),
    );
    this.#dictionary.catch(() => (this.#dictionary = null));
    return this.#dictionary;
  }

  #documentsPart(n: number): Promise<SearchDocument[]> {
    return this.#cached(this.#documents, n, () => this.#part<DocumentsPart["data"]>(documentsPart(n)));
  }

  /** A part's data, checked to belong to this index. */
  async #part<T>(name: string): Promise<T> {
    const part = (await this.#load(name, this.#manifest.version)) as SearchIndexPart<T>;
    if (part?.version !== this.#manifest.version)
      throw new Error(`${name} of the search index is from another build than its manifest; reload the page`);
    return part.data;
  }

  /** A part fetched once; fetched again after a failure. */
  #cached<T>(cache: Map<number, Promise<T>>, n: number, fetch: () => Promise<T>): Promise<T> {
    let promise = cache.get(n);
    if (!promise) {
      promise = fetch();
      cache.set(n, promise);
      promise.catch(() => cache.delete(n));
    }
    return promise;
  }
}

/** A match's positions (`[start, length]`), by term, in one field's text. */
export type TermPositions = Map<string, [number, number][]>;

/**
 * Where each term occurs in a text, as Lunr's builder records it: the text cut by
 * `lunr.tokenizer`, each token through the index pipeline, positions in token order.
 */
export function termPositions(text: string, pipeline: lunr.Pipeline = indexPipeline()): TermPositions {
  const positions: TermPositions = new Map();
  for (const token of pipeline.run(lunr.tokenizer(text))) {
    const term = token.toString();
    const position = (token as unknown as { metadata: { position: [number, number] } }).metadata.position;
    const list = positions.get(term);
    if (list) list.push(position);
    else positions.set(term, [position]);
  }
  return positions;
}

/** A result of a split index with its document. */
export interface ShardedHit {
  /** Lunr's result, its ref the paper's id, its match data with positions in the title and abstract. */
  result: lunr.Index.Result;
  document: SearchDocument;
}

/**
 * `runQuery` over a split index: how many papers match, and the first `limit` with what they
 * show, fetching only their documents. Of those, the paper whose id or exact title was typed
 * comes first, as `runQuery` ranks it; `runQuery` would also bring it up from below the first
 * `limit`, which needs every result's title (a Lunr score puts such a paper first or nearly).
 */
export async function searchShardedIndex(
  index: ShardedSearchIndex,
  text: string,
  limit: number,
): Promise<{ total: number; hits: ShardedHit[] }> {
  const results = await runQueryOnParts(index, text);
  const shown = results.slice(0, limit);
  const documents = await index.documents(shown.map((result) => Number(result.ref)));
  const byId = new Map(documents.map((document) => [document.id, document]));
  const pipeline = indexPipeline();
  const hits = promoteExactMatches(
    shown.map((result, i) => ({ ...result, ref: documents[i]!.id })),
    text,
    (id) => byId.get(id)?.title,
  ).map((result) => {
    const document = byId.get(result.ref)!;
    return { result: withPositions(result, document, pipeline), document };
  });
  return { total: results.length, hits };
}

/** Fields whose match positions a result needs: those `highlightResult` marks. */
const POSITIONED_FIELDS = ["title", "abstract"] as const;

/**
 * The result with the positions Lunr would have recorded for each matched term in the
 * document's title and abstract (its match data is changed in place).
 */
export function withPositions(
  result: lunr.Index.Result,
  document: SearchDocument,
  pipeline: lunr.Pipeline = indexPipeline(),
): lunr.Index.Result {
  const metadata = result.matchData.metadata as Record<string, Record<string, object>>;
  for (const field of POSITIONED_FIELDS) {
    let positions: TermPositions | undefined;
    for (const [term, fields] of Object.entries(metadata)) {
      if (!fields[field]) continue;
      positions ??= termPositions(document[field], pipeline);
      // A new object: Lunr shares a posting's metadata between results.
      fields[field] = { position: positions.get(term) ?? [] };
    }
  }
  return result;
}
