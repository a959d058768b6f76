// A paper's preview card; a build draws them on worker threads (`integrations/og-cards.ts`).
import type { APIRoute, GetStaticPaths } from "astro";
import { papers, site } from "../../../content.ts";
import { ogCardPaths } from "../../../integrations/og-cards.ts";
import { ogCard, type OgCard } from "../../../lib/sharing/og-card.ts";
import { createOgImageRenderer, interFonts, ogCardHash } from "../../../lib/sharing/og-image.ts";
import { createUrls } from "../../../lib/browsing/urls.ts";
import { ogImageCacheDir, ogImagesEnabled } from "../../../preview-images.ts";

/** Output paths, relative to the build folder. */
const outputs = createUrls("/");

export const getStaticPaths = (() =>
  ogImagesEnabled
    ? ogCardPaths(
        papers,
        (paper) => ({ params: { id: paper.slug }, props: { card: ogCard(paper, site.title) } }),
        (paper) => {
          const card = ogCard(paper, site.title);
          return { path: outputs.paperImage(paper.slug).slice(1), hash: ogCardHash(card), card };
        },
        import.meta.env.DEV,
      )
    : []) satisfies GetStaticPaths;

let renderer: ReturnType<typeof createOgImageRenderer> | null = null;

/** The paper's preview card as a 1200x630 PNG (under `astro dev`). */
export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  renderer ??= createOgImageRenderer({ fonts: interFonts(), cacheDir: ogImageCacheDir });
  return new Response(await renderer.render(props.card), { headers: { "content-type": "image/png" } });
};
