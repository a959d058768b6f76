import { describe, expect, it } from "vitest";
import { indexedText, SEARCH_FIELDS, searchDocuments } from "../../../src/lib/search/search-index.ts";
import { buildInvertedIndex } from "../../../src/lib/search/search-inverted-index.ts";
import { configurePipelines, indexTerms, lunr } from "../../../src/lib/search/search-pipeline.ts";
import { syntheticPapers } from "../search-fixtures.ts";

const { papers, options } = syntheticPapers(200);
const documents = searchDocuments(papers, options);
const texts = documents.map((document, i) => indexedText(document, papers[i]!));

/** Lunr's own builder over the same texts, without positions. */
const reference = lunr(function () {
  configurePipelines(this);
  this.ref("id");
  for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
  for (const text of texts) this.add(text);
}) as unknown as {
  invertedIndex: Record<string, Record<string, number | Record<string, object>>>;
  fieldVectors: Record<string, lunr.Vector & { elements: number[] }>;
};

const built = buildInvertedIndex(
  texts.map((text) => SEARCH_FIELDS.map((field) => text[field.name])),
  SEARCH_FIELDS,
  indexTerms(),
);

describe("buildInvertedIndex", () => {
  it("has Lunr's terms, sorted as Lunr sorts them, with Lunr's term indices", () => {
    expect(built.documentCount).toBe(200);
    expect(built.terms.map((entry) => entry.term)).toEqual(Object.keys(reference.invertedIndex).sort());
    for (const entry of built.terms) expect(entry.index, entry.term).toBe(reference.invertedIndex[entry.term]!._index);
  });

  it("has, per term and field, Lunr's documents and Lunr's field-vector scores", () => {
    const ids = documents.map((document) => document.id);
    let entries = 0;
    for (const entry of built.terms) {
      const posting = reference.invertedIndex[entry.term]!;
      SEARCH_FIELDS.forEach((field, f) => {
        const { documents: numbers, scores } = entry.fields[f]!;
        expect(
          numbers.map((n) => ids[n]),
          `${entry.term}/${field.name}`,
        ).toEqual(Object.keys(posting[field.name] as object));
        numbers.forEach((n, i) => {
          const elements = reference.fieldVectors[`${field.name}/${ids[n]}`]!.elements;
          const at = elements.findIndex((value, k) => k % 2 === 0 && value === entry.index);
          expect(scores[i]).toBe(elements[at + 1]);
          entries++;
        });
      });
    }
    // Every element of every Lunr field vector was compared once.
    expect(entries).toBe(Object.values(reference.fieldVectors).reduce((sum, v) => sum + v.elements.length / 2, 0));
  });
});
