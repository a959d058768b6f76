/**
 * People's names as citations need them: the family name (for citation keys, BibTeX and APA's
 * "Yang, A.") and the given names (for initials). Names come as shown on a paper, "An Yang", or
 * already inverted, "Yang, An".
 */

export interface PersonName {
  /** Given names in order (`["Jean-Pierre", "M."]`); empty for a single-word name. */
  given: string[];
  /** Family name with its particles (`van der Berg`). */
  family: string;
  /** A generational suffix (`Jr.`, `III`), or null. */
  suffix: string | null;
}

/** Lowercase words that belong to the family name that follows them. */
const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "dos",
  "du",
  "la",
  "le",
  "ter",
  "ten",
]);
const SUFFIX = /^(?:jr|sr)\.?$|^(?:ii|iii|iv)$/i;

/** Splits a name into given names, family name and suffix. Never throws: an empty name gives empty parts. */
export function splitName(name: string): PersonName {
  const clean = name.replace(/\s+/g, " ").trim();
  const comma = clean.split(/\s*,\s*/);
  if (comma.length >= 2 && comma[0]) {
    // "Family, Given" or "Family, Suffix, Given" (BibTeX's inverted forms).
    const [family = "", second = "", third] = comma;
    if (third !== undefined) return { given: words(third), family, suffix: second || null };
    return { given: words(second), family, suffix: null };
  }
  const tokens = words(clean);
  let suffix: string | null = null;
  if (tokens.length > 2 && SUFFIX.test(tokens.at(-1)!)) suffix = tokens.pop()!;
  if (tokens.length <= 1) return { given: [], family: tokens[0] ?? "", suffix };
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has(tokens[start - 1]!)) start--;
  return { given: tokens.slice(0, start), family: tokens.slice(start).join(" "), suffix };
}

/** Initials of given names as APA writes them: "Jean-Pierre Marie" -> "J.-P. M.". */
export function initials(given: string[]): string {
  return given
    .map((word) =>
      word
        .split("-")
        .map((part) => (Array.from(part)[0] ?? "").toUpperCase())
        .filter(Boolean)
        .map((letter) => `${letter}.`)
        .join("-"),
    )
    .filter(Boolean)
    .join(" ");
}

function words(text: string): string[] {
  return text.split(" ").filter(Boolean);
}
