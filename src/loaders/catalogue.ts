/**
 * Loaders for the catalogue's collections. They read `content/` (or `CATALOGUE_CONTENT`), hand
 * the text to `src/lib`, and store what comes back; on a problem in the content they stop the
 * build with every problem as `file:line: message`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Loader, LoaderContext } from "astro/loaders";
import { buildCatalogue, type CatalogueInput, type SourceFile } from "../lib/catalogue.ts";
import { CatalogueError } from "../lib/problems.ts";
import { parseSiteSettings } from "../lib/site-settings.ts";
import { contentCategoryTopics } from "../lib/content/category-topics.ts";
import { parseTopics, type TopicEntry } from "../lib/topic.ts";

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

function readSource(path: string): SourceFile {
  return { file: relative(process.cwd(), path), source: readFileSync(path, "utf8") };
}

function readOptional(path: string): SourceFile | null {
  return existsSync(path) ? readSource(path) : null;
}

/** Reads every dump (`*.txt`, in name order), papers.yaml and topics.yaml from the content folder. */
export function readCatalogueInput(directory: string): CatalogueInput {
  const dumps = readdirSync(directory)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readSource(join(directory, name)));
  return {
    dumps,
    metadata: readOptional(join(directory, "papers.yaml")),
    topics: readOptional(join(directory, "topics.yaml")),
  };
}

/** Without topics.yaml, the topics are arXiv's categories of the folder's papers. */
function categoryTopicsOf(directory: string): TopicEntry[] {
  const input = readCatalogueInput(directory);
  return contentCategoryTopics(input.dumps, input.metadata ?? null);
}

/** Re-runs `load` when a file in the content folder changes under `astro dev`. */
function reloadOnChange(context: LoaderContext, directory: string, load: () => Promise<void>): void {
  context.watcher?.add(directory);
  context.watcher?.on("all", (_event, path) => {
    if (resolve(path).startsWith(directory)) load().catch((error: unknown) => context.logger.error(String(error)));
  });
}

/** The `papers` collection: one entry per paper, keyed by its URL slug. */
export function papersLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-papers",
    load: async (context) => {
      const load = async () => {
        const input = readCatalogueInput(directory);
        if (input.dumps.length === 0)
          context.logger.warn(`no dump (*.txt) in ${options.directory}: the catalogue is empty`);
        const catalogue = buildCatalogue(input);
        if (catalogue.problems.length) throw new CatalogueError(catalogue.problems);
        for (const warning of catalogue.warnings) context.logger.warn(warning);
        context.store.clear();
        for (const paper of catalogue.papers) {
          const data = await context.parseData({ id: paper.slug, data: { ...paper }, filePath: paper.source.file });
          context.store.set({ id: paper.slug, data, filePath: paper.source.file });
        }
        context.logger.info(`${catalogue.papers.length} papers from ${input.dumps.map((d) => d.file).join(", ")}`);
      };
      reloadOnChange(context, directory, load);
      await load();
    },
  };
}

/** The `topics` collection: one entry per topic of topics.yaml (else per arXiv category of the papers), keyed by its slug, in order. */
export function topicsLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-topics",
    load: async (context) => {
      const load = async () => {
        const file = readOptional(join(directory, "topics.yaml"));
        const { entries, problems } = file
          ? parseTopics(file.source, file.file)
          : { entries: categoryTopicsOf(directory), problems: [] };
        if (problems.length) throw new CatalogueError(problems);
        context.store.clear();
        for (const { topic } of entries) {
          // A topic made from arXiv's categories comes from no one file.
          const filePath = file?.file;
          context.store.set({
            id: topic.slug,
            data: await context.parseData({ id: topic.slug, data: { ...topic }, ...(filePath ? { filePath } : {}) }),
            ...(filePath ? { filePath } : {}),
          });
        }
      };
      reloadOnChange(context, directory, load);
      await load();
    },
  };
}

/** The `site` collection: a single entry, `settings`, from site.yaml. */
export function siteLoader(options: ContentOptions): Loader {
  const directory = checkOptions(options);
  return {
    name: "catalogue-site",
    load: async (context) => {
      const file = readOptional(join(directory, "site.yaml"));
      const { settings, problems } = parseSiteSettings(file?.source ?? null, file?.file ?? "site.yaml");
      if (problems.length) throw new CatalogueError(problems);
      context.store.clear();
      context.store.set({ id: "settings", data: await context.parseData({ id: "settings", data: { ...settings } }) });
    },
  };
}
