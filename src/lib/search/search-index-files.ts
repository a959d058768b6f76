/**
 * The files the search index is served as, built once per build: `/search-index.json` alone for
 * a small catalogue (the whole Lunr index and every result's fields), or, for a large one, that
 * file as a manifest plus parts fetched as queries need them (`search-index-format.ts`).
 */
import {
  abstractsPart,
  decodeScore,
  documentsPart,
  MANIFEST_FORMAT,
  shardPart,
  tailPart,
  TERMS_PART,
  type SearchManifest,
  type ShardTail,
  type ShardTerm,
} from "./search-index-format.ts";
import {
  buildSearchIndex,
  indexedText,
  SEARCH_FIELDS,
  searchDocuments,
  type SearchCard,
  type SearchIndexOptions,
} from "./search-index.ts";
import { buildInvertedIndex, type TermPostings } from "./search-inverted-index.ts";
import type { Paper } from "../content/paper.ts";
import { indexTerms, searchPipelineLabels } from "./search-pipeline.ts";
import { frontCode, shardBoundary } from "./search-term-dictionary.ts";
import { FACETS_PART, searchFacets } from "./search-facets.ts";

/** How the index is cut. */
export interface SearchIndexSplit {
  /** The size a shard grows to before the next begins, in bytes of JSON; a term larger than this is a shard alone. */
  shardBytes: number;
  /** The largest index kept in one file, in bytes of JSON; larger ones are split. */
  oneFileBytes: number;
  /** Documents per documents part. */
  documentsPerPart: number;
  /** A term in more documents than this has its postings split into a head and a tail. */
  tierDocuments?: number;
  /** The documents a split term's head holds: those whose score for the term is highest. */
  headDocuments?: number;
  /** About how many of a tail's documents one of its chunks holds. */
  chunkDocuments?: number;
}

/**
 * Chosen by measurement (README, "Search at scale"): 32 KB shards keep what a common word costs
 * near 10 KB gzipped without many requests for a prefix; an index of up to 500 KB of JSON (about
 * 100 KB gzipped, some 45 papers) stays one file, which arrives on a slow phone connection about
 * when the first word is typed and then answers every query without the network.
 */
const DEFAULT_SPLIT: SearchIndexSplit = { shardBytes: 32_000, oneFileBytes: 500_000, documentsPerPart: 1 };

/**
 * A term in more than 200 documents keeps the scores of its best 64 in its shard: enough for the
 * first results of most queries (the rest are settled by the tail's highest scores, or fetched);
 * the scores of the rest come only when needed. A tail still names its documents, so that the
 * count of matches is exact. At 100,000 synthetic papers a four-letter prefix (`tekt*`, 31 terms
 * of some 480 papers each) fetched 57 KB of shards when only terms in more than 2,000 papers had
 * tails (with heads of 500), and fetches 37 KB of shards and 10 KB of tails with these; typed
 * a letter at a time, the rare word went from 108 to 98 KB and the commonest from 74 to 68 KB
 * (gzip, ten results, search code not counted: `npx tsx scripts/search-bench.ts <catalogue> --limit 10`).
 */
const TIER_DOCUMENTS = 200;
const HEAD_DOCUMENTS = 64;
/**
 * A tail's scores come in chunks of about 1,000 documents (some 1.2 KB gzipped): the first
 * results of a query need the scores of the few documents whose bounds could place them there
 * (at 100,000 synthetic papers, `stak*` needed 12 documents' scores of `stakas`, a word in every
 * paper: 12 chunks, some 15 KB, where its whole tail was 117 KB).
 */
const CHUNK_DOCUMENTS = 1_000;

/**
 * The split settings, from `CATALOGUE_SEARCH_SHARD_BYTES` and `CATALOGUE_SEARCH_ONE_FILE_BYTES`
 * where set (to build a small catalogue split, for tests and measurements), else the defaults.
 */
