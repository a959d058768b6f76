import rss from "@astrojs/rss";
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { site, topicIndex } from "../../../content.ts";
import { paperFeed } from "../../../lib/feed.ts";
import { absolute, urls } from "../../../urls.ts";

export const getStaticPaths = (() =>
  topicIndex.topics.map(({ topic, papers }) => ({
    params: { slug: topic.slug },
    props: { topic, papers },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** A topic's papers, newest first. */
export const GET: APIRoute<Props> = ({ props: { topic, papers } }) =>
  rss({
    ...paperFeed({
      title: `${topic.name} · ${site.title}`,
      description: topic.description,
      papers,
      paperUrl: urls.paper,
      feedUrl: absolute(urls.topicFeed(topic.slug)),
    }),
    site: absolute(urls.home()),
  });
