/**
 * Every URL the site links to, in one place, under the site's base path. Pages never build a
 * path from strings by hand, so that a build under `/catalogue/` has no link that misses it.
 */
export interface Urls {
  home(): string;
  paper(slug: string): string;
  topics(): string;
  topic(slug: string): string;
  author(slug: string): string;
  search(query?: string): string;
  /** The search index the browser loads on first use. */
  searchIndex(): string;
  /** Any other file the site serves, by its path from the site root (`favicon.svg`). */
  file(path: string): string;
}

export function createUrls(base: string): Urls {
  const root = base.endsWith("/") ? base : `${base}/`;
  const file = (path: string) => root + path.replace(/^\/+/, "");
  return {
    home: () => root,
    paper: (slug) => file(`papers/${slug}/`),
    topics: () => file("topics/"),
    topic: (slug) => file(`topics/${slug}/`),
    author: (slug) => file(`authors/${slug}/`),
    search: (query) => file("search/") + (query ? `?q=${encodeURIComponent(query)}` : ""),
    searchIndex: () => file("search-index.json"),
    file,
  };
}
