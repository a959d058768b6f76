import { fromHtml } from "hast-util-from-html";
import { CONTINUE, SKIP, visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { inlinePlainText, inlineRichText, render, richText, type MathError } from "../../../src/lib/text/rich-text.ts";
import { mathToPlainText, parseTex, parseTexParagraphs, texToPlainText } from "../../../src/lib/text/tex.ts";

import { mathJaxSpans, mathRecords } from "../mathjax-oracle.ts";
import { seedPapers } from "../paper-fixture.ts";

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

describe("math as arXiv's abs page reads it", () => {
  const mathOf = (tex: string) =>
    richText(tex)
      .html.match(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g)
      ?.map((a) => a.replace(/<[^>]+>/g, "")) ?? [];

  it("typesets a display written over several lines of a record as one formula, in its own paragraph", () => {
    const text = richText("We show\n$$\nx = y\n$$\nthat it holds.");
    expect(text.html.match(/<p>/g)).toHaveLength(3);
    expect(text.html).toContain('<span class="katex-display">');
    expect(text.text).toBe("We show\nx = y\nthat it holds.");
  });

  it("typesets an environment over several lines of a record", () => {
    const text = richText("Then\n\\begin{align*} a &= b \\\\\n c &= d \\end{align*}\nfollows.");
    expect(text.html).toContain('<span class="katex-display">');
    expect(text.html.replace(/<annotation[^]*?<\/annotation>/g, "")).not.toContain("\\begin");
    expect(text.html).not.toContain("katex-error");
  });

  it("reads % in math as a percent sign, and \\% and \\& in text as their characters", () => {
    const text = richText("a $5%$ gain, a $6\\%$ loss, 7\\% \\& more");
    expect(mathOf("a $5%$ gain")).toEqual(["5\\%"]);
    expect(text.text).toBe("a 5% gain, a 6% loss, 7% & more");
    expect(text.html).toContain("7% &#x26; more");
  });

  it("leaves what arXiv shows raw as written", () => {
    expect(richText("the rate \\alpha(t) grows").html).toBe("<p>the rate \\alpha(t) grows</p>");
    expect(richText("an \\( unclosed opening").text).toBe("an \\( unclosed opening");
  });

  it("shows math KaTeX cannot typeset as its source, never as an error box, and says why", () => {
    const errors: MathError[] = [];
    const text = richText("Fine $x$.\nBroken $x^$ and \\begin{theorem}T\\end{theorem} here.", (e) => errors.push(e));
    expect(text.html).not.toContain("katex-error");
    expect(text.html).toContain("Broken $x^$ and \\begin{theorem}T\\end{theorem} here.");
    expect(errors.map((e) => [e.source, e.paragraph])).toEqual([
      ["$x^$", 1],
      ["\\begin{theorem}T\\end{theorem}", 1],
    ]);
    for (const error of errors) expect(error.message).toMatch(/^KaTeX parse error: /);
    expect(text.mathCharacters).toBe("x");
  });

  it(
    "typesets each formula of the real abstracts, or shows it as written and says why: never an error box",
    {
      timeout: 60_000,
    },
    () => {
      let typeset = 0;
      let refused = 0;
      for (const record of mathRecords) {
        const errors: MathError[] = [];
        const text = richText(record.abstract, (e) => errors.push(e));
        expect(text.html, record.id).not.toContain("katex-error");
        const shown = text.html.split('class="katex"').length - 1;
        expect(shown + errors.length, record.id).toBe(mathJaxSpans(record.abstract).length);
        for (const error of errors) {
          expect(text.html, record.id).toContain(escapeHtml(error.source));
          expect(error.message, record.id).toMatch(/^KaTeX parse error: /);
        }
        expect(inlineRichText(record.title).html, record.id).not.toContain("katex-error");
        typeset += shown;
        refused += errors.length;
      }
      // Authors' own macros (`\msun`, `\kms`), which arXiv's MathJax does not know either.
      expect(refused).toBeLessThan(typeset / 10);
    },
  );

  it("shows an undefined command's formula as written, not typeset with the command in colour", () => {
    const errors: MathError[] = [];
    const text = richText("a mass of $10^{15}\\msun$ here", (e) => errors.push(e));
    expect(text.html).toBe("<p>a mass of $10^{15}\\msun$ here</p>");
    expect(errors).toEqual([
      {
        source: "$10^{15}\\msun$",
        message: "KaTeX parse error: Undefined control sequence: \\msun at position 8: 10^{15}\\msun",
        paragraph: 0,
      },
    ]);
    expect(text.mathCharacters).toBe("");
  });

  it("collects the characters that typeset math draws, as a parse of its HTML finds them", () => {
    const texts = [
      ...seedPapers.flatMap((p) => [p.title, p.abstract]),
      ...mathRecords.slice(0, 40).map((r) => richText(r.abstract)),
    ];
    for (const text of texts) expect(text.mathCharacters).toBe(charactersInHtml(text.html));
    expect(texts.some((text) => text.mathCharacters.length > 10)).toBe(true);
  });

  it("reads TeX nested deeper than it recurses, keeping every letter", () => {
    for (const tex of [
      "{".repeat(2_149) + "x" + "}".repeat(2_149),
      "\\textbf{".repeat(1_503) + "x" + "}".repeat(1_503),
      "\\'".repeat(3_072) + "e",
      "\\emph{".repeat(5_000) + "deep",
    ]) {
      const text = richText(tex);
      expect(text.text.normalize("NFD")).toContain(tex.includes("deep") ? "deep" : tex.at(-1) === "e" ? "e" : "x");
      expect(text.html.length).toBeGreaterThan(0);
    }
    expect(richText("\\(" + "x".repeat(70_000)).text).toBe("\\(" + "x".repeat(70_000));
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;");
}

/** Every character inside `<span class="katex">`, save the TeX kept in the MathML's annotation: the old way, by parsing HTML. */
function charactersInHtml(html: string): string {
  const seen = new Set<string>();
  visit(fromHtml(html, { fragment: true }), "element", (node) => {
    const classes = node.properties.className;
    if (!(Array.isArray(classes) && classes.includes("katex"))) return CONTINUE;
    visit(node, (inner) => {
      if (inner.type === "element" && inner.tagName === "annotation") return SKIP;
      if (inner.type === "text") for (const ch of inner.value) seen.add(ch);
      return CONTINUE;
    });
    return SKIP;
  });
  return [...seen].join("");
}

describe("text without markup, written without the pipeline", () => {
  // What the pipeline makes of the same nodes: `render` is remark-rehype and rehype-stringify.
  const throughPipeline = (paragraphs: string[][]) =>
    render(
      paragraphs.map((values) => ({ type: "paragraph", children: values.map((value) => ({ type: "text", value })) })),
    ).html;
  const texts = [
    "A plain title",
    "Less < more & more > less; &amp; stays as written, as does &#x3C;",
    "tabs\tand  spaces \t\n\t around line breaks \r\n kept or trimmed \r as the pipeline does",
    "  leading and trailing spaces of a node  ",
    "no-break\u00a0space, em\u2003space, zero\u200bwidth, emoji 🦜, combining e\u0301, RTL עברית",
    "\n",
    "",
    "quotes \" ' ` and backslash \\ stay",
  ];

  it.each(texts)("an abstract %j is the pipeline's HTML", (text) => {
    const paragraphs = parseTexParagraphs(text);
    expect(paragraphs.every((nodes) => nodes.every((node) => node.type === "text"))).toBe(true);
    const values = paragraphs.map((nodes) => nodes.map((node) => (node as { value: string }).value));
    expect(richText(text).html).toBe(throughPipeline(values));
    expect(richText(text).mathCharacters).toBe("");
  });

  it.each(texts)("a title %j is the pipeline's HTML", (text) => {
    const nodes = parseTex(text.replace(/\s+/g, " ").trim());
    expect(nodes.every((node) => node.type === "text")).toBe(true);
    const values = [nodes.map((node) => (node as { value: string }).value)];
    expect(inlineRichText(text).html).toBe(
      throughPipeline(values)
        .replace(/^<p>/, "")
        .replace(/<\/p>$/, ""),
    );
  });

  it("nodes split around a line break are trimmed each on its own, as the pipeline trims them", () => {
    const values = [
      ["ends with spaces  ", "\n  starts with spaces"],
      ["a < b", " & c"],
    ];
    expect(throughPipeline(values)).toBe("<p>ends with spaces  \nstarts with spaces</p>\n<p>a &#x3C; b &#x26; c</p>");
  });
});
