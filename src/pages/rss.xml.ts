import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { papers, site } from "../content.ts";
import { paperFeed } from "../lib/feed.ts";
import { absolute, urls } from "../urls.ts";

/** Every paper, newest first. */
export const GET: APIRoute = () =>
  rss({
    ...paperFeed({
      title: site.title,
      description: site.description,
      papers,
      paperUrl: urls.paper,
      feedUrl: absolute(urls.feed()),
    }),
    site: absolute(urls.home()),
  });
