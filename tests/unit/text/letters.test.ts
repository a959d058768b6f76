import { latex2unicode, combining, biblatex } from "unicode2latex";
import { describe, expect, it } from "vitest";
import { asciiKeyPart } from "../../../src/lib/citing/bibtex.ts";
import { foldAccents } from "../../../src/lib/search/search-pipeline.ts";
import { slugify } from "../../../src/lib/text/slug.ts";
import { inlinePlainText } from "../../../src/lib/text/rich-text.ts";
import { asciiLetters, LATIN_LETTERS, lettersByTexCommand, TEX_ACCENTS } from "../../../src/lib/text/letters.ts";

/** What unicode2latex's LaTeX-to-Unicode map gives for a TeX command, in text mode. */
function unicodeOf(tex: string): string | undefined {
  const found = (latex2unicode as Record<string, string | { text?: string }>)[tex];
  return typeof found === "string" ? found : found?.text;
}

describe("the table of letters", () => {
  it("spells each letter in TeX as unicode2latex's LaTeX-Unicode maps do", () => {
    for (const [letter, { tex }] of Object.entries(LATIN_LETTERS)) {
      if (tex) expect([letter, unicodeOf(tex)]).toEqual([letter, letter]);
    }
  });

  it("holds every Latin letter without a decomposition that unicode2latex writes as a TeX letter command", () => {
    const base = biblatex.base as Record<string, { text?: string }>;
    const missing = Object.entries(base)
      .filter(
        ([ch, { text }]) => /^\p{Script=Latin}$/u.test(ch) && /^\p{L}$/u.test(ch) && /^\\[A-Za-z]+$/.test(text ?? ""),
      )
      .filter(([ch]) => !/^[A-Za-z]+$/.test(ch.normalize("NFKD").replace(/\p{M}/gu, "")))
      .filter(([ch, { text }]) => !/^\\text/.test(text!) && !(ch in LATIN_LETTERS))
      .map(([ch]) => ch);
    expect(missing).toEqual([]);
  });

  it("spells every letter in ASCII", () => {
    for (const [letter, { ascii }] of Object.entries(LATIN_LETTERS)) {
      expect([letter, /^[A-Za-z]+$/.test(ascii)]).toEqual([letter, true]);
    }
  });

  it("puts on each TeX accent the combining mark unicode2latex gives it", () => {
    const marks = combining.tounicode as Record<string, string | undefined>;
    // unicode2latex has no text-mode \b (bar under); TeX's is U+0331, as its \textsubbar.
    const known = Object.entries(TEX_ACCENTS).filter(([name]) => name !== "b");
    for (const [name, mark] of known) expect([name, mark]).toEqual([name, marks[name]]);
    expect(TEX_ACCENTS.b).toBe(marks.textsubbar);
  });

  it("reads each TeX letter command back as its letter", () => {
    for (const [command, letter] of Object.entries(lettersByTexCommand())) {
      expect(inlinePlainText(`\\${command}{}`)).toBe(letter);
    }
  });
});

describe("one spelling of a name for URLs, BibTeX keys and search", () => {
  // Names of scholars as they write them: Polish, Icelandic, Danish, Norwegian, German, Hungarian,
  // Czech, Turkish, Vietnamese, Croatian, Maltese, Northern Sami, French, Romanian.
  const names: [string, string][] = [
    ["Łukasz Kaiser", "lukasz kaiser"],
    ["Þór Ðóra", "thor dora"],
    ["Søren Sønderby", "soren sonderby"],
    ["Bjørn Ødegård", "bjorn odegard"],
    ["Jürgen Schmidhuber", "jurgen schmidhuber"],
    ["Karl Weierstraß", "karl weierstrass"],
    ["Paul Erdős", "paul erdos"],
    ["Tomáš Mikolov", "tomas mikolov"],
    ["Çağlar Gülçehre", "caglar gulcehre"],
    ["Nguyễn Đức Dũng", "nguyen duc dung"],
    ["Đorđe Ćosić", "dorde cosic"],
    ["Ħal Żebbuġ", "hal zebbug"],
    ["Áilu Gaup Ŋuoraš", "ailu gaup nguoras"],
    ["Œdipe Lætitia", "oedipe laetitia"],
    ["Ștefan Țurcanu", "stefan turcanu"],
  ];

  it.each(names)("%s: ASCII in the slug, the key and search alike", (name, ascii) => {
    expect(slugify(name)).toBe(ascii.replace(/ /g, "-"));
    expect(asciiKeyPart(name)).toBe(ascii.replace(/ /g, ""));
    expect(foldAccents(name)).toBe(ascii);
    expect(asciiLetters(name).toLowerCase()).toBe(ascii);
  });
});
