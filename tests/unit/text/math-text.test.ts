import { describe, expect, it } from "vitest";
import { parseTexParagraphs, type TexNode } from "../../../src/lib/text/tex.ts";
import { mathToPlainText } from "../../../src/lib/text/math-text.ts";
import { mathRecords } from "../mathjax-oracle.ts";

function formulas(nodes: TexNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === "math" ? [node.value] : "children" in node ? formulas(node.children) : [],
  );
}

describe("mathToPlainText", () => {
  it.each([
    ["\\sqrt{x_{_{ij}}}", "√xᵢⱼ"],
    ["\\alpha \\leq \\frac{1}{2}", "α ≤ 1/2"],
    ["\\frac{n+1}{2}", "(n+1)/2"],
    ["\\mathcal{O}(n^{2})", "O(n²)"],
    ["e^{i\\pi}", "eiπ"],
    ["x^{abq}", "xabq"],
    ["a_{\\text{max}}", "aₘₐₓ"],
    ["\\hat{x}_t", "x̂ₜ"],
    ["\\sqrt[3]{y}", "³√y"],
    ["\\left( x \\right.", "( x"],
    ["\\{x\\} \\cup \\emptyset", "{x} ∪ ∅"],
    ["50%", "50%"],
    ["O(\\hbar)", "O(ℏ)"],
  ])("%j reads %j", (tex, text) => expect(mathToPlainText(tex)).toBe(text));

  it("leaves no script mark, dollar, grouping brace or backslash in any formula of the real abstracts", () => {
    let read = 0;
    for (const record of mathRecords) {
      for (const tex of parseTexParagraphs(record.abstract).flatMap(formulas)) {
        // What the TeX escapes (`\_`, `\{`) is a character the formula shows; only the markup must go.
        const text = mathToPlainText(tex.replace(/\\[{}_$]/g, ""));
        expect(text, `${record.id}: ${tex}`).not.toMatch(/[_^${}\\]/);
        read++;
      }
    }
    expect(read).toBeGreaterThan(600);
  });

  it("reads formulas nested deeper than it recurses", () => {
    expect(mathToPlainText("{".repeat(50) + "x^2" + "}".repeat(50))).toBe("x²");
    // Past the depth it recurses to, a script is read as plain text.
    expect(mathToPlainText("{".repeat(5_000) + "x^2" + "}".repeat(5_000))).toBe("x2");
    expect(mathToPlainText("\\sqrt{".repeat(3_000) + "x" + "}".repeat(3_000))).toMatch(/^√+x$/);
    expect(mathToPlainText("x^".repeat(3_000) + "y")).not.toMatch(/\^/);
  });
});
