/**
 * A Lunr index split into parts (`search-index-format.ts`), queried in the browser: a query is
 * parsed as Lunr parses it, its terms are expanded against the shards that can hold them, those
 * shards are fetched (once), and Lunr's query steps run over the fetched postings
 * (`search-scoring.ts`).
 *
 * Why the results are the monolithic index's, score for score and in the same order: Lunr
 * scores a document by the dot product of the query vector with the document's field vectors,
 * divided by the query vector's magnitude only; the dot product reads the entries of the query's
 * own terms, and which documents match depends on those terms' postings only. For every term
 * the query expands to in the whole index, the shards hold the same postings, the same term
 * index and the same field-vector entries, so every sum is made of the same numbers in the same
 * order; expanding each clause against a token set of exactly those terms gives Lunr's
 * expansions in Lunr's order. Documents are numbered in catalogue order, which is the order of
 * Lunr's postings, so ties keep the same order too. A query made only of prohibited terms
 * matches every other document, each with a score of 0, in catalogue order.
 *
 * Results carry document numbers as refs; `documents` gives what results show but abstracts,
 * `abstracts` those. Match positions are not stored in shards (they would triple them):
 * `withPositions` finds them again in a document's title and abstract, as Lunr's builder found
 * them.
 */
import type { SearchCard } from "./search-index.ts";
import {
  abstractsPart,
  decodeScore,
  documentsPart,
  shardPart,
  tailPart,
  TERMS_PART,
  type AbstractsPart,
  type DocumentsPart,
  type SearchIndexPart,
  type SearchManifest,
  type ShardPart,
  type ShardTail,
  type TailPart,
  type TermsPart,
} from "./search-index-format.ts";
import { clausesOf, internals, runString, type Clause } from "./lunr-internals.ts";
import { indexTerms, lunr } from "./search-pipeline.ts";
import { matchesAny, scoreQuery, type ScoredQuery, type ScoringTerm } from "./search-scoring.ts";
import { promoteExactMatches, runQueryOnParts } from "./search-query.ts";
import { frontDecode, shardOf, shardsWithPrefix, termsWithPrefix } from "./search-term-dictionary.ts";
import { FACETS_PART, facetFilter, narrows, type SearchFacets, type SearchNarrowing } from "./search-facets.ts";

/** Fetches a part by name (`shards/3`) of the index whose manifest has this version, and gives its parsed JSON. */
export type PartLoader = (name: string, version: string) => Promise<unknown>;

interface Shard {
  /** Its terms, ascending. */
  terms: string[];
  byTerm: Map<string, ScoringTerm>;
}

/** A parsed query and each clause's terms after the search pipeline. */
interface PlannedQuery {
  query: lunr.Query;
  termsOf: Map<Clause, string[]>;
}

export class ShardedSearchIndex {
  readonly #manifest: SearchManifest;
  readonly #load: PartLoader;
  readonly #pipeline: lunr.Pipeline;
  readonly #shards = new Map<number, Promise<Shard>>();
  readonly #documents = new Map<number, Promise<SearchCard[]>>();
  readonly #abstracts = new Map<number, Promise<string[]>>();
  /** Chunks of tails fetched or being fetched, by part name. */
  readonly #tailChunks = new Map<string, Promise<TailPart["data"]>>();
  /** Where a term's tail is stored, for the terms that have one, and which of its chunks are filled in. */
  readonly #tailOf = new WeakMap<ScoringTerm, { part: number; span: number; filled: Set<number> }>();
  #dictionary: Promise<lunr.TokenSet> | null = null;
  #facetsPart: Promise<SearchFacets> | null = null;

  constructor(manifest: SearchManifest, load: PartLoader) {
    this.#manifest = manifest;
    this.#load = load;
    this.#pipeline = lunr.Pipeline.load(manifest.pipeline);
  }

