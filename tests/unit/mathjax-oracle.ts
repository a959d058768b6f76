/**
 * What MathJax typesets in a text, for tests: MathJax's own TeX input (`FindTeX`, from the
 * `mathjax-full` package) with the delimiters arXiv configures, and real arXiv abstracts with math.
 *
 * arXiv's abs pages run MathJax 2.7 with `inlineMath: [['$','$']]`, `processEscapes: true` and
 * tex2jax's default display delimiters and environments (arXiv/arxiv-browse,
 * browse/static/js/mathjaxToggle.min.js); its listing and search pages add `\(...\)`
 * (arXiv/arxiv-base's base template). The catalogue typesets both. `\ref` outside math is left
 * to the text (MathJax 2's `processRefs`), which abstracts do not use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { MathSpan } from "../../src/lib/text/math-delimiters.ts";

interface ProtoItem {
  math: string;
  start: { n: number };
  end: { n: number };
  display: boolean | null | undefined;
}

const require = createRequire(import.meta.url);
const { FindTeX } = require("mathjax-full/js/input/tex/FindTeX.js") as {
  FindTeX: new (options: object) => { findMath(strings: string[]): ProtoItem[] };
};

const findTeX = new FindTeX({
  inlineMath: [
    ["$", "$"],
    ["\\(", "\\)"],
  ],
  displayMath: [
    ["$$", "$$"],
    ["\\[", "\\]"],
  ],
  processEscapes: true,
  processEnvironments: true,
  processRefs: false,
});

/** The formulas MathJax finds in `text` (its escapes, which typeset nothing, left out). */
export function mathJaxSpans(text: string): MathSpan[] {
  return findTeX
    .findMath([text])
    .filter((item) => typeof item.display === "boolean")
    .map((item) => ({ start: item.start.n, end: item.end.n, tex: item.math, display: item.display as boolean }));
}

export interface MathRecord {
  id: string;
  categories: string;
  source: { repository: string; commit: string; path: string };
  title: string;
  abstract: string;
}

/** Real arXiv records with math (tests/fixtures/math-abstracts/records.json names each one's source). */
export const mathRecords: MathRecord[] = (
  JSON.parse(readFileSync("tests/fixtures/math-abstracts/records.json", "utf8")) as { records: MathRecord[] }
).records;
