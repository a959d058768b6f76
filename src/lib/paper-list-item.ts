/**
 * The markup of a paper in a list (the home page, a year, a topic, an author), and of the author
 * names and topic chips it shares with the paper's own page.
 *
 * Written here as a syntax tree rather than as Astro components because a paper is listed on
 * about ten pages: the build makes each paper's entry once and every list reuses it. At 10,000
 * papers that is 75,000 entries drawn 10,000 times instead of 75,000 (`npm run bench`). The tree
 * is serialized by hast-util-to-html, so every text and attribute is escaped.
 *
 * A title is shown as its plain text (`$k$-means` as "k-means"): lists carry no KaTeX stylesheet
 * or fonts, and typeset math without them would show each formula twice (its MathML and its HTML).
 */
import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { toHtml } from "hast-util-to-html";
import { formatSubmitted } from "./listing.ts";
import type { Paper } from "./paper.ts";

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

/** The authors' names, linked to their pages, `limit` at most and then how many more. */
export function authorList(
  authors: Paper["authors"],
  urls: ListingUrls,
  options: { limit?: number | undefined; className?: string | undefined } = {},
): Element | null {
  if (authors.length === 0) return null;
  const shown = authors.slice(0, options.limit ?? authors.length);
  const more = authors.length - shown.length;
  const names = shown.flatMap((author, i): ElementContent[] => [
    ...(i > 0 ? [{ type: "text" as const, value: ", " }] : []),
    h("a", { href: urls.author(author.slug), className: "author-link" }, author.name),
  ]);
  return h(
    "p",
    { className: joinClasses("text-sm text-zinc-700 dark:text-zinc-300", options.className), dataAuthors: "" },
    more > 0 ? [...names, h("span", { className: "text-zinc-600 dark:text-zinc-400" }, ` and ${more} more`)] : names,
  );
}

/** A paper's topics as links, each read as "Topic: <name>" by a screen reader. */
export function topicChips(topics: TopicName[], urls: ListingUrls, className?: string | undefined): Element | null {
  if (topics.length === 0) return null;
  return h(
    "ul",
    { className: joinClasses("flex flex-wrap gap-1.5 text-xs", className), dataTopics: "" },
    topics.map((topic) =>
      h(
        "li",
        h("a", { href: urls.topic(topic.slug), className: "topic-chip" }, [h("span.sr-only", "Topic: "), topic.name]),
      ),
    ),
  );
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

/** A paper as lists show it: title, up to 8 authors, date, venue, id, topics, the first lines of its abstract. */
export function paperListItem(paper: Paper, options: ListItemOptions): Element {
  const { urls } = options;
  const titleId = `title-${paper.slug.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const children: (Element | null)[] = [
    h(options.level, { id: titleId, className: "text-lg leading-snug font-semibold text-balance" }, [
      h(
        "a",
        {
          href: urls.paper(paper.slug),
          className:
            "text-zinc-900 hover:text-accent-700 hover:underline dark:text-zinc-100 dark:hover:text-accent-300",
        },
        paper.title.text,
      ),
    ]),
    authorList(paper.authors, urls, { limit: 8, className: "mt-1" }),
    h("p", { className: "mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400" }, [
      h("time", { dateTime: paper.submitted }, formatSubmitted(paper.submitted)),
      paper.venueShort ? h("span", paper.venueShort) : null,
      h("span", `arXiv:${paper.id}`),
    ]),
    topicChips(options.topics, urls, "mt-2"),
    h("p", { className: "mt-2 text-[0.95rem] leading-relaxed text-zinc-700 dark:text-zinc-300" }, options.excerpt),
  ];
  return h("article", { className: "py-5", ariaLabelledBy: titleId }, children);
}

/**
 * A paper's entry as markup at both heading levels, its tree made once: a catalogue lists each
 * paper at both (years and topics under h2, the home page and authors under h3).
 */
export function paperListItemMarkup(
  paper: Paper,
  options: Omit<ListItemOptions, "level">,
): Record<ListItemOptions["level"], string> {
  const tree = paperListItem(paper, { ...options, level: "h3" });
  const h3 = toHtml(tree);
  (tree.children[0] as Element).tagName = "h2";
  return { h2: toHtml(tree), h3 };
}

/** Markup of a tree, or nothing. */
export function html(node: Element | null): string {
  return node ? toHtml(node) : "";
}

function joinClasses(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}
