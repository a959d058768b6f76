import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sitemap from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { afterAll, describe, expect, it } from "vitest";
import { SITEMAP_URL_LIMIT, sitemapOptions } from "../../../src/lib/sharing/sitemap-options.ts";

/**
 * Runs `@astrojs/sitemap` as the build runs it (its config and build-done hooks) on the pages
 * given, writing into a fresh folder, and reads back each file's `<loc>`s.
 */
async function writeSitemap(base: string, pathnames: string[]) {
  const out = mkdtempSync(join(tmpdir(), "sitemap-"));
  folders.push(out);
  const hooks = sitemap(sitemapOptions(base)).hooks as Required<AstroIntegration["hooks"]>;
  const logger = { info: () => undefined, warn: (message: string) => expect.fail(message), error: expect.fail };
  const config = { site: "https://example.org", base, trailingSlash: "ignore", build: { format: "directory" } };
  await (hooks["astro:routes:resolved"] as (options: unknown) => void)({ routes: [] });
  await (hooks["astro:config:done"] as (options: unknown) => Promise<void>)({ config });
  await (hooks["astro:build:done"] as (options: unknown) => Promise<void>)({
    dir: pathToFileURL(`${out}/`),
    pages: pathnames.map((pathname) => ({ pathname })),
    logger,
  });
  const locs = (file: string) =>
    [...readFileSync(join(out, file), "utf8").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
  const files = readdirSync(out).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return { index: locs("sitemap-index.xml"), files, urls: (file: string) => locs(file) };
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe("the sitemap", () => {
  it(
    "cuts 50,001 pages into a file of 50,000 URLs and one of 1, each page listed once",
    { timeout: 60_000 },
    async () => {
      const pathnames = Array.from({ length: 50_001 }, (_, i) => `papers/2301.${String(i).padStart(6, "0")}/`);
      const { index, files, urls } = await writeSitemap("/catalogue/", pathnames);
      expect(SITEMAP_URL_LIMIT).toBe(50_000);
      expect(files).toEqual(["sitemap-0.xml", "sitemap-1.xml", "sitemap-index.xml"]);
      expect(index).toEqual([0, 1].map((n) => `https://example.org/catalogue/sitemap-${n}.xml`));
      const listed = files.slice(0, -1).map(urls);
      expect(listed.map((list) => list.length)).toEqual([50_000, 1]);
      expect(new Set(listed.flat())).toEqual(new Set(pathnames.map((p) => `https://example.org/catalogue/${p}`)));
    },
  );

  it("leaves out the redirect pages of other link shapes", async () => {
    const { files, urls } = await writeSitemap("/", [
      "",
      "papers/2105.15082/",
      "papers/2105.15082v2/",
      "abs/2105.15082/",
    ]);
    expect(files).toEqual(["sitemap-0.xml", "sitemap-index.xml"]);
    expect(urls("sitemap-0.xml")).toEqual(["https://example.org/", "https://example.org/papers/2105.15082/"]);
  });
});
