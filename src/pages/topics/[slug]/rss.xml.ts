import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { site, topicIndex, writeFeed } from "../../../content.ts";
import { absolute, urls } from "../../../site-urls.ts";

export const getStaticPaths = (() =>
  topicIndex.topics.map(({ topic, papers }) => ({
    params: { slug: topic.slug },
    props: { topic, papers },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** A topic's papers, newest first. */
export const GET: APIRoute<Props> = ({ props: { topic, papers } }) =>
  new Response(
    writeFeed({
      title: `${topic.name} · ${site.title}`,
      description: topic.description,
      papers,
      feedUrl: absolute(urls.topicFeed(topic.slug)),
      pageUrl: absolute(urls.topic(topic.slug)),
    }),
    { headers: { "content-type": "application/xml" } },
  );
