/**
 * BibTeX for the catalogue's papers: stable, unique citation keys (`yang2018scidtb`) and one
 * entry per paper, escaped so that BibTeX and LaTeX read back exactly the title and names given.
 */
import { capitalisedWords, keepsCapitals, properNouns } from "./sentence-case.ts";
import type { Paper } from "../content/paper.ts";
import { splitName } from "../text/person-name.ts";
import { LATIN_LETTERS, TEX_ACCENTS, asciiLetters } from "../text/letters.ts";
import { describeVenue } from "../content/venue.ts";

/** Title words a key skips to find the first significant one. */
const STOPWORDS = new Set(
  "a an the on of in for to and with from by at as is are via toward towards into about do does can what how why when which who we our its".split(
    " ",
  ),
);

/** TeX accent commands by the combining mark NFD gives (`é` -> `e` + U+0301 -> `\'e`); a command that is a letter takes a space. */
const ACCENT_COMMANDS: Record<string, string> = Object.fromEntries(
  Object.entries(TEX_ACCENTS).map(([name, mark]) => [mark, /^[a-z]$/i.test(name) ? `\\${name} ` : `\\${name}`]),
);

/** ASCII characters that TeX's text mode does not print as themselves. */
const TEXT_SYMBOLS: Record<string, string> = {
  "^": "\\textasciicircum{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

/** Punctuation that TeX spells in ASCII. */
const TEX_PUNCTUATION: Record<string, string> = {
  "–": "--",
  "—": "---",
  "“": "``",
  "”": "''",
  "‘": "`",
  "’": "'",
  "…": "\\ldots{}",
  "\u00A0": "~",
};

/** Lowercase ASCII letters and digits only, Latin letters spelled out (`text/letters.ts`): "Rényi" -> "renyi", "Ðóra" -> "dora", "M6-T" -> "m6t". */
export function asciiKeyPart(text: string): string {
  return asciiLetters(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** `<first author's family name><year><first significant title word>`, before disambiguation. */
export function citationKeyBase(paper: Pick<Paper, "authors" | "year" | "title" | "untitled">): string {
  const first = paper.authors[0];
  const family = (first && asciiKeyPart(splitName(first.name).family)) || "anon";
  const words = paper.untitled ? [] : paper.title.text.split(/\s+/);
  const word = words.map(asciiKeyPart).find((w) => w && !STOPWORDS.has(w)) ?? "";
  return `${family}${paper.year}${word}`;
}

/**
 * A unique key for every paper, by id. Papers are taken in id order (chronological for arXiv
 * ids) and the first keeps the plain key, later ones with the same key get `b`, `c`, ...:
 * adding a newer paper never changes an older paper's key.
 */
export function assignCitationKeys(
  papers: readonly Pick<Paper, "id" | "authors" | "year" | "title" | "untitled">[],
): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const paper of [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const base = citationKeyBase(paper);
    let key = base;
    for (let n = 1; used.has(key); n++) key = base + letterSuffix(n);
    used.add(key);
    keys.set(paper.id, key);
  }
  return keys;
}

/** 1 -> "b", 25 -> "z", 26 -> "ba": a suffix that never starts with "a", so it reads as a second, third... */
function letterSuffix(n: number): string {
  return n
    .toString(26)
    .split("")
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
    .join("");
}

/**
 * The BibTeX entry for a paper under `key`: `@inproceedings` or `@article` where the venue is
 * known, else `@misc` as arXiv's own export writes a preprint. Every standard style prints a
 * preprint's source: `plain` ignores `eprint`, `url` and `doi`, so it is also written out in
 * `howpublished` ("arXiv preprint arXiv:2105.15082", as Google Scholar and the ACL Anthology name
 * an arXiv paper). arXiv's DOI is the preprint's: a published paper carries only its publisher's.
 */
export function bibtexEntry(paper: Paper, key: string): string {
  const venue = paper.venue ? describeVenue(paper.venue) : null;
  const type = !venue ? "misc" : venue.kind === "journal" ? "article" : "inproceedings";
  const fields: [string, string | null][] = [
    ["title", texField(paper.title.raw, titleProperNouns(paper))],
    ["author", paper.authors.length ? paper.authors.map((a) => authorField(a.raw)).join(" and ") : null],
    [venue?.kind === "journal" ? "journal" : "booktitle", venue ? textField(venue.name) : null],
    ["howpublished", venue ? null : textField(arxivPreprint(paper.id))],
    ["year", String(paper.year)],
    ["pages", venue?.pages ? `${venue.pages.first}--${venue.pages.last}` : null],
    ["doi", venue ? paper.doi && verbatimField(paper.doi) : verbatimField(paper.doi ?? paper.arxivDoi)],
    ["url", verbatimField(venue ? (paper.venueUrl ?? paper.links.abs) : paper.links.abs)],
    ["eprint", paper.id],
    ["archivePrefix", "arXiv"],
    ["primaryClass", paper.categories[0] ?? null],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(",\n");
  return `@${type}{${key},\n${body}\n}`;
}

/** The proper nouns of a paper's abstract that its title uses, so its title keeps their capitals. */
export function titleProperNouns(paper: Pick<Paper, "title" | "abstract">): Set<string> {
  return properNouns(paper.abstract.text, capitalisedWords(paper.title.raw, paper.title.text));
}

/** How a reference names an arXiv-only paper's source: "arXiv preprint arXiv:2105.15082". */
export function arxivPreprint(id: string): string {
  return `arXiv preprint arXiv:${id}`;
}

/** A `.bib` file of entries, one blank line between them. */
export function bibtexFile(entries: readonly string[]): string {
  return entries.length ? `${entries.join("\n\n")}\n` : "";
}

/**
 * A field from TeX source (a title, a name): TeX commands, math and balanced groups are kept,
 * characters that TeX reads as syntax are escaped, accented letters become TeX accents. With
 * `protectCase` (true, or the proper nouns of the paper's abstract), the words that keep their
 * capitals in sentence case (`SciDTB`, `M6-T`, `Chinese`: see `citing/sentence-case.ts`) are
 * braced so that a style that lowercases titles keeps them.
 */
export function texField(raw: string, protectCase: boolean | ReadonlySet<string>): string {
  const chars = Array.from(raw.replace(/\s+/g, " ").trim());
  const protect = protectCase === false ? null : protectCase === true ? new Set<string>() : protectCase;
  return escapeTex(chars, matchBraces(chars), 0, chars.length, protect);
}

function escapeTex(
  chars: string[],
  pairs: Map<number, number>,
  from: number,
  to: number,
  protect: ReadonlySet<string> | null,
): string {
  let out = "";
  let word = "";
  // The closing `$` of math printed as text, to be printed as text too.
  const unpairedDollars = new Set<number>();
  const flush = () => {
    if (!word) return;
    // Most words are ASCII letters and digits, which TeX prints as themselves.
    const escaped = /^[A-Za-z0-9-]*$/.test(word)
      ? word
      : Array.from(word)
          .map((ch) => escapeChar(ch, "tex"))
          .join("");
    out += protect && keepsCapitals(word, protect) ? `{${escaped}}` : escaped;
    word = "";
  };
  for (let i = from; i < to; i++) {
    const ch = chars[i]!;
    if (isLetterOrDigit(ch) || (ch === "-" && word && isLetterOrDigit(chars[i + 1] ?? ""))) {
      word += ch;
      continue;
    }
    flush();
    if (ch === "\\") {
      const command = /^\\(?:[A-Za-z]+|.)?/su.exec(chars.slice(i, i + 40).join(""))![0];
      out += command === "\\" ? "\\textbackslash{}" : command;
      i += Array.from(command).length - 1;
    } else if (ch === "$") {
      const close = findMathEnd(chars, i, to);
      // Math is copied as written only when its braces pair up inside it (`$x^{2$` would open a group that never closes).
      if (close < 0 || unpairedDollars.has(i)) out += "\\$";
      else if (!bracesBalance(chars, i + 1, close)) {
        out += "\\$";
        unpairedDollars.add(close);
      } else {
        out += chars.slice(i, close + 1).join("");
        i = close;
      }
    } else if (ch === "{" && pairs.has(i)) {
      const close = pairs.get(i)!;
      out += `{${escapeTex(chars, pairs, i + 1, close, null)}}`;
      i = close;
    } else if (ch === "{" || ch === "}") {
      out += `\\${ch}`;
    } else {
      out += escapeChar(ch, "tex");
    }
  }
  flush();
  return out;
}

/** True for one character that is a letter or a digit, in any script (an ASCII one decided without a regular expression). */
function isLetterOrDigit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

/** A field from plain text (a venue): every character TeX reads as syntax is escaped. */
export function textField(text: string): string {
  return Array.from(text.replace(/\s+/g, " ").trim())
    .map((ch) => escapeChar(ch, "text"))
    .join("");
}

/** An author as BibTeX reads a name; a name with " and " in it is braced so that it stays one author. */
function authorField(raw: string): string {
  const field = texField(raw, false);
  return /\sand\s/i.test(raw) ? `{${field}}` : field;
}

/** A URL or DOI, as written: only braces, which would end the field, are percent-encoded. */
function verbatimField(value: string): string {
  return value.replace(/[{}]/g, encodeURIComponent);
}

function escapeChar(ch: string, mode: "tex" | "text"): string {
  if ("&%#_".includes(ch)) return `\\${ch}`;
  if (TEXT_SYMBOLS[ch]) return TEXT_SYMBOLS[ch];
  if (mode === "text") {
    if (ch === "\\") return "\\textbackslash{}";
    if (ch === "{" || ch === "}" || ch === "$") return `\\${ch}`;
    if (ch === "~") return "\\textasciitilde{}";
  }
  if (ch.charCodeAt(0) < 128) return ch;
  const special = LATIN_LETTERS[ch]?.tex;
  if (special) return `{${special}}`;
  if (TEX_PUNCTUATION[ch]) return TEX_PUNCTUATION[ch];
  const [base = "", ...marks] = Array.from(ch.normalize("NFD"));
  if (/^[A-Za-z]$/.test(base) && marks.length === 1 && ACCENT_COMMANDS[marks[0]!]) {
    return `{${ACCENT_COMMANDS[marks[0]!]}${base}}`;
  }
  return ch;
}

/** True when every brace in `chars[from, to)` that is not escaped has its pair there. */
function bracesBalance(chars: string[], from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (chars[i] === "\\") i++;
    else if (chars[i] === "{") depth++;
    else if (chars[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Each `{` that has its `}`, by position; a brace without its pair is escaped rather than let end the field. */
function matchBraces(chars: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\\") i++;
    else if (chars[i] === "{") open.push(i);
    else if (chars[i] === "}" && open.length) pairs.set(open.pop()!, i);
  }
  return pairs;
}

function findMathEnd(chars: string[], open: number, to: number): number {
  for (let i = open + 1; i < to; i++) {
    if (chars[i] === "\\") i++;
    else if (chars[i] === "$") return i > open + 1 ? i : -1;
  }
  return -1;
}
