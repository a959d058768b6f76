/**
 * `lunr.Index#query` (Lunr 2.3.9) over postings held in arrays, for the terms a query needs.
 * Lunr's own method builds an object per matching document and field and walks each document's
 * whole field vector; over thousands of documents that takes tens of milliseconds, over
 * postings in arrays a few. The steps, the order of every sum and the order of results are
 * Lunr's (`tests/unit/sharded-search-index.test.ts` compares them with Lunr's on hundreds of
 * queries):
 *
 * - clauses in order; each clause's terms through the pipeline; each term expanded by
 *   intersecting token sets, as Lunr does, so expansions come in Lunr's order;
 * - a query vector per field, each expanded term's boost added at its term index;
 * - matching (field, document) pairs in the order Lunr first meets them, which orders results
 *   that tie;
 * - a pair's score: the dot product of the field's query vector with the document's field
 *   vector, summed in ascending term index, divided by the query vector's magnitude; a
 *   document's score: its pairs' scores added in that order; results sorted by score with
 *   JavaScript's stable sort, as Lunr sorts them.
 *
 * Match data (which term matched in which field) is made when a result's is first read: a
 * query shows a few of its thousands of results.
 *
 * A term may come with some of its scores unknown (its tail, not fetched), but with every
 * document that has it and the highest of the unknown scores. Which documents match, and how
 * many, are then known; a document with an unknown score has a known part and a bound. When no
 * document whose bound could reach the first `limit` has an unknown score, those results are
 * Lunr's, in Lunr's order; otherwise scoring says which documents' scores it needs, of which
 * terms: those whose bound reaches the `limit`-th highest known part. Once those are known,
 * every document still with an unknown score has a bound below `limit` documents' scores, and
 * the results are settled.
 */
import { clausesOf, internals, isNegated, type Clause } from "./lunr-internals.ts";
import { lunr } from "./search-pipeline.ts";

/** A term's postings: per field, the documents with the term, ascending, and its field-vector score in each. */
export interface ScoringTerm {
  /** Lunr's term index, which orders vector elements. */
  index: number;
  documents: readonly Int32Array[];
  /** NaN where a score is not known yet (its tail's). */
  scores: readonly Float64Array[];
  /**
   * While some scores are unknown: per field the highest of them, the highest of their sums over
   * the fields for one document, and where they are in `scores` (per field, ascending).
   */
  tail?: { highest: readonly number[]; highestSum: number; at: readonly Int32Array[] } | undefined;
}

/** The index a query is scored against. */
export interface ScoringIndex {
  fields: readonly string[];
  documentCount: number;
  /** Every term the query expands to in the whole index (more do no harm). */
  terms: ReadonlyMap<string, ScoringTerm>;
}

/** A set of documents as Lunr's `lunr.Set`: every document, or those marked. */
type DocumentSet = "all" | Uint8Array;

/** A (term, field) pair that matched, in the order Lunr met it: it makes results' match data. */
interface MatchedPair {
  term: string;
  field: number;
  documents: Int32Array;
}

/** How many documents match, and the first `limit` in Lunr's order. */
export interface ScoredQuery {
  total: number;
  results: lunr.Index.Result[];
}

/** Documents whose score for a term is unknown and needed. */
export interface NeededScores {
  term: ScoringTerm;
  /** Ascending. */
  documents: number[];
}

/** A scored query, or how many documents match and the unknown scores that decide the first results. */
export type Scoring = ScoredQuery | { total: number; results: null; needed: NeededScores[] };

/**
 * How far above its computed bound a document's score may come from adding the same numbers in
 * another order: the bound is raised by this share, so that it is never below the score.
 */
const BOUND_MARGIN = 1e-9;

/**
 * Scores a parsed query as `lunr.Index#query` would over the whole index, giving the first
 * `limit` results. `termsOf(clause)` gives a clause's terms after the search pipeline (Lunr runs
 * it on every clause that uses it). Refs are document numbers.
 */
