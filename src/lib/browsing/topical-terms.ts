/**
 * Which of the terms two related papers share are worth showing as the reason they are related:
 * words a reader takes for a topic ("retrieval", "trillion", "chinese"), not the words every
 * abstract is written with. The similarity itself counts every term (`text-similarity.ts`); this
 * only chooses what the explanation names.
 */
import { eng as englishStopWords } from "stopword";

/**
 * Words of scholarly prose that say how a paper argues or how much, not what it is about; the
 * function words ("each", "the") are those of the `stopword` package's English list.
 */
const NOT_TOPICAL = new Set([
  ...englishStopWords,
  ...[
    // what the authors do
    "achieve achieves achieved achieving apply applies applied applying address addresses based bring brings",
    "conduct conducted consider considers demonstrate demonstrates demonstrated design designed develop",
    "developed enable enables enabled evaluate evaluated explore explores extensive find finds focus",
    "improve improves improved improving introduce introduces introduced leverage leverages make makes",
    "obtain obtains outperform outperforms perform performs present presents presented produce produces",
    "propose proposes proposed provide provides provided reach reaches require requires required show",
    "shows shown study studies studied take takes use uses used using utilize yield yields",
    // how the authors qualify it
    "able across additional better best common comparable current different easy effective effectively",
    "efficient various existing extremely first further general given good great high higher important",
    "key large larger largest less low lower main many moreover much multiple new novel overall",
    "particular particularly possible previous prior promising recent recently respectively several",
    "significant significantly similar simple single small specific specifically strong stronger such",
    "substantial top well whole wide widely",
    // the frame of any paper
    "aim approach approaches art case cases effect experiment experiments experimental fact field kind",
    "lot manner method methods number paper part problem problems result results series set state step",
    "steps terms thing way ways work works",
    // halves of hyphenated words ("multi-modal", "pre-training")
    "multi non pre",
  ]
    .join(" ")
    .split(" "),
]);

/** True when a shared term names something a reader takes for the papers' common ground. */
export function isTopicalTerm(term: string): boolean {
  const word = term.toLowerCase();
  // A name of two characters counts when it mixes letters and digits ("m6").
  const long = word.length >= 3 || (/\d/.test(word) && /\p{L}/u.test(word));
  return long && !/^\d+$/.test(word) && !NOT_TOPICAL.has(word);
}

/** The first `count` topical terms, in the order given (best first). */
export function topicalTerms(terms: readonly string[], count = 3): string[] {
  return terms.filter(isTopicalTerm).slice(0, count);
}
