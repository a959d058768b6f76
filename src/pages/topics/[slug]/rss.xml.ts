import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { site, topicIndex } from "../../../content.ts";
import { feedXml, paperFeed } from "../../../lib/feed.ts";
import { absolute, urls } from "../../../urls.ts";

export const getStaticPaths = (() =>
  topicIndex.topics.map(({ topic, papers }) => ({
    params: { slug: topic.slug },
    props: { topic, papers },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** A topic's papers, newest first. */
export const GET: APIRoute<Props> = ({ props: { topic, papers } }) =>
  new Response(
    feedXml(
      paperFeed({
        title: `${topic.name} · ${site.title}`,
        description: topic.description,
        papers,
        paperUrl: urls.paper,
        feedUrl: absolute(urls.topicFeed(topic.slug)),
      }),
      absolute(urls.home()),
    ),
    { headers: { "content-type": "application/xml" } },
  );
