import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { afterEach, describe, expect, it } from "vitest";
import { BulkFileCollision, bulkFiles, bulkPaths, moveInto } from "../../../src/integrations/bulk-files.ts";

const items = ["a", "b/c"];
const paths = (dev: boolean, route = "letters") =>
  bulkPaths(
    route,
    items,
    (item) => ({ params: { item } }),
    (item) => [`${route}/${item}/index.html`, `<p>${item}</p>`],
    dev,
  );

type Hooks = Required<AstroIntegration["hooks"]>;
const integration = bulkFiles();
const hooks = integration.hooks as Hooks;
const messages: string[] = [];
const logger = { info: (message: string) => messages.push(message) } as unknown as AstroIntegrationLogger;

/** Runs a build's hooks around `generate` (the routes asked for their paths), writing into a fresh folder. */
async function build(generate: () => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bulk-files-"));
  const outDir = pathToFileURL(`${dir}/`);
  await (hooks["astro:config:done"] as (options: unknown) => Promise<void>)({ config: { outDir }, logger });
  await (hooks["astro:build:start"] as (options: unknown) => Promise<void>)({ logger });
  generate();
  await (hooks["astro:build:done"] as (options: unknown) => Promise<void>)({ dir: outDir, logger });
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  messages.length = 0;
});

describe("bulkPaths", () => {
  it("lists every path under astro dev", () => {
    expect(paths(true)).toEqual([{ params: { item: "a" } }, { params: { item: "b/c" } }]);
  });

  it("lists none in a build, and refuses outside one rather than drop the files", async () => {
    await build(() => expect(paths(false)).toEqual([])).then((dir) => dirs.push(dir));
    expect(() => paths(false)).toThrow('bulk-files: route "letters" handed over its files outside a build');
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
    expect(readFileSync(join(dir, "letters/a/index.html"), "utf8")).toBe("<p>a</p>");
    expect(readFileSync(join(dir, "other/b/c/index.html"), "utf8")).toBe("<p>b/c</p>");
    expect(messages).toEqual([
      expect.stringMatching(
        /^4 files written in bulk from 2 routes, the last \d+ ms after the pages; moved into the output in 2 renames$/,
      ),
    ]);
  });

  it("writes every file when there are many batches and routes", { timeout: 30_000 }, async () => {
    const many = Array.from({ length: 3000 }, (_, i) => i);
    const body = "x".repeat(1000); // 3 MB in all: a dozen batches
    const dir = await build(() => {
      for (const route of ["one", "two"]) {
        bulkPaths(
          route,
          many,
          () => ({}),
          (i) => [`${route}/${i % 7}/${i}.txt`, `${i}${body}`],
          false,
        );
      }
    });
    dirs.push(dir);
    for (const route of ["one", "two"]) {
      for (const i of [0, 1234, 2999]) {
        expect(readFileSync(join(dir, `${route}/${i % 7}/${i}.txt`), "utf8")).toBe(`${i}${body}`);
      }
    }
    expect(messages).toEqual([expect.stringMatching(/^6000 files written in bulk/)]);
  });

  it("fails the build when a file's body cannot be made", async () => {
    const failing = build(() => {
      bulkPaths(
        "broken",
        ["a"],
        () => ({}),
        () => {
          throw new Error("no body");
        },
        false,
      );
    });
    await expect(failing).rejects.toThrow("no body");
  });
});

describe("moveInto", () => {
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "move-into-"));
    dirs.push(dir);
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    return dir;
  }

  it("moves a folder the output lacks in one rename, and files into the folders it has", () => {
    const output = tree({ "papers/x/index.html": "page", "index.html": "home" });
    const staged = tree({ "abs/x/index.html": "redirect", "abs/y/index.html": "redirect", "papers/x.bib": "bib" });
    expect(moveInto(staged, output)).toBe(2); // abs/, papers/x.bib
    expect(readFileSync(join(output, "abs/y/index.html"), "utf8")).toBe("redirect");
    expect(readFileSync(join(output, "papers/x.bib"), "utf8")).toBe("bib");
    expect(readFileSync(join(output, "papers/x/index.html"), "utf8")).toBe("page");
    expect(existsSync(staged)).toBe(false);
  });

  it("refuses a file that Astro wrote too, rather than overwrite either", () => {
    const output = tree({ "papers/x/index.html": "page" });
    const staged = tree({ "papers/x/index.html": "redirect" });
    expect(() => moveInto(staged, output)).toThrow(BulkFileCollision);
    expect(readFileSync(join(output, "papers/x/index.html"), "utf8")).toBe("page");
  });
});