export function scoreQuery(
  query: lunr.Query,
  termsOf: (clause: Clause) => string[],
  index: ScoringIndex,
  limit = Infinity,
  keep?: (document: number) => boolean,
): Scoring {
  const space = workspaceFor(index.documentCount, index.fields.length);
  try {
    return scoreIn(space, query, termsOf, index, limit, keep);
  } finally {
    space.clear();
  }
}

function scoreIn(
  space: Workspace,
  query: lunr.Query,
  termsOf: (clause: Clause) => string[],
  index: ScoringIndex,
  limit: number,
  keep: ((document: number) => boolean) | undefined,
): Scoring {
  const { fields, documentCount, terms } = index;
  const fieldCount = fields.length;
  const fieldNumber = new Map(fields.map((field, f) => [field, f]));
  const tokenSet = internals.TokenSet.fromArray([...terms.keys()].sort());
  const byIndex = new Map([...terms.values()].map((term) => [term.index, term]));
  const { empty, seen, matching, sums, scores, counted, order } = space;

  const queryVectors = fields.map(() => new lunr.Vector([]));
  const pairs: MatchedPair[] = [];
  const pairSeen = new Set<string>();
  const required: (DocumentSet | undefined)[] = fields.map(() => undefined);
  const prohibited: (DocumentSet | undefined)[] = fields.map(() => undefined);

  for (const clause of clausesOf(query)) {
    const clauseFields = clause.fields.map((field) => fieldNumber.get(field)!);
    let clauseMatches: DocumentSet = empty;
    for (const term of termsOf(clause)) {
      const expanded = tokenSet.intersect(internals.TokenSet.fromClause({ ...clause, term })).toArray();
      if (expanded.length === 0 && clause.presence === lunr.Query.presence.REQUIRED) {
        for (const f of clauseFields) required[f] = empty;
        break;
      }
      for (const name of expanded) {
        const entry = terms.get(name)!;
        for (const f of clauseFields) {
          const documents = entry.documents[f]!;
          if (clause.presence === lunr.Query.presence.REQUIRED) {
            clauseMatches = union(clauseMatches, documents);
            required[f] ??= "all";
          }
          if (clause.presence === lunr.Query.presence.PROHIBITED) {
            prohibited[f] = union(prohibited[f] ?? empty, documents);
            continue;
          }
          queryVectors[f]!.upsert(entry.index, clause.boost, (a, b) => a + b);
          const pair = `${name}/${f}`;
          if (pairSeen.has(pair)) continue;
          pairSeen.add(pair);
          pairs.push({ term: name, field: f, documents });
          for (const document of documents) {
            const key = document * fieldCount + f;
            if (!seen[key]) {
              seen[key] = 1;
              matching.add(key);
            }
          }
        }
      }
    }
    if (clause.presence === lunr.Query.presence.REQUIRED)
      for (const f of clauseFields) {
        const sofar = required[f];
        // Lunr throws here too: a required term the pipeline removed leaves the field's set unmade.
        if (sofar === undefined) throw new TypeError("Cannot read properties of undefined (reading 'intersect')");
        required[f] = intersect(sofar, clauseMatches);
      }
  }

  let allRequired: DocumentSet = "all";
  let allProhibited: DocumentSet = empty;
  for (let f = 0; f < fieldCount; f++) {
    const fieldRequired = required[f];
    const fieldProhibited = prohibited[f];
    if (fieldRequired) allRequired = intersect(allRequired, fieldRequired);
    if (fieldProhibited) allProhibited = union(allProhibited, fieldProhibited);
  }

  // A query of prohibited terms only: Lunr scores every (document, field) of the index, in the order it indexed them.
  const pairsToScore = isNegated(query)
    ? Int32Array.from({ length: documentCount * fieldCount }, (_, key) => key)
    : matching.values();

  // Only how many: every matching document counted once, no score made (`matchesAny` asks
  // this of a query with required or prohibited terms).
  if (limit === 0) {
    for (const key of pairsToScore) {
      const document = Math.floor(key / fieldCount);
      if (counted[document] || !contains(allRequired, document) || contains(allProhibited, document)) continue;
      if (keep && !keep(document)) continue;
      counted[document] = 1;
      order.add(document);
    }
    return { total: order.length, results: [] };
  }

  const unsettled = new Set<ScoringTerm>();
  const slacks = queryVectors.map((vector, f) => dotProducts(vector, byIndex, f, space, unsettled));
  const magnitudes = queryVectors.map((vector) => vector.magnitude());

  /** What unknown scores may add to a document's score, for documents with some. */
  let slack: Float64Array | undefined;
  for (const key of pairsToScore) {
    const document = Math.floor(key / fieldCount);
    const f = key % fieldCount;
    if (!contains(allRequired, document) || contains(allProhibited, document)) continue;
    if (keep && !keep(document)) continue;
    const score = sums[key]! / magnitudes[f]! || 0;
    const unknown = slacks[f]?.[document];
    if (unknown) {
      slack ??= new Float64Array(documentCount);
      slack[document] = slack[document]! + unknown / magnitudes[f]!;
    }
    if (counted[document]) scores[document] = scores[document]! + score;
    else {
      counted[document] = 1;
      order.add(document);
      scores[document] = score;
    }
  }
  if (slack) {
    // Each document by the most it may score: if the first `limit` all have known scores,
    // nothing unknown can come before them or change their order.
    const bySum = boundBySum([...unsettled], queryVectors, magnitudes, documentCount);
    const bounds = scores.slice();
    const met = order.values();
    for (const document of met)
      if (slack[document])
        bounds[document] = (scores[document]! + Math.min(slack[document]!, bySum[document]!)) * (1 + BOUND_MARGIN);
    const first = limit >= met.length ? met : best(met, bounds, limit);
    if (first.some((document) => slack[document]))
      return { total: order.length, results: null, needed: neededScores(unsettled, met, scores, bounds, slack, limit) };
  }
  return {
    total: order.length,
    results: best(order.values(), scores, limit).map(
      (document) => new ScoredResult(document, scores[document]!, pairs, fields),
    ),
  };
}

