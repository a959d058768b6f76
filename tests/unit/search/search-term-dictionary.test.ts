import { describe, expect, it } from "vitest";
import {
  frontCode,
  frontDecode,
  lowerBound,
  shardBoundary,
  shardOf,
  shardsWithPrefix,
  termsWithPrefix,
} from "../../../src/lib/search/search-term-dictionary.ts";

const terms = ["2105.15082", "2105.15099", "mix", "mixtur", "model", "multimod", "rényi", "tran", "transform", "α"];

describe("frontCode", () => {
  it("writes each term as the prefix it shares with the one before and the rest", () => {
    expect(frontCode(["model", "modul", "multimod"])).toBe("0model\n3ul\n1ultimod\n");
  });

  it("gives back every term, even with shared prefixes longer than one digit can say", () => {
    const long = ["a".repeat(50), `${"a".repeat(50)}b`, `${"a".repeat(40)}c`, "é", "éa", "𝔸b", "𝔸c"];
    for (const list of [terms, long, [], [""]]) expect(frontDecode(frontCode(list))).toEqual(list);
  });
});

describe("lowerBound", () => {
  it("finds where a term is, or would be inserted, by UTF-16 code units as Lunr sorts", () => {
    expect(lowerBound(terms, "mix")).toBe(2);
    expect(lowerBound(terms, "mixt")).toBe(3);
    expect(lowerBound(terms, "0")).toBe(0);
    expect(lowerBound(terms, "ω")).toBe(terms.length);
    expect([...terms].sort()).toEqual(terms);
  });
});

describe("shards of a dictionary", () => {
  it("begins a shard at the shortest prefix of its first term after the last term before", () => {
    expect(shardBoundary("mixtur", "model")).toBe("mo");
    expect(shardBoundary("model", "modelling")).toBe("modell");
    expect(shardBoundary("2105.15082", "2105.15099")).toBe("2105.1509");
    expect(shardBoundary("zeta", "α")).toBe("α");
  });

  /** Four shards: ["2105.15082" ...], ["model" ...] after "mixtur", ["rényi" ...], ["transform" ...] after "tran". */
  const boundaries = ["", "mo", "r", "trans"];

  it("finds the shard that holds a term: the last whose boundary does not follow it", () => {
    expect(shardOf(boundaries, "2105.15099")).toBe(0);
    expect(shardOf(boundaries, "mixtur")).toBe(0);
    expect(shardOf(boundaries, "mo")).toBe(1);
    expect(shardOf(boundaries, "multimod")).toBe(1);
    expect(shardOf(boundaries, "tran")).toBe(2);
    expect(shardOf(boundaries, "transform")).toBe(3);
    expect(shardOf(boundaries, "zebra")).toBe(3);
  });

  it("finds every shard a prefix spans, and no other", () => {
    expect(shardsWithPrefix(boundaries, "mo")).toEqual([1, 1]);
    expect(shardsWithPrefix(boundaries, "model")).toEqual([1, 1]);
    expect(shardsWithPrefix(boundaries, "m")).toEqual([0, 1]);
    expect(shardsWithPrefix(boundaries, "tra")).toEqual([2, 3]);
    expect(shardsWithPrefix(boundaries, "trans")).toEqual([3, 3]);
    expect(shardsWithPrefix(boundaries, "")).toEqual([0, 3]);
    expect(shardsWithPrefix(boundaries, "z")).toEqual([3, 3]);
  });

  it("lists the terms that start with a prefix, the prefix itself included", () => {
    expect(termsWithPrefix(terms, "mi")).toEqual(["mix", "mixtur"]);
    expect(termsWithPrefix(terms, "tran")).toEqual(["tran", "transform"]);
    expect(termsWithPrefix(terms, "2105.150")).toEqual(["2105.15082", "2105.15099"]);
    expect(termsWithPrefix(terms, "x")).toEqual([]);
    expect(termsWithPrefix(terms, "")).toEqual(terms);
    expect(termsWithPrefix(["a", "a\uffff", "a\uffffb", "b"], "a\uffff")).toEqual(["a\uffff", "a\uffffb"]);
  });
});
