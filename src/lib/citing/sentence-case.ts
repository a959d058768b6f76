/**
 * Which words of a title keep their capitals when a citation style writes it in sentence case,
 * and the title in sentence case (APA 7, 6.17: the first word, the first word after a colon, and
 * proper nouns capitalised). One rule for both readers of it: the BibTeX entry braces exactly
 * these words (so `plain` and every style that lowercases titles keep them), and the APA reference
 * lowercases every other word.
 *
 * Kept: acronyms and names with capitals inside (`SciDTB`, `InterBERT`, `OFA`, `M6-T`, `x-Y`), capital
 * letters on their own (`Q&A`) but the article "A", and
 * the proper nouns the paper's own abstract writes capitalised in mid-sentence and never in lower
 * case (`Chinese`, `Transformer` where the authors write it so). A word capitalised only in title
 * case is lowercased.
 */

/** A word as titles are cut into words: letters and digits, with hyphens inside. */
export const TITLE_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The proper nouns of a text (lower case): words written with a capital first letter and small
 * letters after it, in mid-sentence, and never written all in lower case. With `among` (lower
 * case), only those are looked for: the answer is the same, restricted to them, and much
 * quicker to find (an abstract has hundreds of words, a title a few that matter).
 */
export function properNouns(text: string, among?: ReadonlySet<string>): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  const words = [...text.matchAll(TITLE_WORD)];
  const parts = words.map((match) => (match[0].includes("-") ? match[0].split("-") : [match[0]]));
  // runEnd[i]: the index after the run of capitalised words that starts at i.
  const runEnd = new Int32Array(words.length + 1);
  runEnd[words.length] = words.length;
  for (let i = words.length - 1; i >= 0; i--) runEnd[i] = parts[i]!.every(isCapitalised) ? runEnd[i + 1]! : i;
  for (let i = 0; i < words.length; i++) {
    const match = words[i]!;
    // The spelt-out name of an acronym ("Pretrained Language Models (PLMs)") is capitalised for the acronym's sake.
    const run = runEnd[i]!;
    if (run > i + 1) {
      const end = words[run - 1]!.index + words[run - 1]![0].length;
      if (/^\s*\(\p{Lu}/u.test(text.slice(end))) {
        i = run - 1;
        continue;
      }
    }
    for (const part of parts[i]!) {
      // A part that starts with a small ASCII letter is in lower case or not capitalised at all.
      if (among && startsLowerAscii(part)) {
        if (among.has(part) && part === part.toLowerCase()) lower.add(part);
        continue;
      }
      if (part === part.toLowerCase()) lower.add(part);
      else if (isCapitalised(part) && !startsSentence(text, match.index)) capitalised.add(part.toLowerCase());
    }
  }
  return new Set([...capitalised].filter((word) => !lower.has(word) && (!among || among.has(word))));
}

/** The capitalised words of a title (lower case): the only ones whose being proper nouns matters to it. */
export function capitalisedWords(...titles: string[]): Set<string> {
  const words = new Set<string>();
  for (const title of titles)
    for (const match of title.matchAll(TITLE_WORD))
      for (const part of match[0].split("-")) if (isCapitalised(part)) words.add(part.toLowerCase());
  return words;
}

const startsLowerAscii = (part: string) => {
  const first = part.charCodeAt(0);
  return first >= 97 && first <= 122;
};

/** True when a title word keeps its capitals in sentence case: an acronym, a name with inner capitals, a proper noun. */
export function keepsCapitals(word: string, nouns: ReadonlySet<string> = new Set()): boolean {
  return word.split("-").some((part) => {
    const letters = Array.from(part);
    const hasCapital = /\p{Lu}/u.test(part);
    return (
      letters.slice(1).some((ch) => /\p{Lu}/u.test(ch)) ||
      (hasCapital && /\p{N}/u.test(part)) ||
      // A letter on its own is a name (`Q&A`, `X-ray`, `Type I`), but for the article "A".
      (letters.length === 1 && hasCapital && part !== "A") ||
      (isCapitalised(part) && nouns.has(part.toLowerCase()))
    );
  });
}

/**
 * A title in sentence case: each word that does not keep its capitals is lowercased, and the
 * first word of the title and of a subtitle (after `:`, `?`, `!` or `.`) starts with a capital.
 */
export function sentenceCase(title: string, nouns: ReadonlySet<string> = new Set()): string {
  let out = "";
  let last = 0;
  for (const match of title.matchAll(TITLE_WORD)) {
    const word = match[0];
    const before = title.slice(last, match.index);
    const opensSentence = last === 0 ? !/[\p{L}\p{N}]/u.test(before) : /[:?!.]\s*$/.test(before) && /\s/.test(before);
    let cased = keepsCapitals(word, nouns) ? word : word.toLowerCase();
    if (opensSentence) cased = cased.charAt(0).toUpperCase() + cased.slice(1);
    out += before + cased;
    last = match.index + word.length;
  }
  return out + title.slice(last);
}

function isCapitalised(part: string): boolean {
  const first = part.charCodeAt(0);
  // Most words start with a small ASCII letter or a digit: no regular expression needed for them.
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  return /^\p{Lu}\p{Ll}+$/u.test(part);
}

/** True when the word at `index` begins a sentence: at the start, or after `.`, `!`, `?` or `:` and a space. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /[.!?:]["')\]]*\s+$/.test(before) || /^\s*$/.test(text.slice(0, index));
}
