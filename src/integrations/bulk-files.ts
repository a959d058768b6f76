/**
 * Files a build writes in one pass rather than one route each: the redirect pages of other link
 * shapes, each paper's BibTeX file, the parts of a split search index, the author feeds. Astro
 * spends about half a millisecond of its own on each file a route writes (a request, a render
 * context, a response); at 10,000 papers these are 43,666 small files, 26 s of the build, and
 * written here 4 to 9 s.
 *
 * The routes stay, and `astro dev` answers them per request as usual. In a build, their
 * `getStaticPaths` (through `bulkPaths`) hands the files over instead of listing paths, and
 * `astro:build:done` writes them. The pages' bundle and this integration, loaded by
 * astro.config.mjs, are separate module graphs in one process, so the hand-over is a global.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** A file to write, by its path in the build (`abs/2105.15082/index.html`). */
export type BulkFile = readonly [path: string, body: string];

const HANDED_OVER = Symbol.for("research-catalogue.bulk-files");

/** Each route's files, by the route's name: a route asked twice for its paths hands them over once. */
type Store = Record<typeof HANDED_OVER, Map<string, () => Iterable<BulkFile>> | undefined>;
const store = globalThis as unknown as Store;

/**
 * A route's static paths: under `astro dev`, `paths` of every item; in a build, none, the items'
 * files being handed over to be written in bulk.
 */
export function bulkPaths<Item, Path>(
  route: string,
  items: readonly Item[],
  path: (item: Item) => Path,
  file: (item: Item) => BulkFile,
  dev: boolean,
): Path[] {
  if (dev) return items.map(path);
  (store[HANDED_OVER] ??= new Map()).set(route, function* () {
    for (const item of items) yield file(item);
  });
  return [];
}

/** How many files are written at once. */
const CONCURRENCY = 16;

export function bulkFiles(): AstroIntegration {
  return {
    name: "catalogue:bulk-files",
    hooks: {
      "astro:build:start": () => {
        store[HANDED_OVER] = new Map();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const routes = [...(store[HANDED_OVER] ?? new Map()).values()];
        store[HANDED_OVER] = new Map();
        // One iterator shared by the writers: each file's body is made when a writer takes it,
        // so that only a few are in memory at once (an author's feed can be 100 KB).
        const files = (function* () {
          for (const route of routes) yield* route();
        })();
        const folders = new Map<string, Promise<unknown>>();
        let written = 0;
        const worker = async () => {
          for (const [path, body] of files) {
            written++;
            const target = join(root, path);
            const folder = dirname(target);
            if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
            await folders.get(folder);
            await writeFile(target, body);
          }
        };
        const start = performance.now();
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        logger.info(`${written} files written in bulk in ${Math.round(performance.now() - start)} ms`);
      },
    },
  };
}
