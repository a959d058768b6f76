/**
 * What a search result shows: its title with the matched words marked, and a snippet of its
 * abstract around the best matches, marked too. Text comes back as segments, never as HTML, so
 * the browser inserts it as text and nothing in a title or abstract can become markup.
 */
import type lunr from "lunr";
import { excerpt } from "../browsing/listing.ts";
import type { SearchCard, SearchDocument, SearchField } from "./search-index.ts";

/** A run of text, marked when a query term matched it. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

/** Where Lunr matched a term in a field: start offset and length, in UTF-16 units. */
export type Span = readonly [start: number, length: number];

/** A result as the browser draws it. */
export interface SearchHit {
  id: string;
  url: string;
  year: number;
  authors: string[];
  topics: string[];
  title: TextSegment[];
  /** Null until its abstract is fetched (a split index fetches abstracts once typing pauses). */
  snippet: TextSegment[] | null;
}

/** How Lunr's match data is shaped when positions are whitelisted: term -> field -> positions. */
type PositionMetadata = Record<string, Record<string, { position?: Span[] }>>;

/** Characters of abstract a snippet shows, about two lines of a result. */
const SNIPPET_LENGTH = 220;
/** Characters of context a snippet keeps before its first match. */
const SNIPPET_LEAD = 40;

/** The spans where any query term matched in one field of a result. */
export function matchedSpans(matchData: lunr.MatchData, field: SearchField): Span[] {
  const metadata = matchData.metadata as PositionMetadata;
  return Object.values(metadata).flatMap((fields) => fields[field]?.position ?? []);
}

/**
 * The whole text as segments with the spans marked. Overlapping spans (an exact and a prefix
 * match of one word) are merged; the punctuation around a word and spans outside the text are
 * left unmarked.
 */
export function markSpans(text: string, spans: readonly Span[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of merge(spans, text)) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/**
 * About `length` characters of the text around the passage where the most different matched
 * words fall close together, cut at spaces with "…" where text was left out, whitespace
 * flattened, the matches marked. With no match, the text's beginning.
 */
export function snippet(text: string, spans: readonly Span[], length = SNIPPET_LENGTH): TextSegment[] {
  const matches = merge(spans, text);
  if (matches.length === 0) return [{ text: excerpt(text, length), marked: false }];

  const word = ([start, end]: [number, number]) => text.slice(start, end).toLowerCase();
  let best = matches[0]!;
  let bestScore = -1;
  for (const anchor of matches) {
    const inside = matches.filter(([start, end]) => start >= anchor[0] && end <= anchor[0] + length - SNIPPET_LEAD);
    const score = new Set(inside.map(word)).size * 1000 + inside.length;
    if (score > bestScore) [best, bestScore] = [anchor, score];
  }

  let start = Math.max(0, best[0] - SNIPPET_LEAD);
  if (start > 0) {
    const space = text.slice(start, best[0]).search(/\s/);
    start = space === -1 ? best[0] : start + space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length && /\S/.test(text[end]!)) {
    const space = text.slice(best[1], end).search(/\s\S*$/);
    if (space !== -1) end = best[1] + space;
  }

  while (end > start && /\s/.test(text[end - 1]!)) end--;

  const shifted = matches.map(([s, e]): Span => [s - start, e - s]);
  const segments = markSpans(text.slice(start, end), shifted).map((segment) => ({
    ...segment,
    text: segment.text.replace(/\s+/g, " "),
  }));
  if (start > 0) segments.unshift({ text: "…", marked: false });
  if (end < text.length) segments.push({ text: "…", marked: false });
  return segments;
}

/** A Lunr result and its document, as the browser draws it. */
export function highlightResult(
  result: lunr.Index.Result,
  document: SearchDocument,
): SearchHit & { snippet: TextSegment[] } {
  return { ...highlightCard(result, document), snippet: abstractSnippet(result, document.abstract) };
}

/** A Lunr result drawn from its document but the abstract: its snippet to come. */
export function highlightCard(result: lunr.Index.Result, card: SearchCard): SearchHit {
  return {
    id: card.id,
    url: card.url,
    year: card.year,
    authors: card.authors,
    topics: card.topics,
    title: markSpans(card.title, matchedSpans(result.matchData, "title")),
    snippet: null,
  };
}

/** A result's snippet of its abstract, its matches marked. */
export function abstractSnippet(result: lunr.Index.Result, abstract: string): TextSegment[] {
  return snippet(abstract, matchedSpans(result.matchData, "abstract"));
}

/**
 * Spans as sorted, disjoint [start, end) ranges clipped to the text. Lunr's spans cover whole
 * whitespace-separated tokens (`(MoE),`); the punctuation around the word is left unmarked.
 */
function merge(spans: readonly Span[], text: string): [number, number][] {
  const ranges = spans
    .map(([start, length]) => trim(text, Math.max(0, start), Math.min(text.length, start + length)))
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && !WORD_CHARACTER.test(text[start]!)) start++;
  while (end > start && !WORD_CHARACTER.test(text[end - 1]!)) end--;
  return [start, end];
}
