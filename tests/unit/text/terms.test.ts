import { describe, expect, it } from "vitest";
import { singular, terms, words } from "../../../src/lib/text/terms.ts";

describe("words", () => {
  it("lowercases, drops accents and splits at anything but letters and digits", () => {
    expect(words("Mixture-of-Experts (MoE) on 480 V100-32GB GPUs; Rényi's")).toEqual([
      "mixture",
      "of",
      "experts",
      "moe",
      "on",
      "480",
      "v100",
      "32gb",
      "gpus",
      "renyi",
      "s",
    ]);
  });
});

describe("singular", () => {
  it.each([
    ["experts", "expert"],
    ["treebanks", "treebank"],
    ["queries", "query"],
    ["modalities", "modality"],
    ["processes", "process"],
    ["boxes", "box"],
    ["images", "image"],
    ["trees", "tree"],
    ["layers", "layer"],
  ])("reads the plural %s as %s", (plural, one) => {
    expect(singular(plural)).toBe(one);
  });

  it.each(["class", "corpus", "analysis", "gas", "its", "expert", "moe", "corpora", "data"])("keeps %s", (word) => {
    expect(singular(word)).toBe(word);
  });
});

describe("terms", () => {
  it("gives the words of a text, each as its singular", () => {
    expect(terms("Sparse Expert Models")).toEqual(["sparse", "expert", "model"]);
  });
});
