import type { APIRoute } from "astro";
import { robotsTxt } from "../lib/sharing/robots.ts";
import { absolute, urls } from "../site-urls.ts";

/** Points crawlers at the sitemap, under the configured site and base. */
export const GET: APIRoute = () =>
  new Response(robotsTxt(absolute(urls.sitemap())), { headers: { "content-type": "text/plain; charset=utf-8" } });
