import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { citations, papers } from "../../content.ts";
import { bibtexFile } from "../../lib/bibtex.ts";

export const getStaticPaths = (() =>
  papers.map((paper) => ({
    params: { id: paper.slug },
    props: { bibtex: citations.get(paper.id)!.bibtex },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The paper's BibTeX entry. */
export const GET: APIRoute<Props> = ({ props }) =>
  new Response(bibtexFile([props.bibtex]), { headers: { "content-type": "application/x-bibtex; charset=utf-8" } });
