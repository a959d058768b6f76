/**
 * The content a build renders, held in the build's own memory. Astro 5 keeps its content store
 * in one file shared by every build of the checkout (`node_modules/.astro/data-store.json`),
 * written as one JSON string and read back when the pages are bundled: two builds at once
 * published each other's catalogue, and at 100,000 papers the string passed V8's limit
 * (`Invalid string length`). In a build, the loaders instead hand their entries here, and
 * `src/content.ts` reads them from here: the same process runs the loaders (Astro's content sync)
 * and then renders the pages, and nothing of the catalogue goes through a file or a string.
 * Under `astro dev` (and `astro sync`, `astro check`) Astro's store is used as usual, so that it
 * reloads on change.
 *
 * The loaders' module and the pages' bundle are separate module graphs in one process, so the
 * store is a global.
 */
import type { AstroIntegration } from "astro";
import type { LoaderContext } from "astro/loaders";

/** An entry as a loader gives it: its id, validated data and source file. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
}

/** This build's collections, each in the order its loader gave its entries. */
type BuildStore = Map<string, StoredEntry[]>;

const HELD = Symbol.for("research-catalogue.content-store");
const global = globalThis as unknown as Record<typeof HELD, BuildStore | undefined>;

/** Why a build cannot read a collection from its own store. */
export class ContentStoreError extends Error {
  override name = "ContentStoreError";
}

/**
 * Stores a collection's entries: in a build, in the build's own store (Astro's is emptied of the
 * collection); otherwise in Astro's store, one `set` each.
 */
export function storeEntries(context: Pick<LoaderContext, "collection" | "store">, entries: StoredEntry[]): void {
  context.store.clear();
  const store = global[HELD];
  if (store !== undefined) {
    store.set(context.collection, entries);
    return;
  }
  for (const entry of entries) context.store.set(entry);
}

/**
 * The data of a collection's entries in a build, as its loader stored them. Throws a
 * `ContentStoreError` naming the collection when this process has no store (the integration is
 * not in astro.config.mjs) or the loader did not store it here (Astro ran it elsewhere).
 */
export function builtCollection(collection: string): StoredEntry["data"][] {
  const store = global[HELD];
  if (store === undefined) {
    throw new ContentStoreError(
      `content-store: this build has no content store of its own; add contentStore() to the integrations in astro.config.mjs`,
    );
  }
  const entries = store.get(collection);
  if (entries === undefined) {
    throw new ContentStoreError(
      `content-store: the loader of the "${collection}" collection did not run in this build's process, so its entries are not here (has Astro changed how a build runs its loaders? see "Upgrading Astro" in the README)`,
    );
  }
  return entries.map((entry) => entry.data);
}

export function contentStore(): AstroIntegration {
  return {
    name: "catalogue:content-store",
    hooks: {
      "astro:config:setup": ({ command }) => {
        if (command === "build") global[HELD] = new Map();
      },
      "astro:build:done": ({ logger }) => {
        const store = global[HELD];
        global[HELD] = undefined;
        if (store === undefined) return;
        const counts = [...store].map(([name, entries]) => `${entries.length} ${name}`);
        logger.info(`entries read from this build's own store: ${counts.join(", ")}`);
      },
    },
  };
}
