/**
 * RSS feeds of papers: the whole catalogue's, and any subset's (a topic's, an author's). Each
 * builds the options `@astrojs/rss` takes; the endpoints only hand them over.
 */
import type { Paper } from "./paper.ts";

/** One paper in a feed, in the shape of `@astrojs/rss`'s items. */
export interface FeedItem {
  title: string;
  /** The paper's page, from the site root (base included); made absolute against the site. */
  link: string;
  /** The abstract as plain text. */
  description: string;
  pubDate: Date;
  /** arXiv categories. */
  categories: string[];
  /** One `<dc:creator>` per author, in order. */
  customData: string;
}

export interface Feed {
  title: string;
  description: string;
  items: FeedItem[];
  xmlns: Record<string, string>;
  /** The channel's language and its `atom:link rel="self"`. */
  customData: string;
}

export interface FeedOptions {
  title: string;
  description: string;
  papers: readonly Paper[];
  /** A paper's page, by slug (`urls.paper`). */
  paperUrl: (slug: string) => string;
  /** The feed's own absolute URL. */
  feedUrl: string;
}

/** A feed of `papers`, newest first (by date of first submission, then id). */
export function paperFeed(options: FeedOptions): Feed {
  const items = [...options.papers].sort(newestFirst).map((paper): FeedItem => ({
    title: paper.title.text,
    link: options.paperUrl(paper.slug),
    description: paper.abstract.text,
    pubDate: new Date(`${paper.submitted}${paper.submitted.length === 7 ? "-01" : ""}T00:00:00Z`),
    categories: paper.categories,
    customData: paper.authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`).join(""),
  }));
  return {
    title: options.title,
    description: options.description,
    items,
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData: `<language>en</language><atom:link href="${escapeXml(options.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  };
}

function newestFirst(a: Paper, b: Paper): number {
  return b.submitted.localeCompare(a.submitted) || b.id.localeCompare(a.id);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
