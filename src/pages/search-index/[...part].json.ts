/**
 * `/search-index/<part>.json`: the parts of a split search index (none for an index in one file);
 * a build writes them in bulk (`integrations/bulk-files.ts`).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { searchIndexFiles } from "../../content.ts";
import { bulkPaths } from "../../integrations/bulk-files.ts";
import { urls } from "../../site-urls.ts";

export const getStaticPaths = (async () =>
  bulkPaths(
    "search-index-parts",
    [...(await searchIndexFiles).parts],
    ([part, body]) => ({ params: { part }, props: { body } }),
    ([part, body]) => [urls.outputPath(urls.searchIndexPart(part)), body],
    import.meta.env.DEV,
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { "content-type": "application/json; charset=utf-8" } });
