import { describe, expect, it } from "vitest";
import { arxivLinks, idToSlug, matchArxivId, parseArxivId } from "../../../src/lib/content/arxiv-id.ts";

describe("matchArxivId", () => {
  it("reads a five-digit new-style id and stops where the next abstract begins", () => {
    expect(matchArxivId("2206.01958In this work")).toMatchObject({
      ok: true,
      length: 10,
      arxivId: { id: "2206.01958", version: null, year: 2022, month: 6 },
    });
  });

  it("fixes the number's length by YYMM: four digits before 1501", () => {
    expect(matchArxivId("1207.05803D shapes")).toMatchObject({ ok: true, length: 9, arxivId: { id: "1207.0580" } });
    expect(matchArxivId("1412.6980v9")).toMatchObject({ ok: true, arxivId: { id: "1412.6980", version: 9 } });
    expect(matchArxivId("1501.00001")).toMatchObject({
      ok: true,
      length: 10,
      arxivId: { id: "1501.00001", year: 2015, month: 1 },
    });
  });

  it("reads a version", () => {
    expect(matchArxivId("2202.03052v2Next")).toMatchObject({
      ok: true,
      length: 12,
      arxivId: { id: "2202.03052", version: 2 },
    });
  });

  it("reads old-style ids, with or without a subject class", () => {
    expect(matchArxivId("hep-th/9711200")).toMatchObject({
      ok: true,
      arxivId: { id: "hep-th/9711200", year: 1997, month: 11, subjectClass: null },
    });
    expect(matchArxivId("math.AG/0211159v3")).toMatchObject({
      ok: true,
      arxivId: { id: "math/0211159", version: 3, subjectClass: "math.AG", year: 2002 },
    });
  });

  it.each([
    ["22o6.0195", /malformed arXiv id "22o6\.0195"/],
    ["2206.0195 text", /too short: ids from 1501 on have 5 digits/],
    ["2213.01958", /has month 13/],
    ["0612.1234", /before new-style ids began/],
    ["hep-th/9913200", /has month 13/],
    ["", /missing arXiv id/],
    ["2206.01958v0", /version 0/],
  ])("rejects %j", (text, message) => {
    const result = matchArxivId(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe("parseArxivId", () => {
  it("accepts a whole id with an optional prefix and nothing else", () => {
    expect(parseArxivId("arXiv:2206.01958v1")?.id).toBe("2206.01958");
    expect(parseArxivId("2206.01958 extra")).toBeNull();
    expect(parseArxivId("2105.1477")).toBeNull();
  });
});

describe("derived facts", () => {
  it("makes a slug without a slash and arxiv.org links", () => {
    expect(idToSlug("hep-th/9711200")).toBe("hep-th-9711200");
    expect(idToSlug("2206.01958")).toBe("2206.01958");
    expect(arxivLinks("2206.01958")).toEqual({
      abs: "https://arxiv.org/abs/2206.01958",
      pdf: "https://arxiv.org/pdf/2206.01958",
      html: "https://arxiv.org/html/2206.01958",
    });
  });
});
