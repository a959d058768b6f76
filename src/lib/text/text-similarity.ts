/**
 * The nearest texts to each text by TF-IDF cosine similarity, for a whole collection at once.
 *
 * Each text becomes a sparse vector of term weights, `(1 + ln tf) * ln(N / df)`, scaled to unit
 * length, so that the dot product of two vectors is their cosine. Candidates are found through
 * an inverted index (term -> texts holding it) whose lists are cut to the texts a term weighs
 * most in (`postingsCap`), impact-ordered as search engines prune theirs: a term in thousands
 * of texts weighs little in each (its idf is small), so what the cut drops adds little to any
 * score. Each text adds up the partial scores over its terms' lists, keeps the best
 * `candidates`, and scores those exactly. The work per text is bounded by its terms times the
 * cap, so time grows linearly with the collection, where scoring every pair that shares a term
 * grows with its square; no N x N matrix is ever built. A collection whose terms are each in at
 * most `postingsCap` texts gets the exact neighbours.
 */
import lunr from "lunr";
import { singular, words } from "./terms.ts";

export interface Text {
  id: string;
  text: string;
}

export interface Neighbour {
  id: string;
  /** Cosine similarity, in (0, 1]. */
  score: number;
  /** The shared terms that add most to the score, as the first text writes them, best first. */
  terms: string[];
}

export interface SimilarityOptions {
  /** How many neighbours to keep per text. */
  count?: number;
  /** How many shared terms to give per neighbour. */
  terms?: number;
  /**
   * Terms in more than this share of the texts are ignored: they say nothing about which texts
   * are close (`model`, `results` in a catalogue of machine-learning papers).
   */
  maxDocumentFrequency?: number;
  /** The most texts a term's list keeps: those it weighs most in. */
  postingsCap?: number;
  /** How many texts, by their partial scores, each text scores exactly. */
  candidates?: number;
}

/**
 * Chosen by measurement (README, "Browsing"): on a synthetic catalogue of 1,000 papers, 200
 * texts a term and 40 candidates give every top 5 that scoring every pair gives; at 10,000,
 * whose invented words make many near ties, 62% of the related papers.
 */
const POSTINGS_CAP = 200;
const CANDIDATES = 40;

/**
 * A text as a unit vector: its terms by number, in the order the text first writes them (the
 * order partial scores and shared terms are added in), and again ascending by number, for exact
 * dot products. Typed arrays, not maps of strings: at 100,000 texts those raised the process's
 * peak by 1.7 GB while related papers were found (1,969 to 3,703 MB), these by at most 1.0 GB
 * (from 1,934 MB, never above the catalogue's own loading peak of 2,933 MB).
 */
interface Vector {
  terms: Int32Array;
  /** Each term's weight, unit length over all the text's terms. */
  weights: Float64Array;
  /** The number of the word each term is first written as. */
  surfaces: Int32Array;
  sortedTerms: Int32Array;
  sortedWeights: Float64Array;
}

/** Strings numbered in the order they are first seen. */
class Numbering {
  private readonly numbers = new Map<string, number>();
  readonly strings: string[] = [];

  number(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.strings.length;
      this.numbers.set(text, n);
      this.strings.push(text);
    }
    return n;
  }
}

/**
 * Words Lunr's English stop list lacks that say nothing about a paper's subject: linking words,
 * and what nearly every abstract says of itself. In a large catalogue `maxDocumentFrequency`
 * drops such words anyway; in a small one they would otherwise be read as shared subject matter.
 */
const MORE_STOP_WORDS = new Set(
  (
    "above across along also although amongst another around based becomes below besides beyond both cannot " +
    "despite due during either else etc even ever finally first firstly further furthermore hence however including " +
    "instead into itself less mainly many may meanwhile moreover much must namely new novel often onto over per " +
    "perhaps previous previously rather recent recently respectively several since still such therefore thereby " +
    "though three thus toward towards two under upon using various versus via well whereas whether within without yet " +
    "approach article demonstrate demonstrates experimental experiment experiments method methods paper present " +
    "propose proposed result results show shows state art study work"
  ).split(" "),
);

const stopWords = new Map<string, boolean>();

/** Lunr's English stop words and ours, words of one character and numbers carry no subject. */
function isContentWord(word: string): boolean {
  let stop = stopWords.get(word);
  if (stop === undefined) {
    stop =
      word.length < 2 ||
      /^\p{N}+$/u.test(word) ||
      MORE_STOP_WORDS.has(word) ||
      !lunr.stopWordFilter(new lunr.Token(word, {}));
    stopWords.set(word, stop);
  }
  return !stop;
}

