/**
 * The authors' index (`/authors/`): every author with their paper count, in alphabetical order of
 * family name as a library's name index is, under the letter their family name starts with.
 */
import type { Author } from "./author-index.ts";
import { splitName } from "../text/person-name.ts";
import { foldAccents } from "../text/fold-accents.ts";

export interface DirectoryEntry {
  name: string;
  slug: string;
  /** How many papers of the catalogue name the author. */
  papers: number;
  /** The name folded as search folds it ("łukasz kaiser"), for the page's filter. */
  key: string;
}

export interface DirectoryLetter {
  /** "A" to "Z", or "#" for family names that start with another letter or sign. */
  letter: string;
  authors: DirectoryEntry[];
}

/** The authors by the first letter of their family name, each letter's authors by family name, then given names. */
export function authorDirectory(authors: readonly Pick<Author, "name" | "slug" | "papers">[]): DirectoryLetter[] {
  const sorted = authors
    .map((author) => {
      const { given, family } = splitName(author.name);
      return {
        entry: { name: author.name, slug: author.slug, papers: author.papers.length, key: foldAccents(author.name) },
        sortKey: `${foldAccents(family)}\u0000${foldAccents(given.join(" "))}\u0000${author.slug}`,
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const letters = new Map<string, DirectoryEntry[]>();
  for (const { entry, sortKey } of sorted) {
    const first = sortKey.charAt(0);
    const letter = /[a-z]/.test(first) ? first.toUpperCase() : "#";
    const list = letters.get(letter) ?? [];
    list.push(entry);
    letters.set(letter, list);
  }
  return [...letters]
    .map(([letter, list]) => ({ letter, authors: list }))
    .sort((a, b) => (a.letter === "#" ? 1 : b.letter === "#" ? -1 : a.letter.localeCompare(b.letter)));
}
