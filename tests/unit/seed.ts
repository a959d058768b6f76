/** The seed catalogue built from content/, as the site builds it, for tests of what is derived from it. */
import { buildCatalogue } from "../../src/lib/content/catalogue.ts";
import { readCatalogueInput } from "../../src/loaders/catalogue-loaders.ts";

export const seed = buildCatalogue(readCatalogueInput("content"));
