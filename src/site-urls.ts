import { absoluteUrl, createUrls } from "./lib/browsing/urls.ts";

/** The site's URLs under the configured base (`CATALOGUE_BASE`). */
export const urls = createUrls(import.meta.env.BASE_URL);

/** An absolute URL on the site (`CATALOGUE_SITE`), for canonical links, feeds and link previews. */
export const absolute = (path: string): string => absoluteUrl(path, import.meta.env.SITE);
