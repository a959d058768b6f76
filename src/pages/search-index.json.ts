/** `/search-index.json`: the Lunr index and result fields the search box loads on first use. */
import type { APIRoute } from "astro";
import { papers, topicIndex } from "../content.ts";
import { buildSearchIndex } from "../lib/search-index.ts";
import { urls } from "../urls.ts";

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      buildSearchIndex(papers, {
        paperUrl: urls.paper,
        topicsOf: (paper) => paper.topics.map((slug) => topicIndex.bySlug.get(slug)!.name),
      }),
    ),
    {
      headers: { "content-type": "application/json; charset=utf-8" },
    },
  );
