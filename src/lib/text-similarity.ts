/**
 * The nearest texts to each text by TF-IDF cosine similarity, for a whole collection at once.
 *
 * Each text becomes a sparse vector of term weights, `(1 + ln tf) * ln(N / df)`, scaled to unit
 * length, so that the dot product of two vectors is their cosine. Scores are accumulated through
 * an inverted index (term -> texts holding it), so a text is compared only with the texts it
 * shares a term with, and only the best `count` of each are kept: time grows with the postings
 * of shared terms, not with the square of the collection, and no N x N matrix is ever built.
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
}

interface Vector {
  /** Term -> weight, unit length over all the text's terms. */
  weights: Map<string, number>;
  /** Term -> the word the text first writes it as. */
  surface: Map<string, string>;
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

/** Term counts of a text, and the word each term is first written as. */
function countTerms(text: string): { counts: Map<string, number>; surface: Map<string, string> } {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  for (const word of words(text)) {
    if (!isContentWord(word)) continue;
    const term = singular(word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (!surface.has(term)) surface.set(term, word);
  }
  return { counts, surface };
}

/**
 * The `count` nearest texts to each text, best first (ties: the one given first), leaving out
 * texts that share no weighted term. Every id is a key of the result.
 */
export function nearestTexts(texts: Text[], options: SimilarityOptions = {}): Map<string, Neighbour[]> {
  const { count = 5, terms: termCount = 3, maxDocumentFrequency = 0.5 } = options;
  const n = texts.length;
  const counted = texts.map((t) => countTerms(t.text));

  const df = new Map<string, number>();
  for (const { counts } of counted) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  const vectors: Vector[] = counted.map(({ counts, surface }) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of counts) {
      const d = df.get(term)!;
      if (d > maxDocumentFrequency * n) continue;
      const weight = (1 + Math.log(tf)) * Math.log(n / d);
      if (weight <= 0) continue;
      weights.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of weights) weights.set(term, weight / norm);
    return { weights, surface };
  });

  // Postings only for terms two or more texts share: a term of one text adds to no score.
  // Typed arrays, filled in text order, keep the inner loop free of lookups.
  const postings = new Map<string, Posting>();
  vectors.forEach(({ weights }, doc) => {
    for (const [term, weight] of weights) {
      const d = df.get(term)!;
      if (d < 2) continue;
      let list = postings.get(term);
      if (!list)
        postings.set(term, (list = { docs: new Int32Array(d), weights: new Float64Array(d), length: 0, passed: -1 }));
      list.docs[list.length] = doc;
      list.weights[list.length++] = weight;
    }
  });

  // Each pair is scored once, from its first text: the scores are symmetric, so a text adds up
  // only the texts after it (the tail of each posting list, as texts are taken in order) and
  // offers the score to both texts' best lists. That halves the work of the inner loop.
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = new BestLists(n, count);
  for (let doc = 0; doc < n; doc++) {
    let reached = 0;
    for (const [term, weight] of vectors[doc]!.weights) {
      const list = postings.get(term);
      if (list) reached = addTail(list, weight, scores, touched, reached);
    }
    for (let i = 0; i < reached; i++) {
      const other = touched[i]!;
      const score = scores[other]!;
      scores[other] = 0;
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
        terms: sharedTerms(vectors[doc]!, vectors[other]!, termCount),
      })),
    ]),
  );
}

/**
 * Adds `weight` times each later text's weight in `list` to its score, noting in `touched` the
 * texts scored for the first time; the list's next text is the one being scored.
 */
function addTail(list: Posting, weight: number, scores: Float64Array, touched: Int32Array, reached: number): number {
  const { docs, weights, length } = list;
  for (let i = ++list.passed + 1; i < length; i++) {
    const other = docs[i]!;
    const score = scores[other]!;
    if (score === 0) touched[reached++] = other;
    scores[other] = score + weight * weights[i]!;
  }
  return reached;
}

interface Posting {
  docs: Int32Array;
  weights: Float64Array;
  length: number;
  /** The place in `docs` of the last text whose neighbours were scored. */
  passed: number;
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

  constructor(
    n: number,
    private readonly k: number,
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
    let at = best.length;
    while (at > 0 && beats(doc, score, best[at - 1]!)) at--;
    best.splice(at, 0, { doc, score });
    if (best.length > this.k) best.pop();
    if (best.length === this.k) {
      this.floor[text] = best[this.k - 1]!.score;
      this.floorDoc[text] = best[this.k - 1]!.doc;
    }
  }

  of(text: number): Scored[] {
    return this.lists[text]!;
  }
}

function beats(doc: number, score: number, other: Scored): boolean {
  return score > other.score || (score === other.score && doc < other.doc);
}

/** The terms both vectors hold, by their share of the dot product, as `a` writes them. */
function sharedTerms(a: Vector, b: Vector, count: number): string[] {
  return [...a.weights]
    .filter(([term]) => b.weights.has(term))
    .map(([term, weight]) => ({ term, share: weight * b.weights.get(term)! }))
    .sort((x, y) => y.share - x.share || x.term.localeCompare(y.term))
    .slice(0, count)
    .map(({ term }) => a.surface.get(term)!);
}
