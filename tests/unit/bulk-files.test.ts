import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { afterEach, describe, expect, it } from "vitest";
import { bulkFiles, bulkPaths } from "../../src/integrations/bulk-files.ts";

const items = ["a", "b/c"];
const paths = (dev: boolean, route = "letters") =>
  bulkPaths(
    route,
    items,
    (item) => ({ params: { item } }),
    (item) => [`${item}/index.html`, `<p>${item}</p>`],
    dev,
  );

type Hooks = Required<AstroIntegration["hooks"]>;
const integration = bulkFiles();
const hooks = integration.hooks as Hooks;
const messages: string[] = [];
const logger = { info: (message: string) => messages.push(message) } as unknown as AstroIntegrationLogger;

/** Runs a build's start and end hooks around `generate` (the routes asked for their paths), writing into a fresh folder. */
async function build(generate: () => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bulk-files-"));
  await (hooks["astro:build:start"] as (options: unknown) => Promise<void>)({ logger });
  generate();
  await (hooks["astro:build:done"] as (options: unknown) => Promise<void>)({ dir: pathToFileURL(`${dir}/`), logger });
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  messages.length = 0;
});

describe("bulkPaths", () => {
  it("lists every path under astro dev, and none in a build", () => {
    expect(paths(true)).toEqual([{ params: { item: "a" } }, { params: { item: "b/c" } }]);
    expect(paths(false)).toEqual([]);
  });
});

describe("bulkFiles", () => {
  it("writes the files handed over in a build, folders included, once per route", async () => {
    const dir = await build(() => {
      paths(false);
      paths(false); // a route asked twice for its paths
      paths(false, "other");
    });
    dirs.push(dir);
    expect(readFileSync(join(dir, "a/index.html"), "utf8")).toBe("<p>a</p>");
    expect(readFileSync(join(dir, "b/c/index.html"), "utf8")).toBe("<p>b/c</p>");
    expect(messages).toEqual([expect.stringMatching(/^4 files written in bulk in \d+ ms$/)]);
  });

  it("writes nothing that was not handed over in this build", async () => {
    paths(false); // before the build starts: forgotten
    const dir = await build(() => undefined);
    dirs.push(dir);
    expect(messages).toEqual([expect.stringMatching(/^0 files written/)]);
  });
});
