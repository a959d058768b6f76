import type { APIRoute } from "astro";
import { citations, papers } from "../content.ts";
import { bibtexFile } from "../lib/citing/bibtex.ts";

/** Every paper's BibTeX entry, newest first. */
export const GET: APIRoute = () =>
  new Response(bibtexFile(papers.map((paper) => citations.get(paper.id)!.bibtex)), {
    headers: { "content-type": "application/x-bibtex; charset=utf-8" },
  });
