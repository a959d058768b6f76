/**
 * Where the math is in a TeX text, found the way MathJax's TeX input finds it (its `FindTeX`,
 * MathJax 2's `tex2jax`), with the delimiters arXiv configures: inline `$...$` and `\(...\)`,
 * display `$$...$$` and `\[...\]`, LaTeX environments (`\begin{align*}...\end{align*}`), and `\$`
 * and `\\` as escapes that open nothing.
 *
 * MathJax's rule, which Pandoc's refuses in places: an opening delimiter starts math wherever it
 * stands (`$ x$`, `$x $`, `$5` are all openings); the math ends at the first closing delimiter
 * that is outside braces opened in it (`${a$b}$` is one formula), escaped characters (`\$`, `\)`)
 * never closing it; an opening with no closing is text, and the search goes on after it.
 * `$x$$=$$y$` is three inline formulas: a closing `$` is met before `$$` could open.
 *
 * MathJax searches anew from every opening, which is quadratic on a text full of unclosed
 * openings; here the text is tokenised once and each search is a lookup, so the whole scan is
 * O(n log n) in time and constant in stack, whatever the input.
 */

/** One formula: `start`/`end` delimit it in the text, delimiters included. */
export interface MathSpan {
  start: number;
  end: number;
  /** The TeX that is typeset: between the delimiters, or the whole `\begin...\end` of an environment. */
  tex: string;
  display: boolean;
}

const OPENINGS: Record<string, { close: string; display: boolean }> = {
  $$: { close: "$$", display: true },
  "\\[": { close: "\\]", display: true },
  "\\(": { close: "\\)", display: false },
  $: { close: "$", display: false },
};

/** MathJax's start pattern: two-character delimiters before `$`, then environments, then escapes. */
const START = /\$\$|\\\[|\\\(|\$|\\begin\s*\{([^}]*)\}|\\[\\$]/g;
const END_ENVIRONMENT = /\\end\s*\{([^}]*)\}/y;
/** The characters that tokenising for closings looks at; the others only pass. */
const SPECIAL = /[\\{}$]/g;
/** What `.` does not match in MathJax's patterns: a backslash before one of these escapes nothing. */
const LINE_END = /[\n\r\u2028\u2029]/;

/** Every formula of `text`, in order. */
export function findMathSpans(text: string): MathSpan[] {
  const closes = new Closes(text);
  const spans: MathSpan[] = [];
  START.lastIndex = 0;
  for (let open = START.exec(text); open; open = START.exec(text)) {
    const at = open.index;
    const after = at + open[0].length;
    if (open[0].length === 2 && open[0][0] === "\\" && open[0][1] !== "[" && open[0][1] !== "(") continue;
    const environment = open[1];
    const kind = environment === undefined ? OPENINGS[open[0]]! : { close: environmentEnd(environment), display: true };
    const close = closes.first(kind.close, after);
    if (close === null) {
      START.lastIndex = after;
      continue;
    }
    const end = close.at + close.length;
    spans.push({
      start: at,
      end,
      tex: environment === undefined ? text.slice(after, close.at) : text.slice(at, end),
      display: kind.display,
    });
    START.lastIndex = end;
  }
  return spans;
}

/** The key of an environment's closing among the delimiters (`\\end{align*}`). */
function environmentEnd(name: string): string {
  return `\\end{${name}}`;
}

/** A closing delimiter: where it is, how long, and the innermost brace open around it (-1: none). */
interface Close {
  at: number;
  length: number;
  brace: number;
}

/**
 * The closing delimiters of a text, each with the innermost `{` that encloses it. A closing found
 * from position `p` is at brace depth 0 exactly when that brace opened before `p`: a brace opened
 * at or after `p` and still open around it is one MathJax would count.
 */
class Closes {
  private readonly byKind = new Map<string, Close[]>();
  private readonly queues = new Map<string, EligibleQueue>();

  constructor(private readonly text: string) {
    const add = (kind: string, close: Close) => {
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(close);
    };
    const open: number[] = [];
    SPECIAL.lastIndex = 0;
    for (let found = SPECIAL.exec(text); found; found = SPECIAL.exec(text)) {
      const i = found.index;
      const c = found[0];
      const brace = open.at(-1) ?? -1;
      if (c === "\\") {
        const next = text[i + 1];
        if (next === undefined || LINE_END.test(next)) continue;
        if (next === ")" || next === "]") add(next === ")" ? "\\)" : "\\]", { at: i, length: 2, brace });
        else if (next === "e") {
          END_ENVIRONMENT.lastIndex = i;
          const end = END_ENVIRONMENT.exec(text);
          if (end) add(environmentEnd(end[1]!), { at: i, length: end[0].length, brace });
        }
        SPECIAL.lastIndex = i + 2;
      } else if (c === "{") open.push(i);
      else if (c === "}") open.pop();
      else {
        add("$", { at: i, length: 1, brace });
        // `$$` pairs from the start of a run of dollars, as a left-to-right search pairs them.
        if (text[i + 1] === "$") {
          add("$$", { at: i, length: 2, brace });
          add("$", { at: i + 1, length: 1, brace });
          SPECIAL.lastIndex = i + 2;
        }
      }
    }
  }

  /** The first closing of `kind` at brace depth 0 for a search that starts at `from`. */
  first(kind: string, from: number): { at: number; length: number } | null {
    // A search that starts inside a run of dollars pairs them from where it starts.
    if (kind === "$$" && this.text[from] === "$") {
      if (this.text[from + 1] === "$") return { at: from, length: 2 };
      return this.queue(kind).first(from + 1, from);
    }
    return this.queue(kind).first(from, from);
  }

  private queue(kind: string): EligibleQueue {
    let queue = this.queues.get(kind);
    if (!queue) this.queues.set(kind, (queue = new EligibleQueue(this.byKind.get(kind) ?? [])));
    return queue;
  }
}

/**
 * Answers "the first closing at or after `at` whose brace opened before `depthFrom`" for
 * searches that never move backwards (the scan goes left to right): a closing becomes eligible
 * once the search has passed its brace, and is dropped once the search has passed it. A min-heap
 * on position holds the eligible ones.
 */
class EligibleQueue {
  private readonly byBrace: Close[];
  private next = 0;
  private readonly heap: Close[] = [];

  constructor(closes: Close[]) {
    this.byBrace = [...closes].sort((a, b) => a.brace - b.brace);
  }

  first(at: number, depthFrom: number): Close | null {
    while (this.next < this.byBrace.length && this.byBrace[this.next]!.brace < depthFrom)
      this.push(this.byBrace[this.next++]!);
    while (this.heap.length && this.heap[0]!.at < at) this.pop();
    return this.heap[0] ?? null;
  }

  private push(close: Close): void {
    const heap = this.heap;
    heap.push(close);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (!heap.length) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && heap[left]!.at < heap[least]!.at) least = left;
      if (right < heap.length && heap[right]!.at < heap[least]!.at) least = right;
      if (least === i) break;
      [heap[least], heap[i]] = [heap[i]!, heap[least]!];
      i = least;
    }
  }
}