/**
 * The arrays a query writes, as long as the index has documents (or pairs of a document and a
 * field), kept from query to query: at 100,000 papers a query would otherwise allocate some
 * megabytes (about 3.6 MB kept instead, by the arrays' sizes). Over the 100,000-paper synthetic index, warm p95 went from
 * 18.7 to 12.8 ms with them kept (one run each, in Node). `clear` zeroes only what the query
 * wrote.
 */
class Workspace {
  readonly documentCount: number;
  readonly fieldCount: number;
  /** No document; never written. */
  readonly empty: Uint8Array;
  /** By pair (`document * fieldCount + field`): whether it is in `matching`, and its dot product. */
  readonly seen: Uint8Array;
  readonly sums: Float64Array;
  /** Matching pairs in the order Lunr meets them. */
  readonly matching = new GrowingList();
  /** By document: whether it is in `order`, and its score (the known part, for some). */
  readonly counted: Uint8Array;
  readonly scores: Float64Array;
  /** Matching documents in the order Lunr first meets them. */
  readonly order = new GrowingList();

  constructor(documentCount: number, fieldCount: number) {
    this.documentCount = documentCount;
    this.fieldCount = fieldCount;
    this.empty = new Uint8Array(documentCount);
    this.seen = new Uint8Array(documentCount * fieldCount);
    this.sums = new Float64Array(documentCount * fieldCount);
    this.counted = new Uint8Array(documentCount);
    this.scores = new Float64Array(documentCount);
  }

  clear(): void {
    for (const key of this.matching.values()) {
      this.seen[key] = 0;
      this.sums[key] = 0;
    }
    for (const document of this.order.values()) {
      this.counted[document] = 0;
      this.scores[document] = 0;
    }
    this.matching.clear();
    this.order.clear();
  }
}

let kept: Workspace | undefined;

function workspaceFor(documentCount: number, fieldCount: number): Workspace {
  if (kept?.documentCount !== documentCount || kept.fieldCount !== fieldCount)
    kept = new Workspace(documentCount, fieldCount);
  return kept;
}

/**
 * Whether the query matches any document, as `scoreQuery(...).total > 0` says. A query of
 * optional clauses only (plain words) matches when one of its terms has a document in one of its
 * clause's fields: nothing is scored or counted. Any other query is counted.
 */
