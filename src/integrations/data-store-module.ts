/**
 * Astro 5 hands its content data store to the build as a JavaScript module written out value by
 * value (`dataToEsm`), which Rollup then parses, bundles and writes, and Node compiles again when
 * the pages are rendered: at 10,000 papers a 76 MB array literal, 16 s of the build and most of
 * its peak memory. In a build, this module instead reads the store's own file when the pages are
 * rendered, in the same process that has just written it. The data is the same file, so the
 * entries are identical; Rollup, the chunk on disk and Node's compiler never see it.
 */
import type { AstroIntegration } from "astro";

/** The id under which Astro serves the data store to the build (`astro/dist/content/consts.js`). */
const DATA_STORE_MODULE = "\0astro:data-layer-content";

/** The module that reads the store written at `storeFile` (a devalue array, as Astro's module exports it). */
export function dataStoreModule(storeFile: URL): string {
  return [
    `import { existsSync, readFileSync } from "node:fs";`,
    `const file = new URL(${JSON.stringify(storeFile.href)});`,
    `export default existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : new Map();`,
  ].join("\n");
}

export function dataStoreReadFromFile(): AstroIntegration {
  return {
    name: "catalogue:data-store-read-from-file",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        // Where a build keeps the store (`getDataStoreFile` in astro/dist/content/content-layer.js).
        const storeFile = new URL("data-store.json", config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: "catalogue:data-store-read-from-file",
                // After Astro's own load (a plugin of its own runs first and cannot be overtaken).
                transform(_code, id) {
                  return id === DATA_STORE_MODULE ? { code: dataStoreModule(storeFile), map: { mappings: "" } } : null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
