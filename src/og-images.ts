/**
 * Preview images (Open Graph) of paper pages. Drawing them is the slowest part of a large build,
 * so `CATALOGUE_OG_IMAGES=0` turns them off (benchmarks), and drawn images are cached by content
 * between builds.
 */
import type { Paper } from "./lib/paper.ts";
import { ogImage } from "./lib/og-card.ts";
import type { SocialImage } from "./lib/scholar-meta.ts";
import { absolute, urls } from "./urls.ts";

/** Whether the build draws a preview image per paper. */
export const ogImagesEnabled = process.env.CATALOGUE_OG_IMAGES !== "0";

/** Where drawn images are kept between builds: outside `dist/`, so that a clean build reuses them. */
export const ogImageCacheDir = "node_modules/.cache/catalogue-og";

/** A paper's preview image, or null when the build draws none. */
export function paperImage(paper: Paper): SocialImage | null {
  return ogImagesEnabled ? ogImage(paper, absolute(urls.paperImage(paper.slug))) : null;
}