export function matchesAny(query: lunr.Query, termsOf: (clause: Clause) => string[], index: ScoringIndex): boolean {
  const clauses = clausesOf(query);
  if (clauses.some((clause) => clause.presence !== lunr.Query.presence.OPTIONAL))
    return scoreQuery(query, termsOf, index, 0).total > 0;
  const fieldNumber = new Map(index.fields.map((field, f) => [field, f]));
  const tokenSet = internals.TokenSet.fromArray([...index.terms.keys()].sort());
  for (const clause of clauses)
    for (const term of termsOf(clause))
      for (const name of tokenSet.intersect(internals.TokenSet.fromClause({ ...clause, term })).toArray()) {
        const entry = index.terms.get(name)!;
        if (clause.fields.some((field) => entry.documents[fieldNumber.get(field)!]!.length > 0)) return true;
      }
  return false;
}

/**
 * Per document, the most the unknown scores of these terms may add: for each term, its highest
 * sum of unknown scores times its largest weight in the query's field vectors. (Adding each
 * field's highest unknown score, as `dotProducts` does, may add the best title of one document
 * to the best abstract of another; this bound does not, and the lower of the two holds.)
 */
function boundBySum(
  terms: readonly ScoringTerm[],
  queryVectors: readonly lunr.Vector[],
  magnitudes: readonly number[],
  documentCount: number,
): Float64Array {
  const weights = queryVectors.map((vector, f) => {
    const elements = (vector as unknown as { elements: number[] }).elements;
    const byIndex = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) byIndex.set(elements[i]!, elements[i + 1]! / magnitudes[f]!);
    return byIndex;
  });
  const bounds = new Float64Array(documentCount);
  const seen = new Int32Array(documentCount).fill(-1);
  terms.forEach((term, t) => {
    const weight = Math.max(...weights.map((byIndex) => byIndex.get(term.index) ?? 0));
    const most = weight * term.tail!.highestSum;
    term.tail!.at.forEach((at, f) => {
      const documents = term.documents[f]!;
      for (const i of at) {
        const document = documents[i]!;
        if (seen[document] === t) continue;
        seen[document] = t;
        bounds[document] = bounds[document]! + most;
      }
    });
  });
  return bounds;
}

/**
 * The unknown scores that decide the first `limit` results: of each document with some whose
 * bound reaches the `limit`-th highest known part (every document with some, when `limit`
 * reaches all those met).
 */
function neededScores(
  terms: ReadonlySet<ScoringTerm>,
  met: Int32Array,
  known: Float64Array,
  bounds: Float64Array,
  slack: Float64Array,
  limit: number,
): NeededScores[] {
  const lowest = limit >= met.length ? -Infinity : known[best(met, known, limit)[limit - 1]!]!;
  const wanted = new Uint8Array(slack.length);
  for (const document of met) if (slack[document] && bounds[document]! >= lowest) wanted[document] = 1;
  const needed: NeededScores[] = [];
  for (const term of terms) {
    const documents = new Set<number>();
    term.tail!.at.forEach((at, f) => {
      for (const i of at) if (wanted[term.documents[f]![i]!]) documents.add(term.documents[f]![i]!);
    });
    if (documents.size > 0) needed.push({ term, documents: [...documents].sort((a, b) => a - b) });
  }
  return needed;
}

/**
 * The first `limit` documents as Lunr's stable sort by descending score would order them: ties
 * in the order met. All of them through that same sort; a few by one pass that keeps the best.
 */
function best(order: Int32Array, scores: Float64Array, limit: number): number[] {
  if (limit <= 0) return [];
  if (limit >= order.length) return [...order].sort((a, b) => scores[b]! - scores[a]!);
  const kept: number[] = [];
  for (const document of order) {
    const score = scores[document]!;
    if (kept.length === limit && !(score > scores[kept[limit - 1]!]!)) continue;
    let at = kept.length === limit ? limit - 1 : kept.length;
    while (at > 0 && score > scores[kept[at - 1]!]!) {
      kept[at] = kept[at - 1]!;
      at--;
    }
    kept[at] = document;
  }
  return kept;
}

