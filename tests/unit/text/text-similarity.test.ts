import { describe, expect, it } from "vitest";
import { nearestTexts } from "../../../src/lib/text/text-similarity.ts";

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

  it("finds the neighbours and scores that comparing every pair finds, ties included", () => {
    // 80 texts over 12 words (none a stop word or a plural), some repeated, by a fixed rule, so
    // that many scores are equal and the order of ties is tested too.
    const vocabulary = "acorn birch cedar dogwood elm fir ginkgo hazel ivy juniper kapok larch".split(" ");
    const list = Array.from({ length: 80 }, (_, i) =>
      vocabulary
        .flatMap((word, w) => Array<string>((i * 7 + w * 5) % 11 < 3 + (i % 4) ? 1 + ((i + w) % 3) : 0).fill(word))
        .join(" "),
    );
    const result = nearestTexts(texts(...list), { count: 4, maxDocumentFrequency: 1 });

    // The same TF-IDF cosine, for every pair, the long way.
    const counts = list.map((text) => {
      const tf = new Map<string, number>();
      for (const word of text.split(" ").filter(Boolean)) tf.set(word, (tf.get(word) ?? 0) + 1);
      return tf;
    });
    const df = (word: string) => counts.filter((tf) => tf.has(word)).length;
    const vectors = counts.map((tf) => {
      const weights = [...tf].map(([word, n]) => [word, (1 + Math.log(n)) * Math.log(list.length / df(word))] as const);
      const norm = Math.hypot(...weights.map(([, w]) => w));
      return new Map(weights.filter(([, w]) => w > 0).map(([word, w]) => [word, w / norm]));
    });
    const cosine = (a: number, b: number) =>
      [...vectors[a]!].reduce((sum, [word, w]) => sum + w * (vectors[b]!.get(word) ?? 0), 0);
    const ids = [...result.keys()];
    ids.forEach((id, a) => {
      const expected = ids
        .map((other, b) => ({ id: other, b, score: cosine(a, b) }))
        .filter(({ b, score }) => b !== a && score > 1e-12)
        .sort((x, y) => (Math.abs(x.score - y.score) > 1e-12 ? y.score - x.score : x.b - y.b))
        .slice(0, 4);
      const got = result.get(id)!;
      expect(got.map((n) => n.id)).toEqual(expected.map((e) => e.id));
      got.forEach((n, i) => expect(n.score).toBeCloseTo(expected[i]!.score, 12));
    });
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
