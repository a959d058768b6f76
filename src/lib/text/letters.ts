/**
 * The one table of letters: how a Latin letter is spelled in plain ASCII (URL slugs, BibTeX
 * keys, search folding) and in TeX (BibTeX fields, and the TeX reader the other way round).
 * A letter a visitor types without its diacritic folds the same in a URL, a key and a search.
 *
 * Letters Unicode decomposes (`é` = `e` + U+0301) need no entry: NFKD takes their mark off, and
 * `TEX_ACCENTS` spells the mark in TeX. The table holds the Latin letters that do not
 * decompose (`ł`, `ø`, `þ`, `ß`...). Their TeX commands are those of `unicode2latex`'s
 * LaTeX-Unicode maps (the BibTeX parser's own), which the tests hold the table to; it is
 * written out here because search folding runs in the browser too, which should not carry
 * that library's 260 KB of tables for thirty letters.
 */

/** A Latin letter that Unicode does not decompose: its ASCII spelling, and its TeX command where TeX has one. */
export interface Letter {
  ascii: string;
  tex?: string;
}

/** Latin letters without a decomposition, by the letter. */
export const LATIN_LETTERS: Readonly<Record<string, Letter>> = {
  ß: { ascii: "ss", tex: "\\ss" },
  ẞ: { ascii: "SS" },
  æ: { ascii: "ae", tex: "\\ae" },
  Æ: { ascii: "AE", tex: "\\AE" },
  œ: { ascii: "oe", tex: "\\oe" },
  Œ: { ascii: "OE", tex: "\\OE" },
  ø: { ascii: "o", tex: "\\o" },
  Ø: { ascii: "O", tex: "\\O" },
  ł: { ascii: "l", tex: "\\l" },
  Ł: { ascii: "L", tex: "\\L" },
  đ: { ascii: "d", tex: "\\dj" },
  Đ: { ascii: "D", tex: "\\DJ" },
  ð: { ascii: "d", tex: "\\dh" },
  Ð: { ascii: "D", tex: "\\DH" },
  þ: { ascii: "th", tex: "\\th" },
  Þ: { ascii: "TH", tex: "\\TH" },
  ŋ: { ascii: "ng", tex: "\\ng" },
  Ŋ: { ascii: "NG", tex: "\\NG" },
  ı: { ascii: "i", tex: "\\i" },
  ȷ: { ascii: "j", tex: "\\j" },
  ħ: { ascii: "h" },
  Ħ: { ascii: "H" },
  ŧ: { ascii: "t" },
  Ŧ: { ascii: "T" },
  ƒ: { ascii: "f" },
  ɛ: { ascii: "e" },
  Ɛ: { ascii: "E" },
  ɔ: { ascii: "o" },
  Ɔ: { ascii: "O" },
  ɓ: { ascii: "b" },
  Ɓ: { ascii: "B" },
  ɗ: { ascii: "d" },
  Ɗ: { ascii: "D" },
  ƙ: { ascii: "k" },
  Ƙ: { ascii: "K" },
  ʒ: { ascii: "z" },
  Ʒ: { ascii: "Z" },
};

/**
 * TeX's text accents, by the command's name, with the combining mark each puts on its letter
 * (`\'e` is `e` + U+0301, `\c c` is `c` + U+0327).
 */
export const TEX_ACCENTS: Readonly<Record<string, string>> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  u: "\u0306",
  v: "\u030C",
  H: "\u030B",
  c: "\u0327",
  k: "\u0328",
  r: "\u030A",
  d: "\u0323",
  b: "\u0331",
};

const TABLE_LETTER = new RegExp(`[${Object.keys(LATIN_LETTERS).join("")}]`, "gu");

/**
 * The text with its Latin letters in ASCII: marks taken off (`é` -> `e`), ligatures and
 * compatibility forms split (`ﬁ` -> `fi`, `²` -> `2`), and the letters of the table spelled
 * out (`Łukasz` -> `Lukasz`, `Þór` -> `THor`). Case is kept; letters of other scripts are left
 * as they are (without their marks).
 */
export function asciiLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(TABLE_LETTER, (letter) => LATIN_LETTERS[letter]!.ascii);
}

/** The letters TeX writes as a command of their own, by the command's name (`l` -> `ł`, `ss` -> `ß`). */
export function lettersByTexCommand(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(LATIN_LETTERS).flatMap(([letter, { tex }]) => (tex ? [[tex.slice(1), letter]] : [])),
  );
}
