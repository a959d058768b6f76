/**
 * The parts of Lunr 2.3.9 a split index uses that `@types/lunr` leaves out or types otherwise:
 * the query parser, token sets built from sorted terms and from query clauses, a clause's
 * presence, match data built a term at a time. Typed here once, from Lunr's source.
 */
import { lunr } from "./search-pipeline.ts";

/** A parsed query clause, as `lunr.QueryParser` fills it. */
export interface Clause extends lunr.Query.Clause {
  presence: lunr.Query.presence;
}

interface LunrInternals {
  QueryParser: new (query: string, into: lunr.Query) => { parse(): lunr.Query };
  TokenSet: {
    /** Terms must come sorted (by UTF-16 code units). */
    fromArray(sortedTerms: readonly string[]): lunr.TokenSet;
    fromClause(clause: lunr.Query.Clause): lunr.TokenSet;
  };
  Pipeline: { prototype: { runString(text: string, metadata: object): string[] } };
  /** Match data with no match yet, and terms added one (term, field) at a time. */
  MatchData: new () => lunr.MatchData & { add(term: string, field: string, metadata: object): void };
}

export const internals = lunr as unknown as LunrInternals;

/** The clauses of a query Lunr parsed. */
export function clausesOf(query: lunr.Query): Clause[] {
  return query.clauses as Clause[];
}

/** `lunr.Pipeline#runString` with the metadata `lunr.Index#query` gives it (the clause's fields). */
export function runString(pipeline: lunr.Pipeline, text: string, metadata: object): string[] {
  return internals.Pipeline.prototype.runString.call(pipeline, text, metadata);
}

/** True for a query whose clauses are all prohibited (or none): Lunr then matches every other document. */
export function isNegated(query: lunr.Query): boolean {
  return (query as lunr.Query & { isNegated(): boolean }).isNegated();
}
