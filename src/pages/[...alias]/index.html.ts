// Links to a paper in another shape (`/abs/<id>`, `/papers/<id>v2/`): a static host cannot
// redirect, so each is a tiny page that sends the browser on and names the paper's canonical URL.
// An endpoint rather than a page: there are two or more per paper, and an endpoint costs Astro a
// third of a page's time to write.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { papers } from "../../content.ts";
import { paperAliases, redirectPage } from "../../lib/paper-aliases.ts";
import { absolute, urls } from "../../urls.ts";

export const getStaticPaths = (() =>
  paperAliases(papers).map(({ path, paper }) => ({
    params: { alias: path },
    props: { title: paper.title.text, target: urls.paper(paper.slug) },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(redirectPage({ ...props, canonical: absolute(props.target) }), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
