// A paper's BibTeX entry; a build writes them in bulk (`integrations/bulk-files.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { citations, papers } from "../../content.ts";
import { bulkPaths } from "../../integrations/bulk-files.ts";
import { bibtexFile } from "../../lib/citing/bibtex.ts";
import { urls } from "../../site-urls.ts";

export const getStaticPaths = (async () => {
  const cited = await citations;
  return bulkPaths(
    "paper-bibtex",
    papers.map((paper) => ({ slug: paper.slug, body: bibtexFile([cited.get(paper.id)!.bibtex]) })),
    ({ slug, body }) => ({ params: { id: slug }, props: { body } }),
    ({ slug, body }) => [urls.outputPath(urls.paperBibtex(slug)), body],
    import.meta.env.DEV,
  );
}) satisfies GetStaticPaths;

/** The paper's BibTeX entry. */
export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { "content-type": "application/x-bibtex; charset=utf-8" } });
