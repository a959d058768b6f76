// A paper's BibTeX entry; a build writes them in bulk (`integrations/bulk-files.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { citations, papers } from "../../content.ts";
import { bulkPaths } from "../../integrations/bulk-files.ts";
import { bibtexFile } from "../../lib/citing/bibtex.ts";
import { urls } from "../../site-urls.ts";

const entries = papers.map((paper) => ({ slug: paper.slug, body: bibtexFile([citations.get(paper.id)!.bibtex]) }));

export const getStaticPaths = (() =>
  bulkPaths(
    "paper-bibtex",
    entries,
    ({ slug, body }) => ({ params: { id: slug }, props: { body } }),
    ({ slug, body }) => [urls.outputPath(urls.paperBibtex(slug)), body],
    import.meta.env.DEV,
  )) satisfies GetStaticPaths;

/** The paper's BibTeX entry. */
export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { "content-type": "application/x-bibtex; charset=utf-8" } });
