/**
 * The TeX that arXiv abstracts and titles carry: math (`$k$`, `\(x\)`, `$$...$$`, environments:
 * found as MathJax finds them, `text/math-delimiters.ts`), text-mode commands (`\emph{}`,
 * `R\'{e}nyi`, ``` ``quotes'' ```, `--`, `~`) and bare URLs. `parseTex` reads a paragraph into a
 * small tree, `parseTexParagraphs` a whole abstract; `texToPlainText` gives the Unicode text a
 * reader means by it. Nothing here produces HTML: `rich-text.ts` does, through the markdown
 * pipeline.
 *
 * The reader is linear in its input and bounded in depth: groups and arguments nested deeper
 * than `MAX_DEPTH` are kept as written, braces and all, instead of being read.
 */
import { findMathSpans, type MathSpan } from "./math-delimiters.ts";
import { mathToPlainText } from "./math-text.ts";

export { mathToPlainText };

import { TEX_ACCENTS, lettersByTexCommand } from "./letters.ts";

export type TexNode =
  | { type: "text"; value: string }
  /** `value` is the TeX typeset, `source` the formula as written, delimiters included. */
  | { type: "math"; value: string; display: boolean; source: string }
  | { type: "link"; url: string; label: string }
  | { type: "emphasis"; children: TexNode[] }
  | { type: "strong"; children: TexNode[] };

/** Combining marks for TeX accents (`\'e` -> e + U+0301 -> é after NFC). */
const ACCENTS = TEX_ACCENTS;
const SYMBOL_ACCENTS = new Set(["'", "`", "^", '"', "~", "=", "."]);

/** Text-mode control words that stand for a character or a word. */
const SYMBOLS: Record<string, string> = {
  ...lettersByTexCommand(),
  aa: "å",
  AA: "Å",
  ldots: "…",
  dots: "…",
  textellipsis: "…",
  textendash: "–",
  textemdash: "—",
  textquoteleft: "‘",
  textquoteright: "’",
  textquotedblleft: "“",
  textquotedblright: "”",
  S: "§",
  P: "¶",
  dag: "†",
  ddag: "‡",
  copyright: "©",
  textcopyright: "©",
  textregistered: "®",
  texttrademark: "™",
  pounds: "£",
  euro: "€",
  textasciitilde: "~",
  textbackslash: "\\",
  textbar: "|",
  textless: "<",
  textgreater: ">",
  textbullet: "•",
  textdegree: "°",
  LaTeX: "LaTeX",
  TeX: "TeX",
  BibTeX: "BibTeX",
  quad: " ",
  qquad: " ",
  newline: " ",
  linebreak: " ",
  par: " ",
};
const EMPHASIS = new Set(["emph", "textit", "textsl", "mathit"]);
const STRONG = new Set(["textbf", "mathbf"]);
/** Commands whose argument is shown as plain text. */
const TRANSPARENT = new Set([
  "textrm",
  "textsf",
  "texttt",
  "textsc",
  "textup",
  "textmd",
  "textnormal",
  "text",
  "mbox",
  "hbox",
  "underline",
  "uline",
  "textsuperscript",
  "textsubscript",
  "mathrm",
  "mathsf",
  "mathtt",
  "boldsymbol",
]);
/** Declarations that switch style until the end of their group: `{\em word}`. */
const DECLARATIONS: Record<string, "emphasis" | "strong" | null> = {
  em: "emphasis",
  it: "emphasis",
  sl: "emphasis",
  itshape: "emphasis",
  bf: "strong",
  bfseries: "strong",
  rm: null,
  sf: null,
  tt: null,
  sc: null,
  normalfont: null,
  small: null,
  footnotesize: null,
  large: null,
};
const PUNCTUATION_ESCAPES = new Set(["$", "%", "&", "#", "_", "{", "}"]);

