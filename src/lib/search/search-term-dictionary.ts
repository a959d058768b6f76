/**
 * Sorted term lists, as a split search index stores them: which shard holds a term or the terms
 * with a prefix, and a compact form of the whole list. Terms compare as Lunr sorts them, by
 * UTF-16 code units (`<`), so the order matches `Object.keys(invertedIndex).sort()`.
 */

/** Longest shared prefix one front-coded entry can record: one base-36 digit. */
const MAX_SHARED = 35;

/**
 * Sorted terms in front-coded form: each term as the length of the prefix it shares with the one
 * before it (one base-36 digit) and the rest of it, then a newline. Terms never hold whitespace
 * (the tokenizer splits at it), so the newline is unambiguous.
 */
export function frontCode(terms: readonly string[]): string {
  let coded = "";
  let previous = "";
  for (const term of terms) {
    let shared = 0;
    while (shared < MAX_SHARED && shared < term.length && term[shared] === previous[shared]) shared++;
    coded += `${shared.toString(36)}${term.slice(shared)}\n`;
    previous = term;
  }
  return coded;
}

/** The terms `frontCode` coded. */
export function frontDecode(coded: string): string[] {
  const terms: string[] = [];
  let previous = "";
  for (const line of coded.split("\n").slice(0, -1)) {
    previous = previous.slice(0, parseInt(line[0]!, 36)) + line.slice(1);
    terms.push(previous);
  }
  return terms;
}

/** The number of sorted terms that precede `term`: where it is, or would be inserted. */
export function lowerBound(sorted: readonly string[], term: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where a shard whose first term is `first` begins, after a shard whose last term is `last`: the
 * shortest prefix of `first` that sorts after `last`. A query whose prefix sorts at or after it
 * needs no term before it, so a short boundary spares fetching the shard before.
 */
export function shardBoundary(last: string, first: string): string {
  let shared = 0;
  while (shared < last.length && last[shared] === first[shared]) shared++;
  return first.slice(0, shared + 1);
}

/**
 * The shard that holds `term` if the index has it: the last whose boundary does not follow it
 * (the first shard for a term before every boundary).
 */
export function shardOf(boundaries: readonly string[], term: string): number {
  const at = lowerBound(boundaries, term);
  return boundaries[at] === term ? at : Math.max(0, at - 1);
}

/**
 * The least string after every string that starts with `prefix`: the prefix with its last code
 * unit below U+FFFF incremented; none for a prefix that every string from it on starts with.
 */
function prefixEnd(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return prefix.slice(0, i) + String.fromCharCode(code + 1);
  }
  return undefined;
}

/** The shards that may hold terms starting with `prefix`, as an inclusive range. */
export function shardsWithPrefix(boundaries: readonly string[], prefix: string): [first: number, last: number] {
  const first = shardOf(boundaries, prefix);
  const end = prefixEnd(prefix);
  const last = end === undefined ? boundaries.length - 1 : lowerBound(boundaries, end) - 1;
  return [first, Math.max(first, last)];
}

/** The sorted terms that start with `prefix` (`prefix` itself included), in order. */
export function termsWithPrefix(sorted: readonly string[], prefix: string): string[] {
  const end = prefixEnd(prefix);
  return sorted.slice(lowerBound(sorted, prefix), end === undefined ? sorted.length : lowerBound(sorted, end));
}
