/**
 * The content folder as the build reads it: every dump (`*.txt`, in name order), papers.yaml,
 * topics.yaml and site.yaml, decoded strictly as UTF-8; and the check of all of it with the build's
 * own code, for `npm run check-dump -- content` and the loaders alike.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildCatalogue, type Catalogue, type CatalogueInput, type SourceFile } from "./catalogue.ts";
import type { Problem } from "./problems.ts";
import { parseSiteSettings, type SiteSettings } from "./site-settings.ts";
import { decodeContent } from "./content-text.ts";

export interface ContentFolder extends CatalogueInput {
  /** site.yaml, when the catalogue has one. */
  site: SourceFile | null;
}

/** Reads one content file, its path shown relative to the working directory; a file that is not UTF-8 is a problem. */
export function readContentFile(path: string, problems: Problem[]): SourceFile | null {
  const file = relative(process.cwd(), path) || path;
  const decoded = decodeContent(readFileSync(path), file);
  problems.push(...decoded.problems);
  return decoded.source === null ? null : { file, source: decoded.source };
}

/** The paths of the files a build reads from a content folder: every dump (`*.txt`, in name order) and the three YAML files. */
export function contentFiles(directory: string): { dumps: string[]; metadata: string; topics: string; site: string } {
  const dumps = readdirSync(directory)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => join(directory, name));
  return {
    dumps,
    metadata: join(directory, "papers.yaml"),
    topics: join(directory, "topics.yaml"),
    site: join(directory, "site.yaml"),
  };
}

/** Reads the content folder; files that cannot be decoded are left out and reported in `readProblems`. */
export function readContentFolder(directory: string): ContentFolder {
  const readProblems: Problem[] = [];
  const files = contentFiles(directory);
  const optional = (path: string) => (existsSync(path) ? readContentFile(path, readProblems) : null);
  const dumps = files.dumps
    .map((path) => readContentFile(path, readProblems))
    .filter((dump): dump is SourceFile => dump !== null);
  return {
    dumps,
    metadata: optional(files.metadata),
    topics: optional(files.topics),
    site: optional(files.site),
    readProblems,
  };
}

export interface ContentCheck {
  catalogue: Catalogue;
  settings: SiteSettings;
  /** Every problem of every file: the build would stop on any. */
  problems: Problem[];
  /** What the build warns of. */
  warnings: string[];
}

/** Checks a content folder as the build reads it: the catalogue from dumps, papers.yaml and topics.yaml, and site.yaml. */
export function checkContentFolder(folder: ContentFolder): ContentCheck {
  const catalogue = buildCatalogue(folder);
  const site = parseSiteSettings(folder.site?.source ?? null, folder.site?.file ?? "site.yaml");
  return {
    catalogue,
    settings: site.settings,
    problems: [...catalogue.problems, ...site.problems],
    warnings: catalogue.warnings,
  };
}
