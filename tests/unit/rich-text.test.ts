import { describe, expect, it } from "vitest";
import { inlinePlainText, inlineRichText, richText } from "../../src/lib/rich-text.ts";
import { mathToPlainText, parseTex, texToPlainText } from "../../src/lib/tex.ts";

const plain = (tex: string) => texToPlainText(parseTex(tex));
const html = (tex: string) => richText(tex).html;

describe("TeX text to plain Unicode", () => {
  it.each([
    ["R\\'{e}nyi", "Rényi"],
    ['Erd\\H{o}s and G\\"{o}del and G\\"odel', "Erdős and Gödel and Gödel"],
    ["na\\\"{\\i}ve fa\\c{c}ade \\v{S}ediv\\'y", "naïve façade Šedivý"],
    ["{\\ss} \\o{} \\ae\\ \\AA", "ß ø æ Å"],
    ["``like this'' and `single'", "“like this” and ‘single’"],
    ["don't change apostrophes", "don't change apostrophes"],
    ["pages 1--2 --- a dash", "pages 1–2 — a dash"],
    ["Fig.~3", "Fig.\u00A03"],
    ["\\emph{very} \\textit{much} \\textbf{so} {\\em this}", "very much so this"],
    ["50\\% \\& \\$5 \\#1 a\\_b", "50% & $5 #1 a_b"],
    ["{BERT} stays", "BERT stays"],
    ["{{ template }} and {a b} and a {lone brace", "{{ template }} and {a b} and a {lone brace"],
    ["{\\bf x y} z", "x y z"],
    ["\\unknown{kept} as written", "\\unknown{kept} as written"],
  ])("%j -> %j", (tex, text) => expect(plain(tex)).toBe(text));

  it("gives math as its text", () => {
    expect(plain("top-$1$ routing with $k$ experts")).toBe("top-1 routing with k experts");
    expect(plain("order $\\alpha \\leq \\frac{1}{2}$")).toBe("order α ≤ 1/2");
    expect(mathToPlainText("\\mathcal{O}(n^{2})")).toBe("O(n²)");
  });

  it("reads dollars as MathJax does, which typesets what Pandoc's rule would leave as text", () => {
    expect(parseTex("costs $5 and $10 today")).toEqual([
      { type: "text", value: "costs " },
      { type: "math", value: "5 and ", display: false, source: "$5 and $" },
      { type: "text", value: "10 today" },
    ]);
    expect(parseTex("costs \\$5 and \\$10 today")).toEqual([{ type: "text", value: "costs $5 and $10 today" }]);
  });

  it("finds URLs and leaves sentence punctuation outside them", () => {
    expect(parseTex("at http://github.com/OFA-Sys/OFA. Next")).toEqual([
      { type: "text", value: "at " },
      { type: "link", url: "http://github.com/OFA-Sys/OFA", label: "http://github.com/OFA-Sys/OFA" },
      { type: "text", value: ". Next" },
    ]);
    expect(parseTex("(see https://en.wikipedia.org/wiki/Foo_(bar))")[1]).toMatchObject({
      url: "https://en.wikipedia.org/wiki/Foo_(bar)",
    });
    expect(parseTex("code: https://github.com/a/repo\\_name.")[1]).toMatchObject({
      url: "https://github.com/a/repo_name",
    });
    expect(parseTex("www.example.org/x")[0]).toMatchObject({
      url: "https://www.example.org/x",
      label: "www.example.org/x",
    });
  });
});

describe("richText HTML", () => {
  it("typesets math with KaTeX at build time", () => {
    const out = html("the number of experts $k$ in top-$1$ routing");
    expect(out).toContain('<span class="katex">');
    expect(out).toContain('<annotation encoding="application/x-tex">k</annotation>');
    expect(out).toContain('top-<span class="katex">');
    expect(out).not.toContain("$k$");
  });

  it("makes URLs into links and keeps the trailing period as text", () => {
    expect(html("Code at http://github.com/OFA-Sys/OFA.")).toBe(
      '<p>Code at <a href="http://github.com/OFA-Sys/OFA">http://github.com/OFA-Sys/OFA</a>.</p>',
    );
  });

  it("shows raw HTML as text and never as markup", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>');
    expect(out).not.toMatch(/<script|<img|<b>/);
    expect(out).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(richText("<script>alert(1)</script>").text).toBe("<script>alert(1)</script>");
  });

  it("never links a javascript: URL", () => {
    const out = html("\\href{javascript:alert(1)}{click} and javascript:alert(2)");
    expect(out).not.toContain("<a");
    expect(out).toContain("click (javascript:alert(1)) and javascript:alert(2)");
  });

  it("does not read abstract text as markdown", () => {
    expect(
      html("1. not a list *not emphasis* _nor this_ # nor a heading [nor](a link) **nor strong** | a | table |"),
    ).toBe("<p>1. not a list *not emphasis* _nor this_ # nor a heading [nor](a link) **nor strong** | a | table |</p>");
    expect(html("- not a bullet")).toBe("<p>- not a bullet</p>");
    expect(html("&amp; stays &amp;")).toBe("<p>&#x26;amp; stays &#x26;amp;</p>");
  });

  it("renders emphasis, accents and TeX quotes", () => {
    expect(html("\\emph{R\\'{e}nyi} ``bounds'' \\textbf{hold}")).toBe(
      "<p><em>Rényi</em> “bounds” <strong>hold</strong></p>",
    );
  });

  it("keeps paragraphs and the three forms", () => {
    const text = richText("First $x$.\nSecond.");
    expect(text.raw).toBe("First $x$.\nSecond.");
    expect(text.text).toBe("First x.\nSecond.");
    expect(text.html.match(/<p>/g)).toHaveLength(2);
  });

  it("renders a title inline, without a paragraph", () => {
    expect(inlineRichText("SciDTB: Discourse \\emph{Dependency} TreeBank").html).toBe(
      "SciDTB: Discourse <em>Dependency</em> TreeBank",
    );
  });

  it("gives a name's plain text as its inline rendering's, without typesetting it", () => {
    const names = [
      "Jos\\'e  Mar\\'{\\i}a\n Garc\\'ia",
      "Paul Erd\\H{o}s",
      "\\emph{Anonymous}",
      "A. $\\beta$-Tester",
      'Kurt G{\\"o}del',
    ];
    for (const raw of names) expect(inlinePlainText(raw)).toBe(inlineRichText(raw).text);
    expect(inlinePlainText("Paul Erd\\H{o}s")).toBe("Paul Erdős");
  });
});
