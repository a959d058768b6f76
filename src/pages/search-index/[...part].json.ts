/** `/search-index/<part>.json`: the parts of a split search index (none for an index in one file). */
import type { APIRoute, GetStaticPaths } from "astro";
import { searchIndexFiles } from "../../content.ts";

export const getStaticPaths = (() =>
  [...searchIndexFiles.parts].map(([part, body]) => ({ params: { part }, props: { body } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { "content-type": "application/json; charset=utf-8" } });