const URL_START = /^(?:https?:\/\/|www\.)/i;
/** Whether a URL may start at `ch`: a cheap test that spares the regex on almost every character. */
const mayStartUrl = (ch: string): boolean => ch === "h" || ch === "H" || ch === "w" || ch === "W";
const URL_CHAR = /[^\s<>"{}|^`]/;

/** How deep groups and command arguments are read; deeper ones are kept as written. */
export const MAX_DEPTH = 64;

class Reader {
  pos = 0;
  /** Single quotes opened with ` and not yet closed, so that the next ' closes them. */
  openSingles = 0;
  /** Groups and arguments being read. */
  depth = 0;
  /** Braces opened as text past `MAX_DEPTH`, whose closing braces are text too. */
  literalBraces = 0;
  private closeBrace = { from: Number.POSITIVE_INFINITY, at: -1 };
  private spaces: Uint32Array | null = null;
  constructor(
    readonly src: string,
    /** The formulas of `src`, by where they start. */
    readonly math: Map<number, MathSpan>,
  ) {}
  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }
  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }
  done(): boolean {
    return this.pos >= this.src.length;
  }
  /** The first `}` at or after `from`, or -1; remembered, so that many unclosed arguments cost one search. */
  nextCloseBrace(from: number): number {
    const known = this.closeBrace;
    if (!(from >= known.from && (known.at === -1 || from <= known.at))) {
      this.closeBrace = { from, at: this.src.indexOf("}", from) };
    }
    return this.closeBrace.at;
  }
  /** Whether `src[start, end)` holds white space, in constant time. */
  hasSpace(start: number, end: number): boolean {
    if (!this.spaces) {
      this.spaces = new Uint32Array(this.src.length + 1);
      for (let i = 0; i < this.src.length; i++)
        this.spaces[i + 1] = this.spaces[i]! + (/\s/.test(this.src[i]!) ? 1 : 0);
    }
    return this.spaces[end]! > this.spaces[start]!;
  }
  /** Matches an anchored (`y`) pattern at `at`. */
  matchAt(pattern: RegExp, at: number): RegExpExecArray | null {
    pattern.lastIndex = at;
    return pattern.exec(this.src);
  }
}

const WORD = /[A-Za-z]+/y;
const PLAIN_RUN = /[^\\$${}`'\-~hHwW]+/y;
const DECLARATION = /\\([A-Za-z]+)\s*/y;

/** Parses one paragraph of TeX-flavoured text. Never throws: what it cannot read stays text. */
export function parseTex(source: string): TexNode[] {
  return readParagraph(source, findMathSpans(source));
}

/**
 * Parses a text whose paragraphs are its lines (an abstract as the dump holds it). A formula may
 * run over several lines, as a display or an environment written over several lines of a record
 * does: the lines it spans are one paragraph. Blank paragraphs are dropped, the others trimmed.
 */
export function parseTexParagraphs(source: string): TexNode[][] {
  const spans = findMathSpans(source);
  const paragraphs: TexNode[][] = [];
  let start = 0;
  /** The spans of the paragraph being read: `spans[first, next)`. */
  let first = 0;
  let next = 0;
  for (let end = source.indexOf("\n"); ; end = source.indexOf("\n", end + 1)) {
    if (end === -1) end = source.length;
    // A line end inside a formula ends no paragraph.
    while (next < spans.length && spans[next]!.start < end) {
      if (spans[next]!.end > end) break;
      next++;
    }
    if (next < spans.length && spans[next]!.start < end && spans[next]!.end > end) continue;
    const paragraph = trimmed(source, start, end);
    if (paragraph) {
      const shifted = spans.slice(first, next).map((s) => ({
        ...s,
        start: s.start - paragraph.start,
        end: s.end - paragraph.start,
      }));
      paragraphs.push(readParagraph(source.slice(paragraph.start, paragraph.end), shifted));
    }
    start = end + 1;
    first = next;
    if (end >= source.length) return paragraphs;
  }
}

function trimmed(source: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(source[start]!)) start++;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

function readParagraph(source: string, spans: MathSpan[]): TexNode[] {
  const reader = new Reader(source, new Map(spans.map((span) => [span.start, span])));
  return mergeText(readNodes(reader, false));
}

/** Reads nodes into `out` up to the end, or up to the `}` that closes the group being read. */
function readNodes(r: Reader, inGroup: boolean, out: TexNode[] = []): TexNode[] {
  const text = (value: string) => out.push({ type: "text", value });
  while (!r.done()) {
    const math = r.math.get(r.pos);
    if (math) {
      out.push({ type: "math", value: math.tex, display: math.display, source: r.src.slice(math.start, math.end) });
      r.pos = math.end;
      continue;
    }
    const ch = r.peek();
    if (ch === "}" && r.literalBraces > 0) {
      text("}");
      r.literalBraces--;
      r.pos++;
      continue;
    }
    if (ch === "}" && inGroup) return out;
    if (ch === "\\") {
      readCommand(r, out);
      continue;
    }
    if (ch === "{") {
      if (r.depth >= MAX_DEPTH) {
        text("{");
        r.literalBraces++;
        r.pos++;
      } else readBareGroup(r, out);
      continue;
    }
    if (ch === "`") {
      if (r.peek(1) === "`") {
        text("“");
        r.pos += 2;
      } else {
        text("‘");
        r.openSingles++;
        r.pos++;
      }
      continue;
    }
    if (ch === "'") {
      if (r.peek(1) === "'") {
        text("”");
        r.pos += 2;
      } else {
        text(r.openSingles > 0 ? "’" : "'");
        if (r.openSingles > 0) r.openSingles--;
        r.pos++;
      }
      continue;
    }
    if (ch === "-" && r.startsWith("--")) {
      const em = r.startsWith("---");
      text(em ? "—" : "–");
      r.pos += em ? 3 : 2;
      continue;
    }
    if (ch === "~") {
      text("\u00A0");
      r.pos++;
      continue;
    }
    if (mayStartUrl(ch) && URL_START.test(r.src.slice(r.pos, r.pos + 8)) && atWordStart(r)) {
      out.push(readUrl(r));
      continue;
    }
    // A run of characters that mean only themselves (no math, command, group, quote, dash or URL starts there).
    const plain = r.matchAt(PLAIN_RUN, r.pos + 1);
    const end = r.pos + 1 + (plain ? plain[0].length : 0);
    text(r.src.slice(r.pos, end));
    r.pos = end;
  }
  return out;
}

