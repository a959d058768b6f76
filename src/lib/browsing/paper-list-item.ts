/**
 * The markup of a paper in a list (the home page, a year, a topic, an author), and of the author
 * names and topic chips it shares with the paper's own page.
 *
 * Written here as markup (`markup.ts`, which escapes every text and attribute value put in it)
 * rather than as Astro components, because a paper is listed on about ten pages: the build makes
 * each paper's entry once and every list reuses it. At 10,000 papers that is 75,000 entries drawn
 * 10,000 times instead of 75,000. It was a hast tree serialized by hast-util-to-html until that
 * proved the build's largest cost of its own (3.7 s of the main thread at 10,000 papers).
 *
 * An author's page lists the co-authors here too: a prolific author has hundreds.
 *
 * A title is shown as its plain text (`$k$-means` as "k-means"): lists carry no KaTeX stylesheet
 * or fonts, and typeset math without them would show each formula twice (its MathML and its HTML).
 */
import type { CoAuthor } from "./author-index.ts";
import { formatSubmitted, paperCount } from "./listing.ts";
import { markup, type Markup } from "../text/markup.ts";
import type { Paper } from "../content/paper.ts";

/** Where names and topics link to: `urls.author`, `urls.topic` and `urls.paper` under the site's base. */
export interface ListingUrls {
  paper(slug: string): string;
  author(slug: string): string;
  topic(slug: string): string;
}

export interface TopicName {
  slug: string;
  name: string;
}

/**
 * The authors' names, linked to their pages, `limit` at most and then how many more. With
 * `author` (a slug, on that author's own page), that author is always shown, in bold and not
 * linked: when they come after the first `limit`, in place of the last shown, after an ellipsis.
 */
export function authorList(
  authors: Paper["authors"],
  urls: ListingUrls,
  options: { limit?: number | undefined; className?: string | undefined; author?: string | undefined } = {},
): Markup | null {
  if (authors.length === 0) return null;
  const limit = options.limit ?? authors.length;
  const at = options.author === undefined ? -1 : authors.findIndex((a) => a.slug === options.author);
  const shown: { author: Paper["authors"][number]; gap: boolean }[] = authors
    .slice(0, limit)
    .map((author) => ({ author, gap: false }));
  if (at >= limit) shown.splice(limit - 1, 1, { author: authors[at]!, gap: true });
  const more = authors.length - shown.length;
  const names = shown.map(({ author, gap }, i) => {
    const separator = gap ? ", …, " : i > 0 ? ", " : "";
    return author.slug === options.author
      ? markup`${separator}<strong class="font-semibold text-zinc-900 dark:text-zinc-100">${author.name}</strong>`
      : markup`${separator}<a href="${urls.author(author.slug)}" class="author-link">${author.name}</a>`;
  });
  const rest = more > 0 ? markup`<span class="text-zinc-600 dark:text-zinc-400"> and ${more} more</span>` : null;
  const classes = joinClasses("text-sm text-zinc-700 dark:text-zinc-300", options.className);
  return markup`<p class="${classes}" data-authors="">${names}${rest}</p>`;
}

/** How many authors a list entry names before "and N more". */
export const LIST_AUTHOR_LIMIT = 8;

/**
 * A paper's list entry (`paperListItemMarkup`) as an author's page shows it: the same, with that
 * author's name always shown and set apart. Only the line of names is made again.
 */
export function listItemForAuthor(itemHtml: string, paper: Paper, author: string, urls: ListingUrls): string {
  // The entry's one line of names: its names are escaped, so it ends at the first `</p>`.
  const marker = itemHtml.indexOf(AUTHORS_MARK);
  if (marker < 0) return itemHtml;
  const start = itemHtml.lastIndexOf("<p ", marker);
  const end = itemHtml.indexOf("</p>", marker) + "</p>".length;
  const line = authorList(paper.authors, urls, { limit: LIST_AUTHOR_LIMIT, className: "mt-1", author });
  return itemHtml.slice(0, start) + html(line) + itemHtml.slice(end);
}

