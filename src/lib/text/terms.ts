/**
 * Words of a text as terms to compare: what topic words match and what text similarity counts.
 * Case and accents are ignored, any run of characters other than letters and digits separates
 * words (so `Mixture-of-Experts` is the three words `mixture of experts`), and a simple plural
 * is read as its singular (`experts` -> `expert`, `treebanks` -> `treebank`, `queries` -> `query`,
 * `processes` -> `process`).
 */

/** The words of a text, lowercased, without accents, in order. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The singular of a simple English plural; any other word as it is. Words of three letters or
 * fewer are kept (`gas`, `bus`, `its`), as are `-ss`, `-us` and `-is` endings (`class`, `corpus`,
 * `analysis`). Irregular plurals (`corpora`) are words of their own.
 */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (/[^ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^aeo]es$/.test(word)) return word.slice(0, -1);
  if (/[^usi]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The terms of a text: its words, each as its singular. */
export function terms(text: string): string[] {
  return words(text).map(singular);
}
