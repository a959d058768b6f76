// Links to a paper in another shape (`/abs/<id>`, `/papers/<id>v2/`), and author pages under an
// earlier slug: a static host cannot redirect, so each is a tiny page that sends the browser on
// and names the canonical URL.
// Two or more per paper: a build writes them in bulk (`integrations/bulk-files.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { papers, renamedAuthors } from "../../content.ts";
import { bulkPaths } from "../../integrations/bulk-files.ts";
import { paperAliases, redirectPage } from "../../lib/browsing/paper-aliases.ts";
import { absolute, urls } from "../../site-urls.ts";

interface Props {
  title: string;
  target: string;
}

const page = (props: Props) => redirectPage({ ...props, canonical: absolute(props.target) });

const aliases = [
  ...paperAliases(papers).map(({ path, paper }) => ({
    url: urls.file(`${path}/`),
    props: { title: paper.title.text, target: urls.paper(paper.slug) },
  })),
  // An author's page under the slug it had before Latin letters were spelled in ASCII.
  ...renamedAuthors.map(({ earlier, author }) => ({
    url: urls.author(earlier),
    props: { title: author.name, target: urls.author(author.slug) },
  })),
];

export const getStaticPaths = (() =>
  bulkPaths(
    "paper-aliases",
    aliases,
    ({ url, props }) => ({ params: { alias: urls.routePath(url) }, props }),
    ({ url, props }) => [urls.outputPath(url), page(props)],
    import.meta.env.DEV,
  )) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(page(props), { headers: { "content-type": "text/html; charset=utf-8" } });
