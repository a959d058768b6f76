import { createUrls } from "./lib/urls.ts";

/** The site's URLs under the configured base (`CATALOGUE_BASE`). */
export const urls = createUrls(import.meta.env.BASE_URL);
