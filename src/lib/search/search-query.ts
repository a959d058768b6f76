/**
 * From what a visitor types to ranked Lunr results. Lunr's query syntax passes through
 * (`title:attention`, `trans*`, `tranformer~1`, `+moe -dense`); plain words also match as
 * prefixes, so results come while a word is being typed; a query Lunr cannot parse is searched as
 * plain words; a paper whose id or exact title was typed comes first; an arXiv link pasted
 * (`https://arxiv.org/abs/2105.15082v2`) is its id; a lone `*` is every paper. A plain word that
 * no paper has is searched again: first as its first letters, one or two fewer (`retrieva*` finds
 * nothing, as the index holds stems and `retrieval` is `retriev`: `retriev*` finds it), then, when
 * those find nothing either (a typo, `mutlimodal`), within one edit (`mutlimodal~1`), and the
 * answer says which words were. Independent of how the index is stored: anything that answers
 * Lunr query strings will do.
 */
import { foldAccents, lunr } from "./search-pipeline.ts";
import type { SearchNarrowing } from "./search-facets.ts";

/** What the query layer needs of an index: `lunr.Index`, or an index split into parts. */
export interface QueryableIndex {
  search(query: string): lunr.Index.Result[];
}

/** How much more an exact (stemmed) match of a plain word weighs than a prefix match. */
const EXACT_BOOST = 10;
/**
 * Shorter words are not expanded as prefixes: `of*` would match most of the index, and three
 * letters still name too many words (at 10,000 synthetic papers `sta*` expanded to 193 terms
 * across 11 shards, 130 KB gzipped for one keystroke); from four letters a prefix names few.
 */
const MIN_PREFIX_LENGTH = 4;

/** A query token written in Lunr's syntax: a field, wildcard, fuzziness, boost, escape or presence. */
const LUNR_SYNTAX = /[:*~^\\]|^[+-]/;
/** Lunr's query syntax characters, removed to search a query as plain words. */
const SYNTAX_CHARACTERS = /[:*~^\\+-]/g;
/**
 * An arXiv id with a version, an `arXiv:` prefix or as an arxiv.org link (`/abs/`, `/pdf/`,
 * `/html/`, `.pdf`), which the index holds as the bare id.
 */
