/**
 * linkinator over the whole build, served as a static host would serve it, at the root and under
 * /catalogue/: every internal link, asset (CSS url() too) and #fragment resolves. Links to other
 * sites are not fetched (the tests run offline); they are only required to be well-formed http(s).
 */
import { LinkChecker } from "linkinator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticSite } from "../e2e/static-server.ts";
import { distDir } from "./dist.ts";

const builds = [
  { dir: distDir, base: "/" },
  { dir: "dist-catalogue", base: "/catalogue/" },
];

describe.each(builds)("links in $dir (served under $base)", ({ dir, base }) => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(dir, base);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("all resolve, and external ones are http(s)", async () => {
    const origin = new URL(site.url).origin;
    const external: string[] = [];
    const result = await new LinkChecker().check({
      path: site.url,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => {
        if (link.startsWith(origin)) return false;
        external.push(link);
        return true;
      },
    });
    const broken = result.links
      .filter((l) => l.state === "BROKEN")
      .map((l) => `${l.url} (${l.status ?? "no status"}) from ${l.parent}`);
    expect(broken).toEqual([]);
    expect(result.links.filter((l) => l.state === "OK").length).toBeGreaterThan(20);
    expect(external.filter((link) => !/^(https?:|mailto:)/.test(link))).toEqual([]);
    expect(site.requests.some((path) => path.startsWith(`${base}papers/`))).toBe(true);
  });
});
