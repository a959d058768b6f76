import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { authors, site } from "../../../content.ts";
import { feedXml, paperFeed } from "../../../lib/feed.ts";
import { absolute, urls } from "../../../urls.ts";

export const getStaticPaths = (() =>
  authors.map((author) => ({ params: { slug: author.slug }, props: { author } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** An author's papers, newest first. */
export const GET: APIRoute<Props> = ({ props: { author } }) =>
  new Response(
    feedXml(
      paperFeed({
        title: `${author.name} · ${site.title}`,
        description: `Papers by ${author.name} in ${site.title}.`,
        papers: author.papers,
        paperUrl: urls.paper,
        feedUrl: absolute(urls.authorFeed(author.slug)),
      }),
      absolute(urls.home()),
    ),
    { headers: { "content-type": "application/xml" } },
  );
