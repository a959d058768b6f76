import { describe, expect, it } from "vitest";
import { nearestTexts } from "../../src/lib/text-similarity.ts";

const texts = (...list: string[]) => list.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));
const scores = (result: ReturnType<typeof nearestTexts>) =>
  Object.fromEntries([...result].map(([id, list]) => [id, list.map((n) => [n.id, Number(n.score.toFixed(6))])]));

describe("nearestTexts", () => {
  it("scores by TF-IDF cosine: exact neighbours and scores on a hand-made collection", () => {
    // df: apple, banana, cherry 2 of 4 (idf ln 2); durian, eggplant 1 of 4 (idf ln 4 = 2 ln 2).
    // a = (1, 1)/sqrt 2; b = (1, 1, 1)/sqrt 3; c = cherry 1, durian 2, over sqrt 5; d = eggplant alone.
    const result = nearestTexts(texts("apple banana", "apple banana cherry", "cherry durian", "eggplant"));
    const ab = Number((2 / Math.sqrt(6)).toFixed(6));
    const bc = Number((1 / Math.sqrt(15)).toFixed(6));
    expect(scores(result)).toEqual({
      a: [["b", ab]],
      b: [
        ["a", ab],
        ["c", bc],
      ],
      c: [["b", bc]],
      d: [],
    });
    expect(result.get("a")![0]!.terms).toEqual(["apple", "banana"]);
    expect(result.get("b")![1]!.terms).toEqual(["cherry"]);
  });

  it("weighs a repeated term by 1 + ln tf", () => {
    const result = nearestTexts(texts("kiwi kiwi lime", "kiwi lime", "mango", "nectarine"));
    const w = 1 + Math.log(2);
    expect(result.get("a")![0]!.score).toBeCloseTo((w + 1) / (Math.sqrt(2) * Math.sqrt(w * w + 1)), 12);
    expect(result.get("a")![0]!.terms).toEqual(["kiwi", "lime"]);
  });

  it("keeps the best `count`, best first, ties to the text given first", () => {
    const result = nearestTexts(texts("fig grape", "fig", "fig", "grape", "grape", "lemon", "melon", "olive"), {
      count: 2,
    });
    // fig and grape are each in 3 of 8 texts: b, c, d and e all score 1/sqrt 2 with a; b and c come first.
    expect(result.get("a")!.map((n) => n.score)).toEqual(
      [Math.SQRT1_2, Math.SQRT1_2].map((s) => expect.closeTo(s, 12)),
    );
    expect(result.get("a")!.map((n) => n.id)).toEqual(["b", "c"]);
    expect(result.get("b")!.map((n) => n.id)).toEqual(["c", "a"]);
  });

  it("ignores stop words, numbers, one-letter words and terms in more than half of the texts", () => {
    const result = nearestTexts(texts("the model of 2021, a k", "the model of 2021, a k", "model x", "plum"));
    expect(scores(result)).toEqual({ a: [], b: [], c: [], d: [] });
  });

  it("reads simple plurals as their singular, and gives the terms as the first text writes them", () => {
    const result = nearestTexts(texts("sparse experts", "an expert", "quince", "raspberry"));
    expect(result.get("a")!.map((n) => [n.id, n.terms])).toEqual([["b", ["experts"]]]);
    expect(result.get("b")!.map((n) => [n.id, n.terms])).toEqual([["a", ["expert"]]]);
  });

  it("gives the same score both ways", () => {
    const result = nearestTexts(
      texts("alpha beta gamma", "beta gamma delta", "gamma delta epsilon", "zeta", "eta", "theta"),
    );
    for (const [id, list] of result) {
      for (const n of list) expect(result.get(n.id)!.find((back) => back.id === id)!.score).toBeCloseTo(n.score, 12);
    }
  });

  it("answers for every text, even an empty collection or a text with no term", () => {
    expect(nearestTexts([])).toEqual(new Map());
    expect(nearestTexts(texts("", "the"))).toEqual(
      new Map([
        ["a", []],
        ["b", []],
      ]),
    );
  });
});
