/**
 * Which texts the search box searches as they are typed. A module of its own, without Lunr: the
 * box's script loads on every page, Lunr only on first use.
 */
/**
 * Whether the search box searches this text as it is typed: not a lone letter or digit, which
 * names too many words to be worth fetching their shards and documents for (Enter searches it
 * still). A lone `*` (every paper) or mark is answered at once.
 */
export function searchedAsTyped(text: string): boolean {
  return !/^[\p{L}\p{N}]$/u.test(text.trim());
}
