/**
 * The one module that reads the collections. It fetches them once per build and derives what
 * pages need; pages import from here and never call `getCollection` themselves.
 */
import { getCollection, getEntry } from "astro:content";
import type { Paper } from "./lib/paper.ts";
import { citePapers } from "./lib/citation.ts";
import { groupByYear } from "./lib/listing.ts";

/** Every paper, newest first (the loader stores them in that order). */
export const papers: Paper[] = (await getCollection("papers")).map((entry) => entry.data);

/** The catalogue's name and description. */
export const site = (await getEntry("site", "settings"))!.data;

/** Papers grouped by year of first submission, newest year first. */
export const papersByYear = groupByYear(papers);

/** Every paper's citation (BibTeX key and entry, APA reference), by paper id: keys are unique across the catalogue. */
export const citations = citePapers(papers);
