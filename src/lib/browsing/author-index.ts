/**
 * The catalogue's authors: each author's papers and co-authors, built once from the papers.
 * An author is a slug (see `catalogue.ts`: names that slug the same get distinct slugs), so two
 * people are never merged into one page.
 */
import { paginate, type Page } from "./pagination.ts";
import type { Paper } from "../content/paper.ts";

/** Papers per page on an author's pages, as on a topic's. */
export const AUTHOR_PAGE_SIZE = 50;

export interface CoAuthor {
  name: string;
  slug: string;
  /** How many papers the two wrote together. */
  papers: number;
}

export interface Author {
  name: string;
  slug: string;
  /** The author's papers, in the order given (newest first). */
  papers: Paper[];
  /** Everyone who wrote a paper with the author: most shared papers first, then by name. */
  coAuthors: CoAuthor[];
}

/** Every author named by a paper, most papers first, then by name; each author's papers keep the papers' order. */
export function buildAuthorIndex(papers: Paper[]): Author[] {
  const authors = new Map<string, { name: string; slug: string; papers: Paper[]; coAuthors: Map<string, CoAuthor> }>();
  for (const paper of papers) {
    // A name given twice in one paper's list is one author of it.
    const team = [...new Map(paper.authors.map((a) => [a.slug, a])).values()];
    for (const author of team) {
      let entry = authors.get(author.slug);
      if (!entry)
        authors.set(author.slug, (entry = { name: author.name, slug: author.slug, papers: [], coAuthors: new Map() }));
      entry.papers.push(paper);
      for (const other of team) {
        if (other.slug === author.slug) continue;
        const co = entry.coAuthors.get(other.slug);
        if (co) co.papers++;
        else entry.coAuthors.set(other.slug, { name: other.name, slug: other.slug, papers: 1 });
      }
    }
  }
  return [...authors.values()]
    .map(({ coAuthors, ...author }) => ({
      ...author,
      coAuthors: [...coAuthors.values()].sort((a, b) => b.papers - a.papers || byName(a, b)),
    }))
    .sort((a, b) => b.papers.length - a.papers.length || byName(a, b));
}

function byName(a: { name: string; slug: string }, b: { name: string; slug: string }): number {
  return a.name.localeCompare(b.name, "en") || a.slug.localeCompare(b.slug);
}

export interface AuthorPage extends Page<Paper> {
  author: Author;
}

/**
 * Every page of every author: `size` papers a page, newest first, so that a prolific author's
 * page stays as light as a topic's (500 papers make 10 pages).
 */
export function authorPages(authors: readonly Author[], size = AUTHOR_PAGE_SIZE): AuthorPage[] {
  return authors.flatMap((author) => paginate(author.papers, size).map((page) => ({ ...page, author })));
}
