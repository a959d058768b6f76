/**
 * Lunr's inverted index and field vectors, computed as `lunr.Builder` computes them but in
 * compact arrays and without term positions. A 10,000-paper catalogue has some two million
 * words; Lunr's builder spends most of its time creating an object per word and per position,
 * which a split index never needs: it keeps, per term and field, which documents have the term
 * and the term's field-vector score in each, the numbers Lunr scores a query with.
 *
 * Every number is Lunr's own: term indices in the order the builder first meets each term,
 * BM25 scores with Lunr's constants, rounded to three decimals as Lunr rounds them
 * (`tests/unit/search-inverted-index.test.ts` checks them against `lunr.Builder`).
 */
import { lunr } from "./search-pipeline.ts";

/** A field Lunr indexes, with its boost. */
export interface IndexedField {
  name: string;
  boost: number;
}

/** Where one term occurs in one field. */
export interface FieldPostings {
  /** Numbers of the documents (their order in the index) with the term in this field, ascending. */
  documents: number[];
  /** For each of those documents, the term's entry in the field's vector: Lunr's score, k / 1000. */
  scores: number[];
}

/** One term of the index. */
export interface TermPostings {
  term: string;
  /** Lunr's `_index`: the order in which the builder first met the term; it orders vector elements. */
  index: number;
  /** One per field, in field order. */
  fields: FieldPostings[];
}

/** The whole index, as the numbers a query is scored with. */
export interface InvertedIndex {
  fields: readonly IndexedField[];
  documentCount: number;
  /** Every term, sorted as Lunr sorts them (by UTF-16 code units). */
  terms: TermPostings[];
}

/** Lunr's BM25 constants (`lunr.Builder#k1`, `#b`), left at their defaults by the catalogue. */
const K1 = 1.2;
const B = 0.75;

/**
 * Indexes documents given as the text of each field (in `fields` order); `termsOf` gives a
 * token's terms through the pipeline a Lunr builder would run (`indexTerms`). Documents are
 * numbered in the order given.
 */
export function buildInvertedIndex(
  texts: readonly (readonly string[])[],
  fields: readonly IndexedField[],
  termsOf: (token: string) => string[],
): InvertedIndex {
  const byTerm = new Map<string, { index: number; documents: number[][]; frequencies: number[][] }>();
  /** Per field, the length (in terms) of the field in each document. */
  const lengths = fields.map(() => new Array<number>(texts.length));
  texts.forEach((text, document) => {
    fields.forEach((_, field) => {
      const frequencies = new Map<string, number>();
      let length = 0;
      for (const token of tokens(text[field] ?? "")) {
        for (const term of termsOf(token)) {
          length++;
          frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
          if (!byTerm.has(term))
            byTerm.set(term, {
              index: byTerm.size,
              documents: fields.map(() => []),
              frequencies: fields.map(() => []),
            });
        }
      }
      lengths[field]![document] = length;
      for (const [term, frequency] of frequencies) {
        const entry = byTerm.get(term)!;
        entry.documents[field]!.push(document);
        entry.frequencies[field]!.push(frequency);
      }
    });
  });

  const averageLengths = lengths.map(
    (perDocument) => perDocument.reduce((sum, length) => sum + length, 0) / texts.length,
  );
  const terms = [...byTerm.keys()].sort().map((term): TermPostings => {
    const { index, documents, frequencies } = byTerm.get(term)!;
    const idf = inverseDocumentFrequency(
      documents.reduce((sum, list) => sum + list.length, 0),
      texts.length,
    );
    return {
      term,
      index,
      fields: fields.map((field, f) => ({
        documents: documents[f]!,
        scores: frequencies[f]!.map((tf, i) =>
          fieldScore(idf, tf, lengths[f]![documents[f]![i]!]!, averageLengths[f]!, field.boost || 1),
        ),
      })),
    };
  });
  return { fields, documentCount: texts.length, terms };
}

/**
 * The words of a field as `lunr.tokenizer` cuts them: lowercased, split at runs of
 * `lunr.tokenizer.separator` (whitespace and hyphens), empty pieces dropped.
 */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(lunr.tokenizer.separator)
    .filter((token) => token.length > 0);
}

/** `lunr.idf`: `withTerm` counts a document once per field that has the term. */
function inverseDocumentFrequency(withTerm: number, documentCount: number): number {
  const x = (documentCount - withTerm + 0.5) / (withTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** `lunr.Builder#createFieldVectors`: the same operations in the same order, so the same doubles. */
function fieldScore(idf: number, tf: number, fieldLength: number, averageLength: number, boost: number): number {
  const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / averageLength)) + tf)) * boost;
  return Math.round(score * 1000) / 1000;
}