/** What marks the line of names in an entry (`authorList`'s paragraph). */
const AUTHORS_MARK = ' data-authors="">';

/** An author's co-authors, linked, each with how many papers they wrote together. */
export function coAuthorList(coAuthors: readonly CoAuthor[], urls: ListingUrls): Markup {
  const items = coAuthors.map(
    (co) =>
      markup`<li><a href="${urls.author(co.slug)}" class="link">${co.name}</a> <span class="text-zinc-600 dark:text-zinc-400">(${paperCount(co.papers)} together)</span></li>`,
  );
  return markup`<ul class="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2" data-coauthors="">${items}</ul>`;
}

/** A paper's topics as links, each read as "Topic: <name>" by a screen reader. */
export function topicChips(topics: TopicName[], urls: ListingUrls, className?: string | undefined): Markup | null {
  if (topics.length === 0) return null;
  const chips = topics.map(
    (topic) =>
      markup`<li><a href="${urls.topic(topic.slug)}" class="topic-chip"><span class="sr-only">Topic: </span>${topic.name}</a></li>`,
  );
  return markup`<ul class="${joinClasses("flex flex-wrap gap-1.5 text-xs", className)}" data-topics="">${chips}</ul>`;
}

export interface ListItemOptions {
  /** The heading level of the title within its page. */
  level: "h2" | "h3";
  /** The paper's topics, in its order. */
  topics: TopicName[];
  /** The first lines of its abstract. */
  excerpt: string;
  urls: ListingUrls;
}

const TITLE_LINK = "text-zinc-900 hover:text-accent-700 hover:underline dark:text-zinc-100 dark:hover:text-accent-300";

/** A paper as lists show it: title, up to 8 authors, date, venue, id, topics, the first lines of its abstract. */
export function paperListItem(paper: Paper, options: ListItemOptions): Markup {
  const { urls, level } = options;
  const titleId = `title-${paper.slug.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const heading =
    level === "h2" ? { open: markup`<h2`, close: markup`</h2>` } : { open: markup`<h3`, close: markup`</h3>` };
  return markup`<article class="py-5" aria-labelledby="${titleId}">${heading.open} id="${titleId}" class="text-lg leading-snug font-semibold text-balance"><a href="${urls.paper(paper.slug)}" class="${TITLE_LINK}">${paper.title.text}</a>${heading.close}${authorList(paper.authors, urls, { limit: LIST_AUTHOR_LIMIT, className: "mt-1" })}<p class="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400"><time datetime="${paper.submitted}">${formatSubmitted(paper.submitted)}</time>${paper.venueShort ? markup`<span>${paper.venueShort}</span>` : null}<span>arXiv:${paper.id}</span></p>${topicChips(options.topics, urls, "mt-2")}<p class="mt-2 text-[0.95rem] leading-relaxed text-zinc-700 dark:text-zinc-300">${options.excerpt}</p></article>`;
}

/**
 * A paper's entry as markup, made once for every list: a catalogue lists each paper at both
 * heading levels (years and topics under h2, the home page and authors under h3), and
 * `atHeadingLevel` turns it into the other. One string a paper, not two: at 100,000 papers the
 * entries are 260 MB each.
 */
export function paperListItemMarkup(paper: Paper, options: Omit<ListItemOptions, "level">): string {
  return paperListItem(paper, { ...options, level: "h2" }).html;
}

/** An entry of `paperListItemMarkup` at a heading level: its one heading's tags (the entry's text is escaped, so they are its first `<h2` and `</h2>`). */
export function atHeadingLevel(item: string, level: ListItemOptions["level"]): string {
  return level === "h2" ? item : item.replace("<h2", "<h3").replace("</h2>", "</h3>");
}

/** The markup as a string, or nothing. */
export function html(node: Markup | null): string {
  return node ? node.html : "";
}

function joinClasses(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}
