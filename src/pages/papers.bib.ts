import type { APIRoute } from "astro";
import { citations, papers } from "../content.ts";
import { bibtexFile } from "../lib/citing/bibtex.ts";

/** Every paper's BibTeX entry, newest first. */
export const GET: APIRoute = async () => {
  const cited = await citations;
  return new Response(bibtexFile(papers.map((paper) => cited.get(paper.id)!.bibtex)), {
    headers: { "content-type": "application/x-bibtex; charset=utf-8" },
  });
};
