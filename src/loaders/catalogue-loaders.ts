/**
 * Loaders for the catalogue's collections. They read `content/` (or `CATALOGUE_CONTENT`), hand
 * the text to `src/lib`, and store what comes back (`integrations/content-store.ts`); on a
 * problem in the content they stop the build with every problem as `file:line: message`.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Loader, LoaderContext } from "astro/loaders";
import { storeEntries, type StoredEntry } from "../integrations/content-store.ts";
import { prewarmCards } from "../integrations/og-cards.ts";
import { buildCatalogue, type Catalogue, type CatalogueInput } from "../lib/content/catalogue.ts";
import { contentFiles, readContentFile, readContentFolder } from "../lib/content/content-folder.ts";
import { CatalogueError, type Problem } from "../lib/content/problems.ts";
import { parseSiteSettings } from "../lib/content/site-settings.ts";
import { ogCard } from "../lib/sharing/og-card.ts";
import { ogCardHash } from "../lib/sharing/og-image.ts";

export interface ContentOptions {
  /** The content folder, relative to the project root. */
  directory: string;
}

/** The content folder the build reads: `CATALOGUE_CONTENT`, else `content`. */
export function contentDirectory(): string {
  return process.env.CATALOGUE_CONTENT || "content";
}

function checkOptions(options: ContentOptions): string {
  const directory = resolve(options.directory);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new Error(
      `The content folder "${options.directory}" does not exist. Create it with a dump of abstracts (abstracts.txt) in it, or set CATALOGUE_CONTENT.`,
    );
  }
  return directory;
}

/** Reads one optional content file; a file that is not UTF-8 stops the build. */
function readOptional(path: string) {
  const problems: Problem[] = [];
  const file = existsSync(path) ? readContentFile(path, problems) : null;
  if (problems.length) throw new CatalogueError(problems);
  return file;
}

/** Reads every dump (`*.txt`, in name order), papers.yaml and topics.yaml from the content folder. */
export function readCatalogueInput(directory: string): CatalogueInput {
  return readContentFolder(directory);
}

/** What each catalogue file is now (size and time of change), to tell whether the catalogue made from them still holds. */
function contentStamp(directory: string): string {
  const files = contentFiles(directory);
  return [...files.dumps, files.metadata, files.topics]
    .map((path) => {
      if (!existsSync(path)) return `${path} -`;
      const { size, mtimeMs } = statSync(path);
      return `${path} ${size} ${mtimeMs}`;
    })
    .join("\n");
}

/** The loaders that read a catalogue. */
type Reader = "papers" | "topics";

interface Made {
  stamp: string;
  dumps: string[];
  catalogue: Catalogue;
  /** The loaders that have read it. */
  readers: Set<Reader>;
}

const made = new Map<string, Made>();

/**
 * The catalogue of a content folder, made once for the papers and the topics loaders alike
 * (topics.yaml is read and parsed once). It is kept until both have read it (then nothing holds
 * it but what they stored), and made again when a loader reads it a second time (`astro dev`
 * reloading) or one of its files has changed.
 */
export function catalogueOf(directory: string, reader: Reader): Made {
  const stamp = contentStamp(directory);
  let current = made.get(directory);
  if (current === undefined || current.stamp !== stamp || current.readers.has(reader)) {
    const input = readCatalogueInput(directory);
    current = {
      stamp,
      dumps: input.dumps.map((dump) => dump.file),
      catalogue: buildCatalogue(input),
      readers: new Set(),
    };
    made.set(directory, current);
  }
  current.readers.add(reader);
  if (current.readers.size === 2) made.delete(directory);
  return current;
}

/** Re-runs `load` when a file in the content folder changes under `astro dev`. */
function reloadOnChange(context: LoaderContext, directory: string, load: () => Promise<void>): void {
  context.watcher?.add(directory);
  context.watcher?.on("all", (_event, path) => {
    if (resolve(path).startsWith(directory)) load().catch((error: unknown) => context.logger.error(String(error)));
  });
}

/** Validates each entry against the collection's schema (so that an error names its file) and stores them all. */
async function validateAndStore(context: LoaderContext, entries: StoredEntry[]): Promise<void> {
  const validated: StoredEntry[] = [];
  for (const entry of entries) validated.push({ ...entry, data: await context.parseData(entry) });
  storeEntries(context, validated);
}

/** The `papers` collection: one entry per paper, keyed by its URL slug. */
export function papersLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-papers",
    load: async (context) => {
      const load = async () => {
        const { dumps, catalogue } = catalogueOf(directory, "papers");
        if (dumps.length === 0) context.logger.warn(`no dump (*.txt) in ${options.directory}: the catalogue is empty`);
        if (catalogue.problems.length) throw new CatalogueError(catalogue.problems);
        for (const warning of catalogue.warnings) context.logger.warn(warning);
        // In a build, the preview cards start being drawn on the core this thread leaves idle.
        prewarmCards(() => {
          const siteName = siteTitle(directory);
          return siteName === null
            ? []
            : catalogue.papers.map((paper) => {
                const card = ogCard(paper, siteName);
                return { hash: ogCardHash(card), card };
              });
        });
        await validateAndStore(
          context,
          catalogue.papers.map((paper) => ({ id: paper.slug, data: { ...paper }, filePath: paper.source.file })),
        );
        context.logger.info(`${catalogue.papers.length} papers from ${dumps.join(", ")}`);
      };
      reloadOnChange(context, directory, load);
      await load();
    },
  };
}

/**
 * The `topics` collection: one entry per topic of topics.yaml (else per arXiv category of the
 * papers), keyed by its slug, with its `position` (the order the site lists them in), from the
 * catalogue's own reading.
 */
export function topicsLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-topics",
    load: async (context) => {
      const load = async () => {
        const { catalogue } = catalogueOf(directory, "topics");
        if (catalogue.problems.length) throw new CatalogueError(catalogue.problems);
        // A topic made from arXiv's categories comes from no one file.
        const topicsFile = join(directory, "topics.yaml");
        const filePath = existsSync(topicsFile) ? { filePath: relative(process.cwd(), topicsFile) } : {};
        await validateAndStore(
          context,
          catalogue.topics.map((topic, position) => ({ id: topic.slug, data: { ...topic, position }, ...filePath })),
        );
      };
      reloadOnChange(context, directory, load);
      await load();
    },
  };
}

/** site.yaml read and parsed (a file that is not UTF-8 stops the build). */
function readSiteSettings(directory: string) {
  const file = readOptional(join(directory, "site.yaml"));
  return parseSiteSettings(file?.source ?? null, file?.file ?? "site.yaml");
}

/** The site's title as the `site` collection will have it, or null when site.yaml has problems (which that loader reports). */
function siteTitle(directory: string): string | null {
  try {
    const { settings, problems } = readSiteSettings(directory);
    return problems.length ? null : settings.title;
  } catch (error) {
    if (error instanceof CatalogueError) return null;
    throw error;
  }
}

/** The `site` collection: a single entry, `settings`, from site.yaml. */
export function siteLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-site",
    load: async (context) => {
      const { settings, problems } = readSiteSettings(directory);
      if (problems.length) throw new CatalogueError(problems);
      await validateAndStore(context, [{ id: "settings", data: { ...settings } }]);
    },
  };
}
