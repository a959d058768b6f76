/**
 * The one fold of letters for matching what a visitor types: search (`search-pipeline.ts`) and
 * the filter of the authors' index use it alike. No dependency, so that browser code can take it
 * without Lunr.
 */

/** Letters a visitor types without their diacritic that Unicode does not decompose. */
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * Lowercase text without accents, so that `Renyi` finds "Rényi" and `Lukasz` finds "Łukasz".
 * NFKD also splits ligatures and compatibility forms (`ﬁ` -> "fi", `²` -> "2").
 */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter]!);
}