/** A result as Lunr gives it; its match data made when first read. */
class ScoredResult implements lunr.Index.Result {
  readonly ref: string;
  score: number;
  readonly #document: number;
  readonly #pairs: readonly MatchedPair[];
  readonly #fields: readonly string[];
  #matchData: lunr.MatchData | undefined;

  constructor(document: number, score: number, pairs: readonly MatchedPair[], fields: readonly string[]) {
    this.ref = String(document);
    this.score = score;
    this.#document = document;
    this.#pairs = pairs;
    this.#fields = fields;
  }

  /**
   * Each term that matched in each field of the document, in Lunr's order (its fields in the
   * order their first match was met, and in each the terms in the order met); no metadata, as
   * shards keep no positions.
   */
  get matchData(): lunr.MatchData {
    if (!this.#matchData) {
      const matched = this.#pairs.filter(({ documents }) => has(documents, this.#document));
      const fieldOrder = [...new Set(matched.map(({ field }) => field))];
      const matchData = new internals.MatchData();
      for (const f of fieldOrder)
        for (const { term, field } of matched) if (field === f) matchData.add(term, this.#fields[f]!, {});
      this.#matchData = matchData;
    }
    return this.#matchData;
  }
}

/**
 * Per document, the dot product of a field's query vector with the document's vector for that
 * field, into the workspace's `sums` at the pair: products added in ascending term index, from
 * 0, as `lunr.Vector#dot` adds them. Gives, of unknown scores, the most they may add by
 * document (when there are any); their terms are added to `unsettled`.
 */
function dotProducts(
  queryVector: lunr.Vector,
  byIndex: ReadonlyMap<number, ScoringTerm>,
  field: number,
  { sums, fieldCount, documentCount }: Workspace,
  unsettled: Set<ScoringTerm>,
): Float64Array | undefined {
  const elements = (queryVector as unknown as { elements: number[] }).elements;
  let slack: Float64Array | undefined;
  for (let i = 0; i < elements.length; i += 2) {
    const term = byIndex.get(elements[i]!)!;
    const boost = elements[i + 1]!;
    const documents = term.documents[field]!;
    const scores = term.scores[field]!;
    const highest = term.tail ? boost * term.tail.highest[field]! : 0;
    for (let k = 0; k < documents.length; k++) {
      const document = documents[k]!;
      const score = scores[k]!;
      const key = document * fieldCount + field;
      if (score === score) sums[key] = sums[key]! + boost * score;
      else {
        slack ??= new Float64Array(documentCount);
        slack[document] = slack[document]! + highest;
        unsettled.add(term);
      }
    }
  }
  return slack;
}

/** Numbers added one by one into a typed array that doubles when full: a query meets hundreds of thousands. */
class GrowingList {
  #values = new Int32Array(1024);
  #length = 0;

  add(value: number): void {
    if (this.#length === this.#values.length) {
      const larger = new Int32Array(this.#values.length * 2);
      larger.set(this.#values);
      this.#values = larger;
    }
    this.#values[this.#length++] = value;
  }

  get length(): number {
    return this.#length;
  }

  values(): Int32Array {
    return this.#values.subarray(0, this.#length);
  }

  clear(): void {
    this.#length = 0;
  }
}

function union(a: DocumentSet, documents: Int32Array | DocumentSet): DocumentSet {
  if (a === "all" || documents === "all") return "all";
  const result = a.slice();
  if (documents instanceof Int32Array) for (const document of documents) result[document] = 1;
  else for (let d = 0; d < documents.length; d++) result[d] = result[d]! | documents[d]!;
  return result;
}

function intersect(a: DocumentSet, b: DocumentSet): DocumentSet {
  if (a === "all") return b;
  if (b === "all") return a;
  const result = new Uint8Array(a.length);
  for (let d = 0; d < a.length; d++) result[d] = a[d]! & b[d]!;
  return result;
}

function contains(set: DocumentSet, document: number): boolean {
  return set === "all" || set[document] === 1;
}

/** Whether an ascending list holds the document. */
function has(documents: Int32Array, document: number): boolean {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (documents[middle]! < document) low = middle + 1;
    else high = middle;
  }
  return documents[low] === document;
}