  /**
   * `lunr.Index#search` over the whole index, fetching first the shards the query needs: how
   * many documents match, and the first `limit` results. Refs are document numbers. Throws
   * Lunr's `QueryParseError` for a query Lunr cannot parse.
   */
  async search(queryText: string, limit = Infinity, narrowing?: SearchNarrowing): Promise<ScoredQuery> {
    const planned = this.#plan(queryText);
    const [terms, keep] = await Promise.all([
      this.#expand(planned),
      narrows(narrowing) ? this.#facets().then((facets) => facetFilter(facets, narrowing)) : undefined,
    ]);
    const index = { fields: this.#manifest.fields, documentCount: this.#manifest.documentCount, terms };
    const termsOf = (clause: Clause) => planned.termsOf.get(clause)!;
    let scored = scoreQuery(planned.query, termsOf, index, limit, keep);
    // The heads could not settle the first results: some documents' scores in tails are needed.
    // Once they are known the results are settled (`search-scoring.ts`): a second round would be a bug.
    for (let round = 0; !scored.results; round++) {
      if (round === 1) throw new Error(`the search index's tails did not settle "${queryText}"`);
      await Promise.all(scored.needed.map(({ term, documents }) => this.#tailScores(term, documents)));
      scored = scoreQuery(planned.query, termsOf, index, limit, keep);
    }
    return { total: scored.total, results: scored.results };
  }

  /** Whether any document matches the query (`search(...).total > 0`), fetching the shards it needs. */
  async matchesAny(queryText: string): Promise<boolean> {
    const planned = this.#plan(queryText);
    const terms = await this.#expand(planned);
    const index = { fields: this.#manifest.fields, documentCount: this.#manifest.documentCount, terms };
    return matchesAny(planned.query, (clause) => planned.termsOf.get(clause)!, index);
  }

  /** Every document (in the narrowing), in index order: how many, and the numbers of the first `limit`. */
  async every(limit: number, narrowing?: SearchNarrowing): Promise<{ total: number; numbers: number[] }> {
    const keep = narrows(narrowing) ? facetFilter(await this.#facets(), narrowing) : () => true;
    const numbers: number[] = [];
    let total = 0;
    for (let n = 0; n < this.#manifest.documentCount; n++) if (keep(n) && total++ < limit) numbers.push(n);
    return { total, numbers };
  }

  /** Each document's year and topics, fetched the first time a search is narrowed. */
  #facets(): Promise<SearchFacets> {
    this.#facetsPart ??= this.#part<SearchFacets>(FACETS_PART);
    this.#facetsPart.catch(() => (this.#facetsPart = null));
    return this.#facetsPart;
  }

  /** What results show of these documents but their abstracts, in the order asked. */
  documents(numbers: readonly number[]): Promise<SearchCard[]> {
    return this.#byDocument(numbers, (n) =>
      this.#cached(this.#documents, n, () => this.#part<DocumentsPart["data"]>(documentsPart(n))),
    );
  }

  /** These documents' abstracts, in the order asked. */
  abstracts(numbers: readonly number[]): Promise<string[]> {
    return this.#byDocument(numbers, (n) =>
      this.#cached(this.#abstracts, n, () => this.#part<AbstractsPart["data"]>(abstractsPart(n))),
    );
  }

  /** Each document's entry in the parts of `documentsPerPart` documents that `part(n)` fetches. */
  async #byDocument<T>(numbers: readonly number[], part: (n: number) => Promise<T[]>): Promise<T[]> {
    const perPart = this.#manifest.documentsPerPart;
    const parts = await Promise.all(numbers.map((n) => part(Math.floor(n / perPart))));
    return numbers.map((n, i) => {
      const entry = parts[i]![n % perPart];
      if (entry === undefined) throw new Error(`the search index has no document ${n}`);
      return entry;
    });
  }

  /** The query parsed as `lunr.Index#search` parses it, each clause's terms through the pipeline as `lunr.Index#query` runs it. */
  #plan(queryText: string): PlannedQuery {
    const query = new lunr.Query(this.#manifest.fields);
    new internals.QueryParser(queryText, query).parse();
    const termsOf = new Map<Clause, string[]>();
    for (const clause of clausesOf(query))
      termsOf.set(
        clause,
        clause.usePipeline ? runString(this.#pipeline, clause.term, { fields: clause.fields }) : [clause.term],
      );
    return { query, termsOf };
  }

  /**
   * Every term the query expands to in the whole index, as `lunr.Index#query` expands them:
   * each clause's term through the search pipeline (unless it has a wildcard), then matched
   * exactly, as a prefix (a trailing `*`), or, for fuzzy terms and other wildcards, against
   * every term.
   */
  async #expand({ termsOf }: PlannedQuery): Promise<Map<string, ScoringTerm>> {
    const exact = new Set<string>();
    const prefixes = new Set<string>();
    const others: lunr.Query.Clause[] = [];
    for (const [clause, terms] of termsOf) {
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
    const found = new Map<string, ScoringTerm>();
    // An index of no terms (a catalogue without papers) has no shard to look in.
    if (boundaries.length === 0) return found;
    const wanted = new Set<number>();
    for (const term of exact) wanted.add(shardOf(boundaries, term));
    for (const prefix of prefixes) {
      const [from, to] = shardsWithPrefix(boundaries, prefix);
      for (let shard = from; shard <= to; shard++) wanted.add(shard);
    }
    const shards = new Map<number, Shard>();
    await Promise.all([...wanted].map(async (n) => shards.set(n, await this.#shard(n))));

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

  #shard(n: number): Promise<Shard> {
    return this.#cached(this.#shards, n, async () => {
      const terms = await this.#part<ShardPart["data"]>(shardPart(n));
      const byTerm = new Map<string, ScoringTerm>();
      for (const [term, index, postings, tail] of terms) byTerm.set(term, this.#decode(index, postings, tail));
      return { terms: terms.map(([term]) => term), byTerm };
    });
  }

  /**
   * A shard's term as scoring reads it. A term with a tail has every document of its head and
   * its tail, in order, the tail's scores unknown (NaN) until `#tail` fetches them.
   */
  #decode(index: number, postings: number[][], tail?: ShardTail): ScoringTerm {
    const documents: Int32Array[] = [];
    const scores: Float64Array[] = [];
    const tailAt: Int32Array[] = [];
    for (let f = 0; f < this.#manifest.fields.length; f++) {
      const flat = postings[f] ?? [];
      const rest = tail?.[2][f] ?? [];
      const numbers = new Int32Array(flat.length / 2 + rest.length);
      const values = new Float64Array(numbers.length);
      const at = new Int32Array(rest.length);
      let head = 0;
      let headDocument = flat.length > 0 ? flat[0]! : Infinity;
      let tailDocument = rest.length > 0 ? rest[0]! : Infinity;
      for (let i = 0, t = 0; i < numbers.length; i++) {
        if (headDocument < tailDocument) {
          numbers[i] = headDocument;
          values[i] = decodeScore(flat[head + 1]!);
          head += 2;
          headDocument = head < flat.length ? headDocument + flat[head]! : Infinity;
        } else {
          numbers[i] = tailDocument;
          values[i] = NaN;
          at[t++] = i;
          tailDocument = t < rest.length ? tailDocument + rest[t]! : Infinity;
        }
      }
      documents.push(numbers);
      scores.push(values);
      tailAt.push(at);
    }
    if (!tail) return { index, documents, scores };
    const [part, span, , highest, highestSum] = tail;
    const term: ScoringTerm = {
      index,
      documents,
      scores,
      tail: { highest: highest.map(decodeScore), highestSum: decodeScore(highestSum), at: tailAt },
    };
    this.#tailOf.set(term, { part, span, filled: new Set() });
    return term;
  }

  /**
   * Fetches the chunks of a term's tail that hold these documents' scores (each once) and fills
   * in the scores of those not filled yet, in one pass over the tail.
   */
  async #tailScores(term: ScoringTerm, documents: readonly number[]): Promise<void> {
    const { part, span, filled } = this.#tailOf.get(term)!;
    const chunks = [...new Set(documents.map((document) => Math.floor(document / span)))];
    const parts = await Promise.all(
      chunks.map((chunk) => {
        const name = tailPart(part, chunk);
        return this.#cached(this.#tailChunks, name, () => this.#part<TailPart["data"]>(name));
      }),
    );
    const fresh = new Map<number, { scores: TailPart["data"]; taken: number[] }>();
    chunks.forEach((chunk, c) => {
      if (!term.tail || filled.has(chunk)) return;
      filled.add(chunk);
      fresh.set(chunk, { scores: parts[c]!, taken: parts[c]!.map(() => 0) });
    });
    if (fresh.size > 0) this.#fill(term, span, fresh);
  }

  /**
   * Tail chunks' scores into the term's scores; the positions filled leave `tail.at`, and the
   * tail goes when none is left.
   */
  #fill(term: ScoringTerm, span: number, chunks: Map<number, { scores: TailPart["data"]; taken: number[] }>): void {
    const tail = term.tail!;
    const at = tail.at.map((positions, f) => {
      const documents = term.documents[f]!;
      const scores = term.scores[f]!;
      const rest = new Int32Array(positions.length);
      let kept = 0;
      for (const i of positions) {
        const chunk = chunks.get(Math.floor(documents[i]! / span));
        if (chunk) scores[i] = decodeScore(chunk.scores[f]![chunk.taken[f]!++]!);
        else rest[kept++] = i;
      }
      return rest.slice(0, kept);
    });
    for (const { scores, taken } of chunks.values())
      if (scores.some((field, f) => field.length !== taken[f]))
        throw new Error("a tail chunk of the search index does not match its shard");
    term.tail = at.some((positions) => positions.length > 0) ? { ...tail, at } : undefined;
  }

  #terms(): Promise<lunr.TokenSet> {
    this.#dictionary ??= this.#part<TermsPart["data"]>(TERMS_PART).then((coded) =>
      internals.TokenSet.fromArray(frontDecode(coded)),
    );
    this.#dictionary.catch(() => (this.#dictionary = null));
    return this.#dictionary;
  }

