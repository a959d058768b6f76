/**
 * Astro 5 hands its content data store to the build as a JavaScript module written out value by
 * value (`dataToEsm`), which Rollup then parses: at 10,000 papers a 76 MB array literal, 16 s of
 * the build and most of its peak memory. This writes the same module as one string that
 * `JSON.parse` reads, which Rollup passes over as a single token (the change Astro itself made
 * upstream, withastro/astro#17223). The data is the same file, so the entries are identical.
 */
import { readFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";

/** The id under which Astro serves the data store to the build (`astro/dist/content/consts.js`). */
const DATA_STORE_MODULE = "\0astro:data-layer-content";

export function dataStoreAsJson(): AstroIntegration {
  return {
    name: "catalogue:data-store-as-json",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        // Where a build keeps the store (`getDataStoreFile` in astro/dist/content/content-layer.js).
        const storeFile = new URL("data-store.json", config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: "catalogue:data-store-as-json",
                async transform(_code, id) {
                  if (id !== DATA_STORE_MODULE) return null;
                  const json = await readFile(storeFile, "utf8").catch(() => null);
                  if (json === null) return null;
                  return { code: `export default JSON.parse(${JSON.stringify(json)});`, map: { mappings: "" } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
