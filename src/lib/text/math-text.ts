/**
 * The plain text of a TeX formula, for the places that show no typeset math (lists, feeds, a
 * tab's title, preview cards, search): `\alpha \leq \frac{1}{2}` reads "α ≤ 1/2",
 * `\sqrt{x_{_{ij}}}` "√xᵢⱼ", `n^{2}` "n²". No `_`, `^`, `$` or grouping brace is left: a script
 * is written with Unicode's superscript or subscript letters where each of its characters has one,
 * and as plain text after its base otherwise.
 *
 * Linear, and bounded in depth: past `MAX_DEPTH` nested groups, braces and scripts are dropped
 * and their content read as plain text.
 */

const MAX_DEPTH = 64;

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  varpi: "ϖ",
  rho: "ρ",
  varrho: "ϱ",
  sigma: "σ",
  varsigma: "ς",
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
  Upsilon: "Υ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  times: "×",
  cdot: "·",
  cdotp: "·",
  div: "÷",
  pm: "±",
  mp: "∓",
  ast: "∗",
  star: "⋆",
  circ: "∘",
  bullet: "•",
  oplus: "⊕",
  otimes: "⊗",
  leq: "≤",
  le: "≤",
  leqslant: "⩽",
  geq: "≥",
  ge: "≥",
  geqslant: "⩾",
  neq: "≠",
  ne: "≠",
  ll: "≪",
  gg: "≫",
  lesssim: "≲",
  gtrsim: "≳",
  approx: "≈",
  sim: "∼",
  simeq: "≃",
  cong: "≅",
  equiv: "≡",
  propto: "∝",
  prec: "≺",
  succ: "≻",
  perp: "⊥",
  parallel: "∥",
  mid: "∣",
  in: "∈",
  notin: "∉",
  ni: "∋",
  subset: "⊂",
  subseteq: "⊆",
  supset: "⊃",
  supseteq: "⊇",
  cup: "∪",
  cap: "∩",
  setminus: "∖",
  emptyset: "∅",
  varnothing: "∅",
  forall: "∀",
  exists: "∃",
  neg: "¬",
  lnot: "¬",
  wedge: "∧",
  land: "∧",
  vee: "∨",
  lor: "∨",
  top: "⊤",
  bot: "⊥",
  vdash: "⊢",
  models: "⊨",
  infty: "∞",
  to: "→",
  rightarrow: "→",
  longrightarrow: "⟶",
  leftarrow: "←",
  gets: "←",
  leftrightarrow: "↔",
  Rightarrow: "⇒",
  implies: "⟹",
  Leftarrow: "⇐",
  Leftrightarrow: "⇔",
  iff: "⟺",
  mapsto: "↦",
  uparrow: "↑",
  downarrow: "↓",
  sum: "∑",
  prod: "∏",
  int: "∫",
  iint: "∬",
  oint: "∮",
  ell: "ℓ",
  hbar: "ℏ",
  Re: "ℜ",
  Im: "ℑ",
  aleph: "ℵ",
  wp: "℘",
  partial: "∂",
  nabla: "∇",
  angle: "∠",
  triangle: "△",
  prime: "′",
  dagger: "†",
  ddagger: "‡",
  langle: "⟨",
  rangle: "⟩",
  lfloor: "⌊",
  rfloor: "⌋",
  lceil: "⌈",
  rceil: "⌉",
  vert: "|",
  lvert: "|",
  rvert: "|",
  Vert: "‖",
  lVert: "‖",
  rVert: "‖",
  backslash: "\\",
  ldots: "…",
  cdots: "…",
  dots: "…",
  vdots: "⋮",
  ddots: "⋱",
  quad: " ",
  qquad: " ",
  percent: "%",
};

/** Commands that only style what follows (their argument is read as it comes). */
const STYLES = new Set([
  "mathbb",
  "mathcal",
  "mathscr",
  "mathfrak",
  "mathrm",
  "mathbf",
  "mathit",
  "mathsf",
  "mathtt",
  "mathnormal",
  "boldsymbol",
  "bm",
  "text",
  "textrm",
  "textit",
  "textbf",
  "textsf",
  "texttt",
  "mbox",
  "hbox",
  "operatorname",
  "rm",
  "bf",
  "it",
  "cal",
  "sf",
  "tt",
  "displaystyle",
  "textstyle",
  "scriptstyle",
  "limits",
  "nolimits",
]);

/** Sizes of delimiters: nothing to read, and `.` after them is no delimiter at all. */
const SIZES = new Set([
  "left",
  "right",
  "middle",
  "big",
  "Big",
  "bigg",
  "Bigg",
  "bigl",
  "bigr",
  "Bigl",
  "Bigr",
  "biggl",
  "biggr",
]);

const ACCENTS: Record<string, string> = {
  hat: "\u0302",
  widehat: "\u0302",
  tilde: "\u0303",
  widetilde: "\u0303",
  bar: "\u0304",
  // In two parts: Tailwind, which scans the sources for class names, would take the word for its utility.
  ["over" + "line"]: "\u0305",
  vec: "\u20D7",
  dot: "\u0307",
  ddot: "\u0308",
  check: "\u030C",
  breve: "\u0306",
  acute: "\u0301",
  grave: "\u0300",
  mathring: "\u030A",
  not: "\u0338",
};

