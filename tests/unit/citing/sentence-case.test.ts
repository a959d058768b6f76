import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { capitalisedWords, keepsCapitals, properNouns, sentenceCase } from "../../../src/lib/citing/sentence-case.ts";
import { seedPaper } from "../paper-fixture.ts";

const seedAbstract = seedPaper("2003.13198").abstract.text;

describe("keepsCapitals", () => {
  it("keeps acronyms, names with inner capitals, letters with digits, and capital letters on their own", () => {
    for (const word of ["SciDTB", "InterBERT", "OFA", "M6-T", "M6-10T", "x-Y", "Q", "GPT-3"]) {
      expect(keepsCapitals(word), word).toBe(true);
    }
  });

  it("lets title-case words go, hyphenated ones and the article A included", () => {
    for (const word of ["Discourse", "Multi-Trillion", "Vision-and-Language", "A", "pre-training"]) {
      expect(keepsCapitals(word), word).toBe(false);
    }
  });

  it("keeps a proper noun it is given", () => {
    expect(keepsCapitals("Chinese", new Set(["chinese"]))).toBe(true);
    expect(keepsCapitals("Chinese-English", new Set(["chinese"]))).toBe(true);
  });
});

describe("properNouns", () => {
  it("finds the words an abstract capitalises in mid-sentence and never writes in lower case", () => {
    expect(properNouns("We train it in Chinese. Models learn. The Chinese model beats Switch Transformer.")).toEqual(
      new Set(["chinese", "switch", "transformer"]),
    );
  });

  it("leaves out words at the start of a sentence, words also written in lower case, and spelt-out acronyms", () => {
    const nouns = properNouns(
      "Pretrained Language Models (PLMs) help. Results are good: Results hold. We use large models and a Large one.",
    );
    expect(nouns).toEqual(new Set());
  });

  it("finds Chinese and Taobao in a seed abstract", () => {
    expect(properNouns(seedPaper("2003.13198").abstract.text)).toEqual(new Set(["chinese", "taobao"]));
  });

  it("looks for the words it is given only, and finds among them what it finds without (127 real arXiv records)", () => {
    const { records } = JSON.parse(readFileSync("tests/fixtures/math-abstracts/records.json", "utf8")) as {
      records: { title: string; abstract: string }[];
    };
    let found = 0;
    for (const { title, abstract } of [...records, { title: "Chinese Taobao Models", abstract: seedAbstract }]) {
      // The title's capitalised words, and every word of the abstract written with a capital.
      for (const among of [capitalisedWords(title), capitalisedWords(abstract)]) {
        const all = [...properNouns(abstract)].filter((word) => among.has(word));
        expect(properNouns(abstract, among), title).toEqual(new Set(all));
        found += all.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});

describe("sentenceCase", () => {
  it("capitalises the first word of the title and of a subtitle, and lowercases the rest but what keeps its capitals", () => {
    expect(sentenceCase("Machine Reading Comprehension: a Literature Review")).toBe(
      "Machine reading comprehension: A literature review",
    );
    expect(sentenceCase("SciDTB: Discourse Dependency TreeBank for Scientific Abstracts")).toBe(
      "SciDTB: Discourse dependency TreeBank for scientific abstracts",
    );
    expect(sentenceCase("M6: A Chinese Multimodal Pretrainer", new Set(["chinese"]))).toBe(
      "M6: A Chinese multimodal pretrainer",
    );
    expect(sentenceCase("Vision-and-Language Pre-Training? Yes. Why Not")).toBe(
      "Vision-and-language pre-training? Yes. Why not",
    );
  });

  it("keeps what is not a word as it is", () => {
    expect(sentenceCase("“Quoted” Words, 100% — and k-Means")).toBe("“Quoted” words, 100% — and k-means");
    expect(sentenceCase("")).toBe("");
  });
});
