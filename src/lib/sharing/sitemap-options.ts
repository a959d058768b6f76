/**
 * What `@astrojs/sitemap` is told: the URLs it lists and how many go in one file. A catalogue of
 * 100,000 papers has some 110,000 pages, more than one sitemap file may hold, so the sitemap is
 * `sitemap-index.xml` naming `sitemap-0.xml`, `sitemap-1.xml`, ...
 */
import { aliasTarget } from "../browsing/paper-aliases.ts";

/** The most URLs the sitemap protocol lets one file hold (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * The sitemap integration's options for a site under `base`: each page listed once, the
 * redirect pages written for other link shapes (`/abs/<id>`, `/papers/<id>v2/`) left out, and
 * each file cut at the protocol's limit (`@astrojs/sitemap` 3.7.0 cuts at 45,000 by default).
 */
export function sitemapOptions(base: string): { entryLimit: number; filter: (page: string) => boolean } {
  return {
    entryLimit: SITEMAP_URL_LIMIT,
    filter: (page) => aliasTarget(new URL(page).pathname, base) === null,
  };
}
