import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { papers, site } from "../../../content.ts";
import { ogCard } from "../../../lib/og-card.ts";
import { createOgImageRenderer, interFonts } from "../../../lib/og-image.ts";
import { ogImageCacheDir, ogImagesEnabled } from "../../../og-images.ts";

export const getStaticPaths = (() =>
  ogImagesEnabled
    ? papers.map((paper) => ({ params: { id: paper.slug }, props: { card: ogCard(paper, site.title) } }))
    : []) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

const renderer = ogImagesEnabled ? createOgImageRenderer({ fonts: interFonts(), cacheDir: ogImageCacheDir }) : null;

/** The paper's preview card as a 1200x630 PNG. */
export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderer!.render(props.card), { headers: { "content-type": "image/png" } });
