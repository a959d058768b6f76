// An author's papers, newest first; a build writes these feeds in bulk (`integrations/bulk-files.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { authors, site, writeFeed } from "../../../content.ts";
import { bulkPaths } from "../../../integrations/bulk-files.ts";
import { absolute, urls } from "../../../site-urls.ts";

type Author = (typeof authors)[number];

const feed = (author: Author) =>
  writeFeed({
    title: `${author.name} · ${site.title}`,
    description: `Papers by ${author.name} in ${site.title}.`,
    papers: author.papers,
    feedUrl: absolute(urls.authorFeed(author.slug)),
    pageUrl: absolute(urls.author(author.slug)),
  });

export const getStaticPaths = (() =>
  bulkPaths(
    "author-feeds",
    authors,
    (author) => ({ params: { slug: author.slug }, props: { author } }),
    (author) => [urls.outputPath(urls.authorFeed(author.slug)), feed(author)],
    import.meta.env.DEV,
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: Author }> = ({ props: { author } }) =>
  new Response(feed(author), { headers: { "content-type": "application/xml" } });
