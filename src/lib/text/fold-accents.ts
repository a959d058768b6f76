/**
 * The fold of letters for matching what a visitor types: search (`search-pipeline.ts`) and the
 * filter of the authors' index use it alike. It spells letters by the one table
 * (`letters.ts`, which URL slugs and BibTeX keys use too) and has no other dependency, so that
 * browser code can take it without Lunr.
 */
import { asciiLetters } from "./letters.ts";

/**
 * Lowercase text with its Latin letters in ASCII, so that `Renyi` finds "Rényi" and `Lukasz`
 * finds "Łukasz". NFKD also splits ligatures and compatibility forms (`ﬁ` -> "fi", `²` -> "2").
 */
export function foldAccents(text: string): string {
  return asciiLetters(text.toLowerCase());
}
