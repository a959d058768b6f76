import { describe, expect, it } from "vitest";
import { findMathSpans } from "../../../src/lib/text/math-delimiters.ts";
import { mathJaxSpans, mathRecords } from "../mathjax-oracle.ts";

const tex = (text: string) => findMathSpans(text).map((span) => [span.tex, span.display]);

describe("findMathSpans", { timeout: 30_000 }, () => {
  it("finds in every real abstract the formulas MathJax finds", () => {
    expect(mathRecords.length).toBeGreaterThan(100);
    let formulas = 0;
    for (const record of mathRecords) {
      const spans = findMathSpans(record.abstract);
      expect(spans, record.id).toEqual(mathJaxSpans(record.abstract));
      expect(findMathSpans(record.title), record.id).toEqual(mathJaxSpans(record.title));
      formulas += spans.length;
    }
    expect(formulas).toBeGreaterThan(600);
  });

  it.each([
    [
      "a space just inside a dollar",
      "for $ x$ and $x $ alike",
      [
        [" x", false],
        ["x ", false],
      ],
    ],
    ["a closing dollar followed by a digit", "costs $5 and $10", [["5 and ", false]]],
    [
      "adjacent inline formulas, not a display",
      "$x$$=$$y$",
      [
        ["x", false],
        ["=", false],
        ["y", false],
      ],
    ],
    ["display dollars alone on their lines", "We show\n$$\nx = y\n$$\nthat", [["\nx = y\n", true]]],
    ["display dollars mid-paragraph", "so $$a+b$$ holds", [["a+b", true]]],
    [
      "\\( and \\[",
      "inline \\(a\\) and display \\[b\\]",
      [
        ["a", false],
        ["b", true],
      ],
    ],
    [
      "an environment over several lines",
      "\\begin{align*} a &= b \\\\\n c &= d \\end{align*}",
      [["\\begin{align*} a &= b \\\\\n c &= d \\end{align*}", true]],
    ],
    ["a percent sign inside math", "a $5%$ gain", [["5%", false]]],
    ["an escaped dollar", "a \\$5 fee and $x$", [["x", false]]],
    ["a closing inside braces", "${a$b}$", [["{a$b}", false]]],
    ["an escaped closing", "$a\\$b$", [["a\\$b", false]]],
    ["an opening never closed, the search going on after it", "\\( open and $x$", [["x", false]]],
  ])("reads %s as MathJax does", (_, text, expected) => {
    expect(tex(text)).toEqual(expected);
    expect(findMathSpans(text)).toEqual(mathJaxSpans(text));
  });

  it("agrees with MathJax on thousands of texts made of delimiters", () => {
    const pieces = [
      "$",
      "$$",
      "\\",
      "{",
      "}",
      "(",
      ")",
      "[",
      "]",
      "\\(",
      "\\)",
      "\\[",
      "\\]",
      "\\$",
      "\\\\",
      "\\begin{a}",
    ];
    const more = ["\\end{a}", "\\end {a}", "\\begin{b}", "\\end{b}", "a", " ", "\n", "%", "1"];
    const alphabet = [...pieces, ...more];
    // A fixed sequence (a linear congruential generator), so that a failure is reproducible.
    let seed = 12345;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const disagreements: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      let text = "";
      for (let i = random(16) + 1; i > 0; i--) text += alphabet[random(alphabet.length)];
      if (JSON.stringify(findMathSpans(text)) !== JSON.stringify(mathJaxSpans(text))) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });

  it("reads long texts of unclosed openings and deep braces", () => {
    expect(findMathSpans("\\(" + "x".repeat(70_000))).toEqual([]);
    expect(findMathSpans("\\(a".repeat(30_000))).toEqual([]);
    expect(findMathSpans("$a{".repeat(30_000))).toEqual([]);
    const deep = "{".repeat(20_000) + "$a".repeat(20_000);
    expect(findMathSpans(deep)).toHaveLength(10_000);
    expect(findMathSpans(deep)).toEqual(mathJaxSpans(deep));
  });
});
