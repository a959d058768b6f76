// @ts-check
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { bulkFiles } from "./src/integrations/bulk-files.ts";
import { dataStoreReadFromFile } from "./src/integrations/data-store-module.ts";
import { derivationsWorker } from "./src/integrations/derivations-worker.ts";
import { katexWithoutFontFaces } from "./src/integrations/katex-fonts.ts";
import { ogCards } from "./src/integrations/og-cards.ts";
import { aliasTarget } from "./src/lib/paper-aliases.ts";

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
    dataStoreReadFromFile(),
    katexWithoutFontFaces(),
    bulkFiles(),
    derivationsWorker(new URL("./src/derivations-worker.ts", import.meta.url)),
    ogCards(new URL("./src/og-card-worker.ts", import.meta.url)),
    // The sitemap lists each page once: the redirects written for other link shapes are left out.
    sitemap({ filter: (page) => aliasTarget(new URL(page).pathname, base) === null }),
  ],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