export function searchIndexSplit(environment: Readonly<Record<string, string | undefined>>): SearchIndexSplit {
  const bytes = (name: string, fallback: number) => {
    const value = environment[name];
    if (value === undefined || value === "") return fallback;
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number of bytes, not "${value}"`);
    return Number(value);
  };
  return {
    ...DEFAULT_SPLIT,
    shardBytes: bytes("CATALOGUE_SEARCH_SHARD_BYTES", DEFAULT_SPLIT.shardBytes),
    oneFileBytes: bytes("CATALOGUE_SEARCH_ONE_FILE_BYTES", DEFAULT_SPLIT.oneFileBytes),
  };
}

/** The text of each file. */
export interface SearchIndexFiles {
  /** `/search-index.json`: the index in one file, or the manifest. */
  entry: string;
  /** Each part by name (`shards/0`, `documents/12`, `terms`); none when the index is one file. */
  parts: Map<string, string>;
}

/**
 * The index of these papers as files: one file when it is at most `oneFileBytes`, else split.
 * The split is built first (it takes a fraction of the time Lunr's builder does); only a small
 * catalogue is indexed again by Lunr to be kept in one file.
 */
export function buildSearchIndexFiles(
  papers: readonly Paper[],
  options: SearchIndexOptions,
  split: SearchIndexSplit = DEFAULT_SPLIT,
): SearchIndexFiles {
  const parts = splitSearchIndex(papers, options, split);
  if ([...parts.parts.values()].reduce((sum, text) => sum + utf8Length(text), 0) <= split.oneFileBytes) {
    const entry = JSON.stringify(buildSearchIndex(papers, options));
    // The split index holds less than the one file (no positions): a larger one file is split.
    if (utf8Length(entry) <= split.oneFileBytes) return { entry, parts: new Map() };
  }
  return parts;
}

/** The index of these papers, split whatever its size. */
export function splitSearchIndex(
  papers: readonly Paper[],
  options: SearchIndexOptions,
  split: SearchIndexSplit = DEFAULT_SPLIT,
): SearchIndexFiles {
  const documents = searchDocuments(papers, options);
  const inverted = buildInvertedIndex(
    documents.map((document, i) => {
      const text = indexedText(document, papers[i]!);
      return SEARCH_FIELDS.map((field) => text[field.name]);
    }),
    SEARCH_FIELDS,
    indexTerms(),
  );

  const payloads = new Map<string, string>();
  const boundaries: string[] = [];
  let shard: string[] = [];
  let shardSize = 0;
  let previous = "";
  let tails = 0;
  const closeShard = () => {
    payloads.set(shardPart(boundaries.length - 1), `[${shard.join(",")}]`);
    shard = [];
    shardSize = 0;
  };
  const tiers = {
    tierDocuments: split.tierDocuments ?? TIER_DOCUMENTS,
    headDocuments: split.headDocuments ?? HEAD_DOCUMENTS,
    chunkDocuments: split.chunkDocuments ?? CHUNK_DOCUMENTS,
    documentCount: documents.length,
  };
  for (const entry of inverted.terms) {
    const { term, tailChunks } = shardTerm(entry, tiers, tails);
    if (tailChunks) {
      for (const [chunk, scores] of tailChunks) payloads.set(tailPart(tails, chunk), JSON.stringify(scores));
      tails++;
    }
    const text = JSON.stringify(term);
    const size = utf8Length(text) + 1;
    if (shard.length > 0 && shardSize + size > split.shardBytes) closeShard();
    if (shard.length === 0) boundaries.push(boundaries.length === 0 ? "" : shardBoundary(previous, entry.term));
    shard.push(text);
    shardSize += size;
    previous = entry.term;
  }
  if (shard.length > 0) closeShard();

  for (let first = 0; first < documents.length; first += split.documentsPerPart) {
    const page = documents.slice(first, first + split.documentsPerPart);
    const part = first / split.documentsPerPart;
    payloads.set(documentsPart(part), JSON.stringify(page.map(({ abstract: _, ...card }): SearchCard => card)));
    payloads.set(abstractsPart(part), JSON.stringify(page.map((document) => document.abstract)));
  }
  payloads.set(TERMS_PART, JSON.stringify(frontCode(inverted.terms.map((entry) => entry.term))));
  payloads.set(FACETS_PART, JSON.stringify(searchFacets(documents)));

  const version = hash([...payloads].flat());
  const manifest: SearchManifest = {
    format: MANIFEST_FORMAT,
    version,
    fields: SEARCH_FIELDS.map((field) => field.name),
    pipeline: searchPipelineLabels(),
    documentCount: documents.length,
    documentsPerPart: split.documentsPerPart,
    shards: boundaries,
  };
  const parts = new Map<string, string>();
  for (const [name, data] of payloads) parts.set(name, withVersion(version, data));
  return { entry: JSON.stringify(manifest), parts };
}

/**
 * A term's postings as a shard stores them, and the scores of its tail by chunk when it has one:
 * a term in more than `tierDocuments` documents keeps in its head the `headDocuments` in which
 * its scores, added over the fields, are highest (ties: the lower document number). Its tail's
 * chunks span equal ranges of document numbers, wide enough for about `chunkDocuments` of its
 * documents each.
 */
function shardTerm(
  { term, index, fields }: TermPostings,
  {
    tierDocuments,
    headDocuments,
    chunkDocuments,
    documentCount,
  }: { tierDocuments: number; headDocuments: number; chunkDocuments: number; documentCount: number },
  tailNumber: number,
): { term: ShardTerm; tailChunks?: Map<number, number[][]> } {
  const thousandths = fields.map(({ scores }) =>
    scores.map((score) => {
      const value = Math.round(score * 1000);
      if (decodeScore(value) !== score)
        throw new Error(`the score ${score} of "${term}" is not a whole number of thousandths`);
      return value;
    }),
  );
  const impact = new Map<number, number>();
  fields.forEach(({ documents }, f) =>
    documents.forEach((document, i) => impact.set(document, (impact.get(document) ?? 0) + thousandths[f]![i]!)),
  );
  if (impact.size <= tierDocuments)
    return { term: [term, index, fields.map(({ documents }, f) => postings(documents, thousandths[f]!))] };

  const head = new Set(
    [...impact]
      .sort(([a, x], [b, y]) => y - x || a - b)
      .slice(0, headDocuments)
      .map(([document]) => document),
  );
  const headPostings: number[][] = [];
  const tailDocuments: number[][] = [];
  const tailScores: number[][] = [];
  fields.forEach(({ documents }, f) => {
    const inHead = documents.map((document) => head.has(document));
    const pick = <T>(list: readonly T[], wanted: boolean) => list.filter((_, i) => inHead[i] === wanted);
    headPostings.push(postings(pick(documents, true), pick(thousandths[f]!, true)));
    tailDocuments.push(differences(pick(documents, false)));
    tailScores.push(pick(thousandths[f]!, false));
  });
  let highestSum = 0;
  for (const [document, sum] of impact) if (!head.has(document)) highestSum = Math.max(highestSum, sum);
  const span = Math.max(1, Math.ceil((documentCount * chunkDocuments) / (impact.size - head.size)));
  const tailChunks = new Map<number, number[][]>();
  fields.forEach(({ documents }, f) => {
    let t = 0;
    for (const document of documents) {
      if (head.has(document)) continue;
      const chunk = Math.floor(document / span);
      let scores = tailChunks.get(chunk);
      if (!scores) tailChunks.set(chunk, (scores = fields.map(() => [])));
      scores[f]!.push(tailScores[f]![t++]!);
    }
  });
  const tail: ShardTail = [
    tailNumber,
    span,
    tailDocuments,
    tailScores.map((scores) => scores.reduce((most, score) => Math.max(most, score), 0)),
    highestSum,
  ];
  return { term: [term, index, headPostings, tail], tailChunks };
}

/** `[document, score, ...]`, each document number after the first as the difference from the one before. */
function postings(documents: readonly number[], scores: readonly number[]): number[] {
  return differences(documents).flatMap((document, i) => [document, scores[i]!]);
}

function differences(documents: readonly number[]): number[] {
  return documents.map((document, i) => (i === 0 ? document : document - documents[i - 1]!));
}

/** A part's JSON text (`SearchIndexPart`), from its data's JSON text. */
function withVersion(version: string, data: string): string {
  return `{"version":${JSON.stringify(version)},"data":${data}}`;
}

/** A short digest of the texts (cyrb53): equal texts, equal digests; any change, almost surely another. */
function hash(texts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Bytes of a text in UTF-8. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
