/**
 * The TeX that arXiv abstracts and titles carry: math (`$k$`, `\(x\)`), text-mode commands
 * (`\emph{}`, `R\'{e}nyi`, ``` ``quotes'' ```, `--`, `~`) and bare URLs. `parseTex` reads a
 * paragraph into a small tree; `texToPlainText` gives the Unicode text a reader means by it.
 * Nothing here produces HTML: `rich-text.ts` does, through the markdown pipeline.
 */

import { TEX_ACCENTS, lettersByTexCommand } from "./text/letters.ts";

export type TexNode =
  | { type: "text"; value: string }
  | { type: "math"; value: string; display: boolean }
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

class Reader {
  pos = 0;
  /** Single quotes opened with ` and not yet closed, so that the next ' closes them. */
  openSingles = 0;
  constructor(readonly src: string) {}
  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }
  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }
  done(): boolean {
    return this.pos >= this.src.length;
  }
}

/** Parses one paragraph of TeX-flavoured text. Never throws: what it cannot read stays text. */
export function parseTex(source: string): TexNode[] {
  const reader = new Reader(source);
  return mergeText(readNodes(reader, false));
}

function readNodes(r: Reader, inGroup: boolean): TexNode[] {
  const nodes: TexNode[] = [];
  const text = (value: string) => nodes.push({ type: "text", value });
  while (!r.done()) {
    const ch = r.peek();
    if (ch === "}" && inGroup) return nodes;
    if (ch === "\\") {
      nodes.push(...readCommand(r));
      continue;
    }
    if (ch === "$") {
      const math = readDollarMath(r);
      if (math) nodes.push(math);
      else {
        text("$");
        r.pos++;
      }
      continue;
    }
    if (ch === "{") {
      nodes.push(...readBareGroup(r));
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
      nodes.push(readUrl(r));
      continue;
    }
    text(ch);
    r.pos++;
  }
  return nodes;
}

