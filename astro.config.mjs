// @ts-check
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { bulkFiles } from "./src/integrations/bulk-files.ts";
import { contentStore } from "./src/integrations/content-store.ts";
import { derivationsWorker } from "./src/integrations/derivations-worker.ts";
import { katexWithoutFontFaces } from "./src/integrations/katex-css.ts";
import { ogCards, ogImagesWanted } from "./src/integrations/og-cards.ts";
import { stagedBuild } from "./src/integrations/staged-build.ts";
import { sitemapOptions } from "./src/lib/sharing/sitemap-options.ts";

/**
 * Where the site is published. Both come from the environment so that one build works at a
 * domain root (`CATALOGUE_SITE=https://example.org`) or under a subpath (`CATALOGUE_BASE=/catalogue/`).
 */
const site = process.env.CATALOGUE_SITE || "http://localhost:4321";
const base = process.env.CATALOGUE_BASE || "/";

export default defineConfig({
  site,
  base,
  trailingSlash: "ignore",
  outDir: process.env.CATALOGUE_OUT || "./dist",
  build: { format: "directory", concurrency: 4 },
  integrations: [
    contentStore(),
    katexWithoutFontFaces(),
    bulkFiles(),
    derivationsWorker(new URL("./src/derivations-thread.ts", import.meta.url)),
    ogCards(new URL("./src/og-card-thread.ts", import.meta.url), ogImagesWanted(process.env)),
    // The sitemap lists each page once (not the redirects), in files of at most 50,000 URLs.
    sitemap(sitemapOptions(base)),
    // Last: it publishes what the others have written.
    stagedBuild(),
  ],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
