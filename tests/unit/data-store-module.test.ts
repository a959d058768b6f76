import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { dataStoreModule } from "../../src/integrations/data-store-module.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes the module for a store at `store` (written first when given) and imports it. */
async function importModule(store: string | null): Promise<unknown> {
  const folder = mkdtempSync(join(tmpdir(), "data-store-"));
  folders.push(folder);
  const storeFile = pathToFileURL(join(folder, "data-store.json"));
  if (store !== null) writeFileSync(storeFile, store);
  const module = join(folder, "module.mjs");
  writeFileSync(module, dataStoreModule(storeFile));
  return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

describe("dataStoreModule", () => {
  it("exports the store file's JSON, read when the module is loaded", async () => {
    // The shape Astro writes: devalue's flattened array.
    const store = JSON.stringify([["Map", 1], ["papers", 2], { title: 3 }, "Café \u2028 “quoted” </script>"]);
    expect(await importModule(store)).toEqual(JSON.parse(store));
  });

  it("exports an empty Map, as Astro's own module does, when no store was written", async () => {
    expect(await importModule(null)).toEqual(new Map());
  });
});
