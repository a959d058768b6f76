import { describe, expect, it } from "vitest";
import { highlightResult, markSpans, snippet, type TextSegment } from "../../../src/lib/search/search-highlight.ts";
import { runQuery } from "../../../src/lib/search/search-query.ts";
import { loadedIndex, papersOf } from "../search-fixtures.ts";

/** Segments as text with the marked runs in brackets. */
const show = (segments: TextSegment[]) => segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join("");

describe("markSpans", () => {
  it("marks the spans and keeps every character of the text", () => {
    expect(show(markSpans("Sparse expert models", [[7, 6]]))).toBe("Sparse [expert] models");
    expect(show(markSpans("Sparse expert models", []))).toBe("Sparse expert models");
    expect(markSpans("", [])).toEqual([{ text: "", marked: false }]);
  });

  it("merges overlapping spans and ignores spans outside the text", () => {
    expect(
      show(
        markSpans("multimodal pretraining", [
          [0, 10],
          [0, 5],
          [11, 11],
          [30, 4],
          [-3, 2],
        ]),
      ),
    ).toBe("[multimodal] [pretraining]");
  });

  it("leaves the punctuation around a matched word unmarked", () => {
    expect(show(markSpans("Mixture-of-Experts (MoE), models", [[19, 6]]))).toBe("Mixture-of-Experts ([MoE]), models");
  });

  it("returns markup in the text as text, for the browser to insert as text", () => {
    const hostile = `<img src=x onerror="alert(1)"> attention <script>alert("x")</script>`;
    const segments = markSpans(hostile, [[31, 9]]);
    expect(segments).toEqual([
      { text: `<img src=x onerror="alert(1)"> `, marked: false },
      { text: "attention", marked: true },
      { text: ` <script>alert("x")</script>`, marked: false },
    ]);
  });
});

describe("snippet", () => {
  const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
  const text = words.join(" ");
  const at = (word: string): [number, number] => [text.indexOf(` ${word} `) + 1, word.length];

  it("shows the passage around a match, cut at spaces, with ellipses where text is left out", () => {
    const out = show(snippet(text, [at("w40")], 60));
    expect(out).toMatch(/^…w3\d .*\[w40\].* w\d\d…$/);
    expect(out.length).toBeLessThanOrEqual(60 + 4);
  });

  it("prefers the passage where the most different matched words fall together", () => {
    const out = show(snippet(text, [at("w5"), at("w50"), at("w52"), at("w54")], 60));
    expect(out).toContain("[w50] w51 [w52] w53 [w54]");
    expect(out).not.toContain("[w5]");
  });

  it("starts at the beginning, without an ellipsis, when the match is there", () => {
    expect(show(snippet(text, [[0, 2]], 30))).toMatch(/^\[w0\] w1 .* w\d…$/);
  });

  it("flattens line breaks between paragraphs", () => {
    expect(show(snippet("First paragraph ends.\nSecond   one starts here.", [[22, 6]]))).toBe(
      "First paragraph ends. [Second] one starts here.",
    );
  });

  it("shows the abstract's beginning when nothing in it matched", () => {
    expect(snippet(text, [], 30)).toEqual([{ text: "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9…", marked: false }]);
  });
});

describe("highlightResult", () => {
  it("marks the matched words, exact or prefix, in the title and in the abstract snippet", () => {
    const { index, documents } = loadedIndex(papersOf("content"));
    const [result] = runQuery(index, "sparse expert", (ref) => documents.get(ref)?.title);
    const hit = highlightResult(result!, documents.get(result!.ref)!);
    expect(hit).toMatchObject({ id: "2105.15082", url: "/papers/2105.15082/", year: 2021 });
    expect(show(hit.title)).toBe("M6-T: Exploring [Sparse] [Expert] Models and Beyond");
    expect(show(hit.snippet)).toContain("[sparsely] activated [experts] k and [expert] capacity");
  });

  it("keeps markup in a title or abstract as text", () => {
    const { index, documents } = loadedIndex(papersOf("tests/fixtures/search"));
    const [result] = runQuery(index, "script", (ref) => documents.get(ref)?.title);
    const hit = highlightResult(result!, documents.get(result!.ref)!);
    expect(hit.title.map((s) => s.text).join("")).toBe("<script>window.pwned = 3</script> & <b>Bold</b> Claims");
    expect(hit.title.filter((s) => s.marked).map((s) => s.text)).toEqual(["script>window.pwned"]);
    expect(hit.snippet.map((s) => s.text).join("")).toContain(
      'onerror="window.pwned=1"> and <script>window.pwned = 2</script>',
    );
  });
});
