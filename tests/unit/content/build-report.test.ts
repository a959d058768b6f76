import { describe, expect, it } from "vitest";
import { buildSummary, serveOptions, siteWarning } from "../../../src/lib/content/build-report.ts";

describe("siteWarning", () => {
  it("warns, framed, that a build without CATALOGUE_SITE writes localhost into what it publishes", () => {
    const warning = siteWarning({})!;
    expect(warning).toContain("CATALOGUE_SITE is not set");
    expect(warning).toContain("http://localhost:4321 into every canonical link, Open Graph tag,");
    expect(warning).toContain("feed, the sitemap and robots.txt");
    const lines = warning.split("\n");
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^!+$/);
    expect(siteWarning({ CATALOGUE_SITE: "" })).toBe(warning);
  });

  it("says nothing when the site is given", () => {
    expect(siteWarning({ CATALOGUE_SITE: "https://example.org" })).toBeNull();
  });
});

describe("buildSummary", () => {
  it("says in one line what was built, where, how long it took and how many warnings", () => {
    expect(
      buildSummary(
        { pages: 33_836, files: 81_000, bytes: 811 * 1024 * 1024 },
        { outDir: "dist", seconds: 47.94, warnings: 2 },
      ),
    ).toBe("Built 33,836 pages (81,000 files, 811.0 MB) into dist in 47.9 s; 2 warnings, above.");
    expect(buildSummary({ pages: 92, files: 198, bytes: 200_000 }, { outDir: "out", seconds: 5, warnings: 0 })).toBe(
      "Built 92 pages (198 files, 195 KB) into out in 5.0 s; no warnings.",
    );
  });
});

describe("serveOptions", () => {
  it("takes the port and host npm start is given, 4321 on this machine only by default", () => {
    expect(serveOptions([])).toEqual({ port: 4321, host: false });
    expect(serveOptions(["--port", "8080"])).toEqual({ port: 8080, host: false });
    expect(serveOptions(["--port=8080", "--host"])).toEqual({ port: 8080, host: true });
    expect(serveOptions(["--host", "0.0.0.0", "--port", "3000"])).toEqual({ port: 3000, host: "0.0.0.0" });
  });

  it("stops on a port that is not one, and on an option it does not know", () => {
    expect(() => serveOptions(["--port", "http"])).toThrow('--port wants a port number from 1 to 65535, not "http"');
    expect(() => serveOptions(["--port"])).toThrow('not ""');
    expect(() => serveOptions(["--open"])).toThrow(
      'unknown option "--open": npm start takes --port <n> and --host [address]',
    );
  });
});