const ARXIV_ID =
  /(?:\b(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/|\b(?:arxiv:)?)(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?(?![\w.])/gi;
/** Plain words at least this long that no paper has are searched again within one edit. */
const MIN_FUZZY_LENGTH = 4;

/**
 * The Lunr query for a visitor's text: accents folded, arXiv ids bare, Lunr syntax kept,
 * and each plain word searched exactly (boosted) and as a prefix: `multi` -> `multi^10 multi*`.
 * Tokens with no letter or digit (a lone `*`, `"` or `-`) are dropped: they would match everything
 * or nothing.
 */
export function toLunrQuery(text: string): string {
  // A lone `*` (as `title:*` does for one field) matches every term, so every paper.
  if (text.trim() === "*") return "*";
  return tokens(text)
    .flatMap((token) => (LUNR_SYNTAX.test(token) ? [token] : plainClauses(token)))
    .join(" ");
}

/** The plain words of a query (no Lunr syntax, no stop word, not a number) long enough to be retried within one edit. */
export function fuzzyCandidates(text: string): string[] {
  return tokens(text)
    .filter((token) => !LUNR_SYNTAX.test(token))
    .flatMap((token) => token.split("-"))
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word.length >= MIN_FUZZY_LENGTH && /\p{L}/u.test(word) && !/\d/.test(word) && !isStopWord(word));
}

/**
 * A word's first letters, one fewer then two, as prefix queries (`retriev*`), while at least
 * `MIN_PREFIX_LENGTH` long: a word being typed whose letters run past its stem (the index holds
 * `retriev` for `retrieval`, and `retrieva*` matches nothing) is found this way, from shards the
 * word's own query fetched or their neighbours, where a search within one edit needs every term.
 */
export function shorterPrefixes(word: string): string[] {
  return [1, 2]
    .map((fewer) => word.slice(0, word.length - fewer))
    .filter((prefix) => prefix.length >= MIN_PREFIX_LENGTH)
    .map((prefix) => `${prefix}*`);
}

/** The text with each word of `retries` searched as its query (`retriev*`, `mutlimodal~1`) instead of exactly and as a prefix. */
function withRetries(text: string, retries: ReadonlyMap<string, string>): string {
  return tokens(text)
    .map((token) => retries.get(token) ?? token)
    .join(" ");
}

/** How the words no paper has are searched again, and which of them within one edit. */
interface Retries {
  query: string;
  fuzzy: string[];
}

/**
 * For each word that `matches` says no paper has: its first shorter prefix that some paper has,
 * or else the word within one edit.
 */
function retried(text: string, matches: (query: string) => boolean): Retries {
  const retries = new Map<string, string>();
  const fuzzy: string[] = [];
  for (const word of fuzzyCandidates(text)) {
    if (matches(toLunrQuery(word))) continue;
    const shorter = shorterPrefixes(word).find(matches);
    retries.set(word, shorter ?? `${word}~1`);
    if (!shorter) fuzzy.push(word);
  }
  return { query: retries.size > 0 ? withRetries(text, retries) : text, fuzzy };
}

/**
 * `retried` over an index split into parts: whether each word has papers is asked first, all at
 * once; the shorter prefixes only of the words that have none (each may fetch a shard).
 */
async function retriedOnParts(text: string, index: PartedIndex): Promise<Retries> {
  const answers = new Map<string, boolean>();
  const ask = (queries: string[]) =>
    Promise.all(queries.map(async (query) => answers.set(query, await index.matchesAny(query))));
  const words = fuzzyCandidates(text);
  await ask(words.map(toLunrQuery));
  await ask(words.filter((word) => !answers.get(toLunrQuery(word))).flatMap(shorterPrefixes));
  return retried(text, (query) => answers.get(query)!);
}

/** Results, and the words searched again within one edit because no paper had them. */
export interface QueryAnswer<R> {
  results: R[];
  fuzzy: string[];
}

/**
 * `runQuery`, then, when some plain words match no paper, the query again with those words
 * searched again (as shorter prefixes, or within one edit); with `narrowing`, only the results it
 * keeps (`inNarrowing` by their document).
 */
export function answerQuery(
  index: QueryableIndex,
  text: string,
  titleOf: (ref: string) => string | undefined,
  keep: (ref: string) => boolean = () => true,
): QueryAnswer<lunr.Index.Result> {
  const { query, fuzzy } = retried(text, (words) => index.search(words).length > 0);
  return { results: runQuery(index, query, titleOf).filter((result) => keep(result.ref)), fuzzy };
}

/** The Lunr query for a text read as plain words, its Lunr syntax characters ignored. */
export function toPlainQuery(text: string): string {
  return tokens(text.replace(SYNTAX_CHARACTERS, " ")).flatMap(plainClauses).join(" ");
}

/**
 * Searches the index for a visitor's text, ranked best first. Never throws on a query Lunr cannot
 * parse (`title:`, `~`, a lone `-`): that text is searched as plain words instead.
 * `titleOf` gives a result's title, to rank the paper whose exact title was typed first.
 */
export function runQuery(
  index: QueryableIndex,
  text: string,
  titleOf: (ref: string) => string | undefined,
): lunr.Index.Result[] {
  const query = toLunrQuery(text);
  if (!query) return [];
  let results: lunr.Index.Result[];
  try {
    results = index.search(query);
  } catch (error) {
    if (!isQueryParseError(error)) throw error;
    const plain = toPlainQuery(text);
    results = plain ? index.search(plain) : [];
  }
  return promoteExactMatches(results, text, titleOf);
}

/** What the query layer needs of an index split into parts: a search that first fetches what a query needs. */
export interface PartedIndex {
  /** How many documents match (of those in the narrowing), and the first `limit` in Lunr's order. */
  search(
    query: string,
    limit: number,
    narrowing?: SearchNarrowing,
  ): Promise<{ total: number; results: lunr.Index.Result[] }>;
  /** Whether any document matches the query: `search(query, 0).total > 0`, found with less work. */
  matchesAny(query: string): Promise<boolean>;
}

/**
 * `runQuery` for an index split into parts: the same Lunr query and the same fallback to plain
 * words; the number of matches and the first `limit` results as Lunr ranks them. Exact matches
 * are left where they are: moving them needs the titles of every result, which such an index
 * fetches only for the results shown; the caller promotes among those (`promoteExactMatches`).
 */
export async function runQueryOnParts(
  index: PartedIndex,
  text: string,
  limit: number,
  narrowing?: SearchNarrowing,
): Promise<{ total: number; results: lunr.Index.Result[]; fuzzy: string[] }> {
  const search = async (words: string) => {
    const query = toLunrQuery(words);
    if (!query) return { total: 0, results: [] };
    try {
      return await index.search(query, limit, narrowing);
    } catch (error) {
      if (!isQueryParseError(error)) throw error;
      const plain = toPlainQuery(words);
      return plain ? await index.search(plain, limit, narrowing) : { total: 0, results: [] };
    }
  };
  // A word's shards are those the query itself needs: asking whether it has papers fetches nothing more.
  const { query, fuzzy } = await retriedOnParts(text, index);
  return { ...(await search(query)), fuzzy };
}

/**
 * Moves to the top the results whose arXiv id appears in the text, then the one whose title
 * the text is (ignoring case, accents and punctuation); the rest keep their order.
 */
export function promoteExactMatches<R extends { ref: string }>(
  results: R[],
  text: string,
  titleOf: (ref: string) => string | undefined,
): R[] {
  const ids = new Set([...text.matchAll(ARXIV_ID)].map((match) => match[1]!.toLowerCase()));
  const title = comparable(text);
  const rank = (result: R) => {
    if (ids.has(result.ref.toLowerCase())) return 0;
    const candidate = titleOf(result.ref);
    return title && candidate !== undefined && comparable(candidate) === title ? 1 : 2;
  };
  return results
    .map((result, order) => ({ result, order, rank: rank(result) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ result }) => result);
}

/** Lunr throws a `QueryParseError` for a query it cannot parse. */
function isQueryParseError(error: unknown): boolean {
  return error instanceof Error && error.name === "QueryParseError";
}

function tokens(text: string): string[] {
  return foldAccents(text.replace(ARXIV_ID, "$1"))
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** Lunr splits words at hyphens; each part is searched exactly and, when long enough, as a prefix. */
function plainClauses(token: string): string[] {
  return token
    .split("-")
    .map((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean)
    .flatMap((word) =>
      word.length >= MIN_PREFIX_LENGTH && !isStopWord(word)
        ? [`${word}^${EXACT_BOOST}`, `${word}*`]
        : [`${word}^${EXACT_BOOST}`],
    );
}

/** Lunr leaves stop words out of the index; as prefixes (`the*`) they would only add noise. */
function isStopWord(word: string): boolean {
  // Returns undefined for a stop word, whatever its type says.
  return !lunr.stopWordFilter(new lunr.Token(word, {}));
}

function comparable(text: string): string {
  return foldAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
