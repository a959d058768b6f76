/** The seed catalogue built from content/, as the site builds it, for tests of what is derived from it. */
import { buildCatalogue } from "../../src/lib/catalogue.ts";
import { readCatalogueInput } from "../../src/loaders/catalogue.ts";

export const seed = buildCatalogue(readCatalogueInput("content"));
