/**
 * `/authors/directory.json`: every author of the index as `[name, slug, papers]`, in its order,
 * which the filter of a many-paged index reads on first use (`src/scripts/author-filter.ts`).
 */
import type { APIRoute } from "astro";
import { authorDirectoryPages } from "../../content.ts";

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      authorDirectoryPages.pages.flatMap((page) =>
        page.sections.flatMap((section) => section.authors.map((entry) => [entry.name, entry.slug, entry.papers])),
      ),
    ),
    { headers: { "Content-Type": "application/json" } },
  );