/** A text's terms, each once in the order first written, with its count and the word it is first written as. */
interface Counted {
  terms: number[];
  counts: number[];
  surfaces: number[];
}

function countTerms(text: string, termNumbers: Numbering, wordNumbers: Numbering): Counted {
  const counted: Counted = { terms: [], counts: [], surfaces: [] };
  const at = new Map<number, number>();
  for (const word of words(text)) {
    if (!isContentWord(word)) continue;
    const term = termNumbers.number(singular(word));
    const i = at.get(term);
    if (i !== undefined) counted.counts[i]!++;
    else {
      at.set(term, counted.terms.length);
      counted.terms.push(term);
      counted.counts.push(1);
      counted.surfaces.push(wordNumbers.number(word));
    }
  }
  return counted;
}

/** The text's weighted terms, `(1 + ln tf) * ln(n / df)`, scaled to unit length; terms in more than `maxDf` texts left out. */
function vectorOf({ terms, counts, surfaces }: Counted, df: Int32Array, n: number, maxDf: number): Vector {
  const kept: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (let i = 0; i < terms.length; i++) {
    const d = df[terms[i]!]!;
    if (d > maxDf) continue;
    const weight = (1 + Math.log(counts[i]!)) * Math.log(n / d);
    if (weight <= 0) continue;
    kept.push(i);
    weights.push(weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  const vector: Vector = {
    terms: Int32Array.from(kept, (i) => terms[i]!),
    weights: Float64Array.from(weights, (weight) => weight / norm),
    surfaces: Int32Array.from(kept, (i) => surfaces[i]!),
    sortedTerms: new Int32Array(kept.length),
    sortedWeights: new Float64Array(kept.length),
  };
  const order = Array.from(kept, (_, i) => i).sort((a, b) => vector.terms[a]! - vector.terms[b]!);
  order.forEach((i, at) => {
    vector.sortedTerms[at] = vector.terms[i]!;
    vector.sortedWeights[at] = vector.weights[i]!;
  });
  return vector;
}

/**
 * The `count` nearest texts to each text, best first (ties: the one given first), leaving out
 * texts that share no weighted term. Every id is a key of the result.
 */
export function nearestTexts(texts: Text[], options: SimilarityOptions = {}): Map<string, Neighbour[]> {
  const {
    count = 5,
    terms: termCount = 3,
    maxDocumentFrequency = 0.5,
    postingsCap = POSTINGS_CAP,
    candidates = CANDIDATES,
  } = options;
  const n = texts.length;
  const termNumbers = new Numbering();
  const wordNumbers = new Numbering();
  const counted = texts.map((t) => countTerms(t.text, termNumbers, wordNumbers));

  const df = new Int32Array(termNumbers.strings.length);
  for (const { terms } of counted) for (const term of terms) df[term]!++;
  const vectors: Vector[] = counted.map((text) => vectorOf(text, df, n, maxDocumentFrequency * n));
  counted.length = 0; // the counts are garbage once the vectors are made, before the postings

  const postings = cappedPostings(vectors, df, postingsCap);

  // Partial scores through the capped lists; the best candidates are scored exactly and offered
  // to both texts' best lists (the score is symmetric; a text missing from the other's capped
  // lists is still found from its own side).
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = new BestLists(n, count, true);
  const pool = new BestLists(1, candidates);
  for (let doc = 0; doc < n; doc++) {
    let reached = 0;
    const { terms, weights: termWeights } = vectors[doc]!;
    for (let t = 0; t < terms.length; t++) {
      const list = postings[terms[t]!];
      if (!list) continue;
      const weight = termWeights[t]!;
      const { docs, weights, length } = list;
      for (let i = 0; i < length; i++) {
        const other = docs[i]!;
        if (other === doc) continue;
        const score = scores[other]!;
        if (score === 0) touched[reached++] = other;
        scores[other] = score + weight * weights[i]!;
      }
    }
    pool.clear(0);
    for (let i = 0; i < reached; i++) {
      const other = touched[i]!;
      pool.offer(0, other, scores[other]!);
      scores[other] = 0;
    }
    for (const { doc: other } of pool.of(0)) {
      const score = dot(vectors[doc]!, vectors[other]!);
      best.offer(doc, other, score);
      best.offer(other, doc, score);
    }
  }

  return new Map(
    texts.map((text, doc) => [
      text.id,
      best.of(doc).map(({ doc: other, score }) => ({
        id: texts[other]!.id,
        score,
        terms: sharedTerms(vectors[doc]!, vectors[other]!, termCount, termNumbers.strings, wordNumbers.strings),
      })),
    ]),
  );
}

interface Posting {
  docs: Int32Array;
  weights: Float64Array;
  length: number;
}

/**
 * Each term's list of the texts holding it and its weight in each, by term number, for terms
 * two or more texts share (a term of one text adds to no score), cut to the `cap` texts it
 * weighs most in (ties: the text given first), in text order.
 */
function cappedPostings(vectors: readonly Vector[], df: Int32Array, cap: number): (Posting | undefined)[] {
  const postings: (Posting | undefined)[] = new Array(df.length);
  vectors.forEach(({ terms, weights }, doc) => {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const d = df[term]!;
      if (d < 2) continue;
      let list = postings[term];
      if (!list) postings[term] = list = { docs: new Int32Array(d), weights: new Float64Array(d), length: 0 };
      list.docs[list.length] = doc;
      list.weights[list.length++] = weights[t]!;
    }
  });
  for (const list of postings) {
    if (!list || list.length <= cap) continue;
    const kept = Array.from({ length: list.length }, (_, i) => i)
      .sort((a, b) => list.weights[b]! - list.weights[a]! || a - b)
      .slice(0, cap)
      .sort((a, b) => a - b);
    list.docs = Int32Array.from(kept, (i) => list.docs[i]!);
    list.weights = Float64Array.from(kept, (i) => list.weights[i]!);
    list.length = cap;
  }
  return postings;
}

/** The cosine of two unit vectors: their weights multiplied term by term, added in term order. */
function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.sortedTerms.length && j < b.sortedTerms.length;) {
    const x = a.sortedTerms[i]!;
    const y = b.sortedTerms[j]!;
    if (x === y) sum += a.sortedWeights[i++]! * b.sortedWeights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

interface Scored {
  doc: number;
  score: number;
}

/**
 * The `k` best-scored texts of each text, best first, ties to the lower index. Most offers lose
 * to the k-th best; its score and index sit in typed arrays, so turning them away reads no list.
 */
class BestLists {
  private readonly lists: Scored[][];
  /** The k-th best score of each text; -1 while it has fewer than k. */
  private readonly floor: Float64Array;
  private readonly floorDoc: Int32Array;

  /** `offeredTwice`: a text may be offered again (a pair is offered from both its texts), and is kept once. */
  constructor(
    n: number,
    private readonly k: number,
    private readonly offeredTwice = false,
  ) {
    this.lists = Array.from({ length: n }, () => []);
    this.floor = new Float64Array(n).fill(-1);
    this.floorDoc = new Int32Array(n);
  }

  offer(text: number, doc: number, score: number): void {
    if (this.k === 0) return;
    const floor = this.floor[text]!;
    if (score < floor || (score === floor && doc > this.floorDoc[text]!)) return;
    const best = this.lists[text]!;
    if (this.offeredTwice && best.some((scored) => scored.doc === doc)) return;
    let at = best.length;
    while (at > 0 && beats(doc, score, best[at - 1]!)) at--;
    best.splice(at, 0, { doc, score });
    if (best.length > this.k) best.pop();
    if (best.length === this.k) {
      this.floor[text] = best[this.k - 1]!.score;
      this.floorDoc[text] = best[this.k - 1]!.doc;
    }
  }

  clear(text: number): void {
    this.lists[text] = [];
    this.floor[text] = -1;
  }

  of(text: number): Scored[] {
    return this.lists[text]!;
  }
}

function beats(doc: number, score: number, other: Scored): boolean {
  return score > other.score || (score === other.score && doc < other.doc);
}

/** The weight of `term` in `vector`, or undefined when it has none. */
function weightOf(vector: Vector, term: number): number | undefined {
  const terms = vector.sortedTerms;
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = terms[middle]!;
    if (at === term) return vector.sortedWeights[middle];
    if (at < term) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** The terms both vectors hold, by their share of the dot product, as `a` writes them. */
function sharedTerms(a: Vector, b: Vector, count: number, termTexts: string[], wordTexts: string[]): string[] {
  const shared: { term: string; share: number; surface: number }[] = [];
  for (let i = 0; i < a.terms.length; i++) {
    const weight = weightOf(b, a.terms[i]!);
    if (weight !== undefined)
      shared.push({ term: termTexts[a.terms[i]!]!, share: a.weights[i]! * weight, surface: a.surfaces[i]! });
  }
  return shared
    .sort((x, y) => y.share - x.share || x.term.localeCompare(y.term))
    .slice(0, count)
    .map(({ surface }) => wordTexts[surface]!);
}