function atWordStart(r: Reader): boolean {
  const before = r.src[r.pos - 1];
  return before === undefined || /[\s([<"'“‘:;,]/.test(before);
}

/**
 * A `{...}` group (the `{` already read) into `out`: its content, styled when it opens with `\em`
 * or `\bf`. Its closing brace is read too.
 */
function readGroup(r: Reader, out: TexNode[]): void {
  const declaration = r.matchAt(DECLARATION, r.pos);
  let style: "emphasis" | "strong" | null = null;
  const name = declaration?.[1];
  if (declaration && name && name in DECLARATIONS) {
    style = DECLARATIONS[name] ?? null;
    r.pos += declaration[0].length;
  }
  if (style) out.push({ type: style, children: mergeText(nested(r, () => readNodes(r, true))) });
  else nested(r, () => readNodes(r, true, out));
  if (r.peek() === "}") r.pos++;
}

/** Reads one level deeper. */
function nested<T>(r: Reader, read: () => T): T {
  r.depth++;
  try {
    return read();
  } finally {
    r.depth--;
  }
}

/**
 * A group that is no command's argument, into `out`. TeX would only group: `{BERT}` (case
 * protection) shows as BERT. But braces around spaced text (`{{ x }}`) or left open are not TeX
 * the author meant to hide, so they are shown as written.
 */
function readBareGroup(r: Reader, out: TexNode[]): void {
  const start = r.pos;
  r.pos++;
  const brace = out.push({ type: "text", value: "{" }) - 1;
  readGroup(r, out);
  const closed = r.src[r.pos - 1] === "}" && r.pos - 1 > start;
  const declaration = r.matchAt(DECLARATION, start + 1)?.[1];
  if (closed && ((declaration && declaration in DECLARATIONS) || !r.hasSpace(start + 1, r.pos - 1))) {
    out[brace] = { type: "text", value: "" };
  } else if (closed) out.push({ type: "text", value: "}" });
}

/** A command argument: a `{group}`, or else the single next character. */
function readArgument(r: Reader, out: TexNode[] = []): TexNode[] {
  while (r.peek() === " ") r.pos++;
  if (r.peek() === "{") {
    r.pos++;
    readGroup(r, out);
  } else if (r.peek() === "\\") nested(r, () => readCommand(r, out));
  else if (!r.done()) out.push({ type: "text", value: r.src[r.pos++]! });
  return out;
}

/** The raw text of a `{...}` argument, for URLs. */
function readRawArgument(r: Reader): string | null {
  if (r.peek() !== "{") return null;
  const close = r.nextCloseBrace(r.pos);
  if (close < 0) return null;
  const raw = r.src.slice(r.pos + 1, close);
  r.pos = close + 1;
  return raw;
}

/** A command (the reader at its backslash), into `out`. */
function readCommand(r: Reader, out: TexNode[]): void {
  const next = r.peek(1);
  const text = (value: string) => out.push({ type: "text", value });
  if (r.depth >= MAX_DEPTH) {
    // Too deep to read: the command is kept as written, and what follows it is read as text.
    const word = /[A-Za-z]/.test(next) ? r.matchAt(WORD, r.pos + 1)![0] : next;
    const kept = r.src.slice(r.pos, r.pos + 1 + word.length);
    r.pos += kept.length;
    text(kept);
    return;
  }
  if (next && SYMBOL_ACCENTS.has(next)) {
    r.pos += 2;
    out.push(accent(next, readArgument(r)));
    return;
  }
  if (PUNCTUATION_ESCAPES.has(next)) {
    r.pos += 2;
    text(next);
    return;
  }
  if (next === "\\") {
    r.pos += 2;
    text(" ");
    return;
  }
  if (next === " " || next === "," || next === ";" || next === ":") {
    r.pos += 2;
    text(next === " " ? " " : "\u2009");
    return;
  }
  if (next === "-" || next === "!" || next === "/") {
    r.pos += 2;
    return;
  }
  const word = r.matchAt(WORD, r.pos + 1);
  if (!word) {
    r.pos += 1;
    text("\\");
    return;
  }
  const name = word[0];
  const start = r.pos;
  r.pos += 1 + name.length;
  if (name in ACCENTS && name.length === 1) {
    out.push(accent(name, readArgument(r)));
    return;
  }
  if (EMPHASIS.has(name)) {
    out.push({ type: "emphasis", children: mergeText(readArgument(r)) });
    return;
  }
  if (STRONG.has(name)) {
    out.push({ type: "strong", children: mergeText(readArgument(r)) });
    return;
  }
  if (TRANSPARENT.has(name)) {
    readArgument(r, out);
    return;
  }
  if (name === "url") {
    const url = readRawArgument(r);
    if (url !== null) {
      out.push(link(unescapeUrl(url), null));
      return;
    }
  }
  if (name === "href") {
    const url = readRawArgument(r);
    if (url !== null) {
      while (r.peek() === " ") r.pos++;
      const label: TexNode[] = [];
      if (r.peek() === "{") {
        r.pos++;
        readGroup(r, label);
      }
      out.push(link(unescapeUrl(url), texToPlainText(label) || null));
      return;
    }
  }
  if (name in SYMBOLS) {
    // A control word swallows the spaces after it (`\ss e` is "ße"); `{}` ends it explicitly.
    if (r.startsWith("{}")) r.pos += 2;
    else while (r.peek() === " ") r.pos++;
    text(SYMBOLS[name]!);
    return;
  }
  // An unknown command is kept as written, braces too: better shown raw than silently dropped.
  text(r.src.slice(start, r.pos));
  while (r.peek() === "{" && r.depth < MAX_DEPTH) {
    r.pos++;
    text("{");
    nested(r, () => readNodes(r, true, out));
    if (r.peek() === "}") {
      text("}");
      r.pos++;
    }
  }
}

function accent(mark: string, argument: TexNode[]): TexNode {
  const base = texToPlainText(argument);
  if (!base) return { type: "text", value: mark };
  const combined = (base.replace(/^ı/, "i").replace(/^ȷ/, "j")[0] ?? "") + ACCENTS[mark]! + base.slice(1);
  return { type: "text", value: combined.normalize("NFC") };
}

function readUrl(r: Reader): TexNode {
  let end = r.pos;
  let url = "";
  while (end < r.src.length && !r.math.has(end)) {
    const c = r.src[end]!;
    if (c === "\\" && /[_%&#~$]/.test(r.src[end + 1] ?? "")) {
      url += r.src[end + 1];
      end += 2;
      continue;
    }
    if (!URL_CHAR.test(c)) break;
    url += c;
    end++;
  }
  // Trailing punctuation ends the sentence, not the URL; a closing bracket belongs to the URL only if opened in it.
  const open = { ")": count(url, "("), "]": count(url, "[") };
  const closed = { ")": count(url, ")"), "]": count(url, "]") };
  let length = url.length;
  for (;;) {
    const last = url[length - 1] ?? "";
    if (/[.,;:!?'’”*]/.test(last)) length--;
    else if ((last === ")" || last === "]") && open[last] < closed[last]) {
      closed[last]--;
      length--;
    } else break;
  }
  const trimmed = url.slice(0, length);
  // Advance over the source characters that made up the kept URL, escapes included.
  let consumed = 0;
  let pos = r.pos;
  while (consumed < trimmed.length) {
    pos += r.src[pos] === "\\" && /[_%&#~$]/.test(r.src[pos + 1] ?? "") ? 2 : 1;
    consumed++;
  }
  r.pos = pos;
  return link(trimmed, trimmed);
}

/** Only web and mail links become links; anything else (`javascript:`) stays text. */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

function link(url: string, label: string | null): TexNode {
  const href = /^www\./i.test(url) ? `https://${url}` : url;
  if (!SAFE_URL.test(href)) return { type: "text", value: label && label !== url ? `${label} (${url})` : url };
  return { type: "link", url: href, label: label ?? url };
}

function unescapeUrl(raw: string): string {
  return raw.trim().replace(/\\([_%&#~$])/g, "$1");
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function mergeText(nodes: TexNode[]): TexNode[] {
  const out: TexNode[] = [];
  for (const node of nodes) {
    const prev = out.at(-1);
    if (node.type === "text" && prev?.type === "text") prev.value += node.value;
    else out.push(node.type === "text" ? { ...node } : node);
  }
  return out;
}

/** Unicode text of parsed TeX: accents composed, math as its text, links as their label. */
export function texToPlainText(nodes: TexNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
          return node.value;
        case "math":
          return mathToPlainText(node.value);
        case "link":
          return node.label;
        default:
          return texToPlainText(node.children);
      }
    })
    .join("");
}
