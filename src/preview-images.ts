/**
 * Preview images (Open Graph) of paper pages: drawn by the build on worker threads
 * (`integrations/og-cards.ts`), cached by content between builds; `CATALOGUE_OG_IMAGES=0` turns
 * them off.
 */
import type { Paper } from "./lib/content/paper.ts";
import { ogImage } from "./lib/sharing/og-card.ts";
import type { SocialImage } from "./lib/citing/scholar-meta.ts";
import { absolute, urls } from "./site-urls.ts";
import { ogImagesWanted } from "./integrations/og-cards.ts";

export { ogImageCacheDir } from "./integrations/og-cards.ts";

/** Whether the build draws a preview image per paper. */
export const ogImagesEnabled = ogImagesWanted(process.env);

/** A paper's preview image, or null when the build draws none. */
export function paperImage(paper: Paper): SocialImage | null {
  return ogImagesEnabled ? ogImage(paper, absolute(urls.paperImage(paper.slug))) : null;
}
