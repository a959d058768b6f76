/**
 * The authors' index (`/authors/`, then `/authors/2/`, ...): every author with their paper count,
 * in alphabetical order of family name as a library's name index is, under the letter their
 * family name starts with, a thousand a page.
 */
import type { Author } from "./author-index.ts";
import { splitName } from "../text/person-name.ts";
import { foldAccents } from "../text/fold-accents.ts";
import { paginate } from "./pagination.ts";

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

/** Authors a page of the index lists: at 100,000 papers a catalogue has tens of thousands. */
export const DIRECTORY_PAGE_SIZE = 1000;

/** `CATALOGUE_AUTHORS_PER_PAGE`, else `DIRECTORY_PAGE_SIZE`: how many authors a page of the index lists. */
export function directoryPageSize(environment: Readonly<Record<string, string | undefined>>): number {
  const value = environment["CATALOGUE_AUTHORS_PER_PAGE"];
  if (value === undefined || value === "") return DIRECTORY_PAGE_SIZE;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(`CATALOGUE_AUTHORS_PER_PAGE must be a whole number of authors, at least 1, not "${value}"`);
  return Number(value);
}

/** A letter's authors on one page of the index; `continued` when the letter began on an earlier page. */
export interface DirectorySection extends DirectoryLetter {
  continued: boolean;
}

export interface DirectoryPage {
  /** 1-based. */
  number: number;
  total: number;
  sections: DirectorySection[];
}

/** The index cut into pages of `size` authors, in its order; each letter with the page where it begins. */
export function directoryPages(
  letters: readonly DirectoryLetter[],
  size = DIRECTORY_PAGE_SIZE,
): { pages: DirectoryPage[]; letterPages: Map<string, number> } {
  const entries = letters.flatMap(({ letter, authors }) => authors.map((entry) => ({ letter, entry })));
  const letterPages = new Map<string, number>();
  const pages = paginate(entries, size).map(({ number, total, items }) => {
    const sections: DirectorySection[] = [];
    for (const { letter, entry } of items) {
      const last = sections.at(-1);
      if (last?.letter === letter) last.authors.push(entry);
      else {
        sections.push({ letter, continued: letterPages.has(letter), authors: [entry] });
        if (!letterPages.has(letter)) letterPages.set(letter, number);
      }
    }
    return { number, total, sections };
  });
  return { pages, letterPages };
}
