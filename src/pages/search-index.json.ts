/** `/search-index.json`: the search index in one file, or the manifest of its parts. */
import type { APIRoute } from "astro";
import { searchIndexFiles } from "../content.ts";

export const GET: APIRoute = async () =>
  new Response((await searchIndexFiles).entry, { headers: { "content-type": "application/json; charset=utf-8" } });
