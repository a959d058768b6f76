// Links to a paper in another shape (`/abs/<id>`, `/papers/<id>v2/`): a static host cannot
// redirect, so each is a tiny page that sends the browser on and names the paper's canonical URL.
// Two or more per paper: a build writes them in bulk (`integrations/bulk-files.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { papers } from "../../content.ts";
import { bulkPaths } from "../../integrations/bulk-files.ts";
import { paperAliases, redirectPage } from "../../lib/paper-aliases.ts";
import { absolute, urls } from "../../urls.ts";

interface Props {
  title: string;
  target: string;
}

const page = (props: Props) => redirectPage({ ...props, canonical: absolute(props.target) });

const aliases = paperAliases(papers).map(({ path, paper }) => ({
  path,
  props: { title: paper.title.text, target: urls.paper(paper.slug) },
}));

export const getStaticPaths = (() =>
  bulkPaths(
    "paper-aliases",
    aliases,
    ({ path, props }) => ({ params: { alias: path }, props }),
    ({ path, props }) => [urls.outputPath(urls.file(`${path}/`)), page(props)],
    import.meta.env.DEV,
  )) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(page(props), { headers: { "content-type": "text/html; charset=utf-8" } });