  /** A part's data, checked to belong to this index. */
  async #part<T>(name: string): Promise<T> {
    const part = (await this.#load(name, this.#manifest.version)) as SearchIndexPart<T>;
    if (part?.version !== this.#manifest.version)
      throw new Error(`${name} of the search index is from another build than its manifest; reload the page`);
    return part.data;
  }

  /** A part fetched once; fetched again after a failure. */
  #cached<K, T>(cache: Map<K, Promise<T>>, n: K, fetch: () => Promise<T>): Promise<T> {
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

/** A token's terms through the index pipeline, as documents were indexed. */
const termsOfToken = indexTerms();

/**
 * Where each term occurs in a text, as Lunr's builder records it: the text lowercased and cut
 * where `lunr.tokenizer` cuts it (at runs of its separator, whitespace and hyphens), each token
 * through the index pipeline, positions `[start, length]` in token order.
 */
export function termPositions(text: string): TermPositions {
  const positions: TermPositions = new Map();
  const lower = text.toLowerCase();
  const separators = new RegExp(lunr.tokenizer.separator.source, "g");
  for (let start = 0; ;) {
    const match = separators.exec(lower);
    const end = match ? match.index : lower.length;
    if (end > start)
      for (const term of termsOfToken(lower.slice(start, end))) {
        const list = positions.get(term);
        if (list) list.push([start, end - start]);
        else positions.set(term, [[start, end - start]]);
      }
    if (!match) return positions;
    start = separators.lastIndex;
  }
}

/** A result of a split index with its document (but the abstract). */
export interface ShardedHit {
  /** Lunr's result, its ref the paper's id, its match data with positions in the title (and in the abstract, once `withAbstracts` has fetched it). */
  result: lunr.Index.Result;
  document: SearchCard;
  /** The document's number in the index. */
  number: number;
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
  narrowing?: SearchNarrowing,
): Promise<{ total: number; hits: ShardedHit[]; fuzzy: string[] }> {
  const { total, results: shown, fuzzy } = await runQueryOnParts(index, text, limit, narrowing);
  const numbers = shown.map((result) => Number(result.ref));
  const documents = await index.documents(numbers);
  const byId = new Map(documents.map((document, i) => [document.id, { document, number: numbers[i]! }]));
  const hits = promoteExactMatches(
    shown.map((result, i) => ({ ref: documents[i]!.id, score: result.score, matchData: result.matchData })),
    text,
    (id) => byId.get(id)?.document.title,
  ).map((result) => {
    const { document, number } = byId.get(result.ref)!;
    return { result: withPositions(result, document, "title", document.title), document, number };
  });
  return { total, hits, fuzzy };
}

/**
 * Fetches the hits' abstracts and adds to each result's match data its positions in the
 * abstract; gives the abstracts, in the hits' order.
 */
export async function withAbstracts(index: ShardedSearchIndex, hits: readonly ShardedHit[]): Promise<string[]> {
  const abstracts = await index.abstracts(hits.map((hit) => hit.number));
  hits.forEach(({ result, document }, i) => withPositions(result, document, "abstract", abstracts[i]!));
  return abstracts;
}

/** Fields whose match positions a result needs: those `highlightResult` marks. */
type PositionedField = "title" | "abstract";

/**
 * The result with the positions Lunr would have recorded for each matched term in one field of
 * the document, whose text is `text` (its match data is changed in place).
 */
function withPositions(
  result: lunr.Index.Result,
  document: SearchCard,
  field: PositionedField,
  text: string,
): lunr.Index.Result {
  const metadata = result.matchData.metadata as Record<string, Record<string, object>>;
  let positions: TermPositions | undefined;
  for (const [term, fields] of Object.entries(metadata)) {
    if (!fields[field]) continue;
    positions ??= positionsIn(document, field, text);
    // A new object each time: match data may share a term's metadata between results.
    fields[field] = { position: positions.get(term) ?? [] };
  }
  return result;
}

/** Term positions in the documents shown so far: as a query is typed, the same papers come back. */
const knownPositions = new WeakMap<SearchCard, Partial<Record<PositionedField, TermPositions>>>();

function positionsIn(document: SearchCard, field: PositionedField, text: string): TermPositions {
  let known = knownPositions.get(document);
  if (!known) knownPositions.set(document, (known = {}));
  return (known[field] ??= termPositions(text));
}
