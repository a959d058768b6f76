/**
 * Every URL the site links to, in one place, under the site's base path. Pages never build a
 * path from strings by hand, so that a build under `/catalogue/` has no link that misses it.
 */
export interface Urls {
  home(): string;
  paper(slug: string): string;
  /** Every topic; page n > 1 is `topics/<n>/`, the papers in no topic beyond the first page. */
  topics(page?: number): string;
  /** A topic's page; page 1 is the topic's own URL, page n > 1 is `topics/<slug>/<n>/`. */
  topic(slug: string, page?: number): string;
  /** Every author, with how many papers each has; page n > 1 of the index is `authors/<n>/`. */
  authors(page?: number): string;
  /** Every author of the index as JSON (`[name, slug, papers]` in its order), for its filter. */
  authorDirectory(): string;
  /** An author's page; page 1 is the author's own URL, page n > 1 is `authors/<slug>/<n>/`. */
  author(slug: string, page?: number): string;
  /** Every year, with how many papers each has. */
  years(): string;
  /** A year's papers; page n > 1 is `years/<year>/<n>/`. */
  year(year: number, page?: number): string;
  search(query?: string): string;
  /** A paper's BibTeX entry. */
  paperBibtex(slug: string): string;
  /** Every paper's BibTeX, in one file. */
  bibtex(): string;
  /** A paper's preview image (Open Graph). */
  paperImage(slug: string): string;
  /** The RSS feed of every paper. */
  feed(): string;
  /** The RSS feed of a topic's papers. */
  topicFeed(slug: string): string;
  /** The RSS feed of an author's papers. */
  authorFeed(slug: string): string;
  /** The sitemap index, for search engines. */
  sitemap(): string;
  /** A KaTeX font subset to the catalogue's math, by its file name. */
  mathFont(file: string): string;

  /** The search index the browser loads on first use. */
  searchIndex(): string;
  /**
   * A part of a split search index (`shards/3`): without a version, the file the build writes;
   * with one, the URL the browser fetches, the index's version in its query so that a part
   * cached from an earlier build is never read.
   */
  searchIndexPart(name: string, version?: string): string;
  /** Any other file the site serves, by its path from the site root (`favicon.svg`). */
  file(path: string): string;
  /**
   * The file a build writes for one of these URLs, by its path in the build's output:
   * `/catalogue/papers/x/` is `papers/x/index.html`, `/catalogue/papers/x.bib` is `papers/x.bib`.
   */
  outputPath(url: string): string;
  /** A URL's path from the site root without slashes around it, as a rest parameter of a route (`/catalogue/abs/x/` is `abs/x`). */
  routePath(url: string): string;
}

export function createUrls(base: string): Urls {
  const root = base.endsWith("/") ? base : `${base}/`;
  const file = (path: string) => root + (path.startsWith("/") ? path.replace(/^\/+/, "") : path);
  /** Page `page` of a list at `path` (a folder, ending in `/`): the folder itself, then `<path><n>/`. */
  const paged = (path: string, page: number) => file(`${path}${pageSegment(page) ? `${pageSegment(page)}/` : ""}`);
  const fromRoot = (url: string) => {
    if (!url.startsWith(root) || /[?#]/.test(url)) {
      throw new Error(`urls: "${url}" is not a page or file of the site under ${root}`);
    }
    return url.slice(root.length);
  };
  return {
    home: () => root,
    paper: (slug) => file(`papers/${slug}/`),
    topics: (page = 1) => paged("topics/", page),
    topic: (slug, page = 1) => paged(`topics/${slug}/`, page),
    authors: (page = 1) => paged("authors/", page),
    authorDirectory: () => file("authors/directory.json"),
    author: (slug, page = 1) => paged(`authors/${slug}/`, page),
    years: () => file("years/"),
    year: (year, page = 1) => paged(`years/${year}/`, page),
    search: (query) => file("search/") + (query ? `?q=${encodeURIComponent(query)}` : ""),
    paperBibtex: (slug) => file(`papers/${slug}.bib`),
    bibtex: () => file("papers.bib"),
    paperImage: (slug) => file(`papers/${slug}/og.png`),
    feed: () => file("rss.xml"),
    topicFeed: (slug) => file(`topics/${slug}/rss.xml`),
    authorFeed: (slug) => file(`authors/${slug}/rss.xml`),
    sitemap: () => file("sitemap-index.xml"),
    mathFont: (name) => file(`fonts/katex/${name}`),
    searchIndex: () => file("search-index.json"),
    searchIndexPart: (name, version) =>
      file(`search-index/${name}.json`) + (version === undefined ? "" : `?v=${encodeURIComponent(version)}`),
    file,
    outputPath: (url) => {
      const path = fromRoot(url);
      return path === "" || path.endsWith("/") ? `${path}index.html` : path;
    },
    routePath: (url) => fromRoot(url).replace(/\/+$/, ""),
  };
}

/** A URL from the site root (`/catalogue/papers/x/`) made absolute against the site's origin, for feeds and link previews. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** The URL segment of page `n` of a paginated list: none for the first page, else the number. */
export function pageSegment(page: number): string | undefined {
  return page > 1 ? String(page) : undefined;
}
