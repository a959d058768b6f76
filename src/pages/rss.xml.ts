import type { APIRoute } from "astro";
import { papers, site, writeFeed } from "../content.ts";
import { absolute, urls } from "../site-urls.ts";

/** Every paper, newest first. */
export const GET: APIRoute = () =>
  new Response(
    writeFeed({ title: site.title, description: site.description, papers, feedUrl: absolute(urls.feed()) }),
    { headers: { "content-type": "application/xml" } },
  );