const FRACTIONS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);

const SUPERSCRIPTS = table(
  "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
  "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
);
const SUBSCRIPTS = table("0123456789+-−=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ");

function table(from: string, to: string): Map<string, string> {
  const a = [...from];
  const b = [...to];
  return new Map(a.map((ch, i) => [ch, b[i]!]));
}

interface MathReader {
  src: string;
  pos: number;
}

/** The text a reader would say for a TeX formula: `top-$1$` -> "1", `\alpha` -> "α", `x^2` -> "x²". */
export function mathToPlainText(tex: string): string {
  const r: MathReader = { src: tex, pos: 0 };
  let out = "";
  while (r.pos < r.src.length) {
    if (r.src[r.pos] === "}") r.pos++;
    else out += readAtom(r, 0);
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The text of a group: up to its closing brace, which is consumed. */
function readGroup(r: MathReader, depth: number): string {
  let out = "";
  while (r.pos < r.src.length && r.src[r.pos] !== "}") out += readAtom(r, depth);
  if (r.src[r.pos] === "}") r.pos++;
  return out;
}

/** One atom: a group, a script, a command with its arguments, or a character. */
function readAtom(r: MathReader, depth: number): string {
  const c = r.src[r.pos]!;
  const deep = depth >= MAX_DEPTH;
  if (c === "{") {
    r.pos++;
    return deep ? "" : readGroup(r, depth + 1);
  }
  if (c === "^" || c === "_") {
    r.pos++;
    if (deep) return "";
    skipSpaces(r);
    return r.pos < r.src.length && r.src[r.pos] !== "}"
      ? script(readAtom(r, depth + 1), c === "^" ? SUPERSCRIPTS : SUBSCRIPTS)
      : "";
  }
  if (c === "\\") return readCommand(r, depth);
  r.pos++;
  if (c === "~" || c === "&") return " ";
  // Math inside text inside math (`\text{for $n$ odd}`): its dollars are delimiters.
  if (c === "$") return "";
  if (c === "'") return "′";
  return c;
}

function readCommand(r: MathReader, depth: number): string {
  const next = r.src[r.pos + 1] ?? "";
  const word = /[A-Za-z]+/y;
  word.lastIndex = r.pos + 1;
  const name = word.exec(r.src)?.[0];
  if (!name) {
    r.pos += 2;
    if (next === "\\" || next === "," || next === ";" || next === ":" || next === ">" || next === " ") return " ";
    if (next === "!") return "";
    if (next === "|") return "‖";
    return next;
  }
  r.pos += 1 + name.length;
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) return symbol;
  if (STYLES.has(name)) return "";
  if (SIZES.has(name)) {
    skipSpaces(r);
    if (r.src[r.pos] === ".") r.pos++;
    return "";
  }
  const deep = depth >= MAX_DEPTH;
  if (deep) return name in ACCENTS || FRACTIONS.has(name) || name === "sqrt" ? "" : name;
  const argument = () => {
    skipSpaces(r);
    return r.pos < r.src.length && r.src[r.pos] !== "}" ? readAtom(r, depth + 1) : "";
  };
  if (FRACTIONS.has(name)) {
    const numerator = argument();
    return `${parenthesised(numerator)}/${parenthesised(argument())}`;
  }
  if (name === "sqrt") {
    skipSpaces(r);
    let index = "";
    // A root's index is short (`\sqrt[3]{x}`): a `[` not closed soon after is not one.
    const close = r.src[r.pos] === "[" ? r.src.slice(r.pos, r.pos + 32).indexOf("]") : -1;
    if (close > 0) {
      index = mathToPlainText(r.src.slice(r.pos + 1, r.pos + close));
      r.pos += close + 1;
    }
    return `${index ? script(index, SUPERSCRIPTS) : ""}√${parenthesised(argument())}`;
  }
  const mark = ACCENTS[name];
  if (mark) {
    const base = argument().trim();
    return [...base].length === 1 ? (base + mark).normalize("NFC") : base;
  }
  return name;
}

function skipSpaces(r: MathReader): void {
  while (r.pos < r.src.length && /\s/.test(r.src[r.pos]!)) r.pos++;
}

/** A script in Unicode's script letters when each of its characters has one, else as it is. */
function script(text: string, letters: Map<string, string>): string {
  const chars = [...text.trim()];
  return chars.every((ch) => letters.has(ch)) ? chars.map((ch) => letters.get(ch)).join("") : text.trim();
}

/** A term in parentheses when it holds an operator or a space (`(n+1)/2`), else as it is (`1/2`). */
function parenthesised(term: string): string {
  const t = term.trim();
  return [...t].length > 1 && /[^\p{L}\p{N}\p{M}′.√]/u.test(t) ? `(${t})` : t;
}