function atWordStart(r: Reader): boolean {
  const before = r.src[r.pos - 1];
  return before === undefined || /[\s([<"'“‘:;,]/.test(before);
}

/** A `{...}` group (the `{` already read): its content, styled when it opens with `\em` or `\bf`. */
function readGroup(r: Reader): TexNode[] {
  const declaration = /^\\([A-Za-z]+)\s*/.exec(r.src.slice(r.pos));
  let style: "emphasis" | "strong" | null = null;
  const name = declaration?.[1];
  if (declaration && name && name in DECLARATIONS) {
    style = DECLARATIONS[name] ?? null;
    r.pos += declaration[0].length;
  }
  const children = readNodes(r, true);
  if (r.peek() === "}") r.pos++;
  return style ? [{ type: style, children: mergeText(children) }] : children;
}

/**
 * A group that is no command's argument. TeX would only group: `{BERT}` (case protection) shows
 * as BERT. But braces around spaced text (`{{ x }}`) or left open are not TeX the author meant to
 * hide, so they are shown as written.
 */
function readBareGroup(r: Reader): TexNode[] {
  const start = r.pos;
  r.pos++;
  const children = readGroup(r);
  const closed = r.src[r.pos - 1] === "}" && r.pos - 1 > start;
  const inner = r.src.slice(start + 1, closed ? r.pos - 1 : r.pos);
  const declaration = /^\\([A-Za-z]+)/.exec(inner)?.[1];
  if (closed && ((declaration && declaration in DECLARATIONS) || !/\s/.test(inner))) return children;
  return [{ type: "text", value: "{" }, ...children, ...(closed ? [{ type: "text" as const, value: "}" }] : [])];
}

/** A command argument: a `{group}`, or else the single next character. */
function readArgument(r: Reader): TexNode[] {
  while (r.peek() === " ") r.pos++;
  if (r.peek() === "{") {
    r.pos++;
    return readGroup(r);
  }
  if (r.peek() === "\\") return readCommand(r);
  const ch = r.peek();
  r.pos++;
  return ch ? [{ type: "text", value: ch }] : [];
}

/** The raw text of a `{...}` argument, for URLs. */
function readRawArgument(r: Reader): string | null {
  if (r.peek() !== "{") return null;
  const close = r.src.indexOf("}", r.pos);
  if (close < 0) return null;
  const raw = r.src.slice(r.pos + 1, close);
  r.pos = close + 1;
  return raw;
}

function readCommand(r: Reader): TexNode[] {
  const next = r.peek(1);
  if (next === "(" || next === "[") {
    const close = next === "(" ? "\\)" : "\\]";
    const end = r.src.indexOf(close, r.pos + 2);
    if (end > r.pos + 2) {
      const value = r.src.slice(r.pos + 2, end);
      r.pos = end + 2;
      return [{ type: "math", value: value.trim(), display: next === "[" }];
    }
  }
  if (next && SYMBOL_ACCENTS.has(next)) {
    r.pos += 2;
    return [accent(next, readArgument(r))];
  }
  if (PUNCTUATION_ESCAPES.has(next)) {
    r.pos += 2;
    return [{ type: "text", value: next }];
  }
  if (next === "\\") {
    r.pos += 2;
    return [{ type: "text", value: " " }];
  }
  if (next === " " || next === "," || next === ";" || next === ":") {
    r.pos += 2;
    return [{ type: "text", value: next === " " ? " " : "\u2009" }];
  }
  if (next === "-" || next === "!" || next === "/") {
    r.pos += 2;
    return [];
  }
  const word = /^[A-Za-z]+/.exec(r.src.slice(r.pos + 1));
  if (!word) {
    r.pos += 1;
    return [{ type: "text", value: "\\" }];
  }
  const name = word[0];
  const start = r.pos;
  r.pos += 1 + name.length;
  if (name in ACCENTS && name.length === 1) return [accent(name, readArgument(r))];
  if (EMPHASIS.has(name)) return [{ type: "emphasis", children: mergeText(readArgument(r)) }];
  if (STRONG.has(name)) return [{ type: "strong", children: mergeText(readArgument(r)) }];
  if (TRANSPARENT.has(name)) return readArgument(r);
  if (name === "url") {
    const url = readRawArgument(r);
    if (url !== null) return [link(unescapeUrl(url), null)];
  }
  if (name === "href") {
    const url = readRawArgument(r);
    if (url !== null) {
      while (r.peek() === " ") r.pos++;
      const label = r.peek() === "{" ? (r.pos++, readGroup(r)) : [];
      return [link(unescapeUrl(url), texToPlainText(label) || null)];
    }
  }
  if (name in SYMBOLS) {
    // A control word swallows the spaces after it (`\ss e` is "ße"); `{}` ends it explicitly.
    if (r.startsWith("{}")) r.pos += 2;
    else while (r.peek() === " ") r.pos++;
    return [{ type: "text", value: SYMBOLS[name]! }];
  }
  // An unknown command is kept as written, braces too: better shown raw than silently dropped.
  const kept: TexNode[] = [{ type: "text", value: r.src.slice(start, r.pos) }];
  while (r.peek() === "{") {
    r.pos++;
    kept.push({ type: "text", value: "{" }, ...readNodes(r, true), { type: "text", value: "}" });
    if (r.peek() === "}") r.pos++;
  }
  return kept;
}

function accent(mark: string, argument: TexNode[]): TexNode {
  const base = texToPlainText(argument);
  if (!base) return { type: "text", value: mark };
  const combined = (base.replace(/^ı/, "i").replace(/^ȷ/, "j")[0] ?? "") + ACCENTS[mark]! + base.slice(1);
  return { type: "text", value: combined.normalize("NFC") };
}

/**
 * `$...$` or `$$...$$` at the reader, following pandoc's rule so that prices stay text: the
 * opening `$` is followed by a non-space, the closing one preceded by a non-space and not
 * followed by a digit.
 */
function readDollarMath(r: Reader): TexNode | null {
  if (r.startsWith("$$")) {
    const end = r.src.indexOf("$$", r.pos + 2);
    if (end > r.pos + 2) {
      const value = r.src.slice(r.pos + 2, end).trim();
      r.pos = end + 2;
      return { type: "math", value, display: true };
    }
    return null;
  }
  const first = r.peek(1);
  if (!first || /\s/.test(first)) return null;
  for (let i = r.pos + 1; i < r.src.length; i++) {
    const c = r.src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c !== "$") continue;
    if (/\s/.test(r.src[i - 1]!) || /\d/.test(r.src[i + 1] ?? "")) return null;
    const value = r.src.slice(r.pos + 1, i);
    r.pos = i + 1;
    return { type: "math", value, display: false };
  }
  return null;
}

function readUrl(r: Reader): TexNode {
  let end = r.pos;
  let url = "";
  while (end < r.src.length) {
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
  let trimmed = url;
  for (;;) {
    const last = trimmed.at(-1) ?? "";
    if (/[.,;:!?'’”*]/.test(last)) trimmed = trimmed.slice(0, -1);
    else if (last === ")" && count(trimmed, "(") < count(trimmed, ")")) trimmed = trimmed.slice(0, -1);
    else if (last === "]" && count(trimmed, "[") < count(trimmed, "]")) trimmed = trimmed.slice(0, -1);
    else break;
  }
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

const MATH_SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  times: "×",
  cdot: "·",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  ne: "≠",
  approx: "≈",
  sim: "~",
  pm: "±",
  infty: "∞",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  Rightarrow: "⇒",
  in: "∈",
  sum: "∑",
  prod: "∏",
  ell: "ℓ",
  partial: "∂",
  nabla: "∇",
  sqrt: "√",
  log: "log",
  exp: "exp",
  min: "min",
  max: "max",
  ldots: "…",
  cdots: "…",
  dots: "…",
  mathbb: "",
  mathcal: "",
  mathrm: "",
  mathbf: "",
  text: "",
  operatorname: "",
  left: "",
  right: "",
  big: "",
  Big: "",
  quad: " ",
  qquad: " ",
  percent: "%",
};

/** The text a reader would say for a TeX math expression: `top-$1$` -> "1", `\alpha` -> "α". */
export function mathToPlainText(tex: string): string {
  return tex
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "$1/$2")
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => MATH_SYMBOLS[name] ?? name)
    .replace(/\\([%$&#_{},;:! ])/g, (_, c: string) => (/[,;:! ]/.test(c) ? " " : c))
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
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
