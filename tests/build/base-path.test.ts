/**
 * The build for hosting under a subpath (`npm run build:test-sites` writes it to dist-catalogue
 * with `CATALOGUE_BASE=/catalogue/ CATALOGUE_SITE=https://example.org`): every internal reference
 * in every built page, feed, sitemap and stylesheet must carry the base and name a file the build
 * wrote, as a static host would serve it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { distFiles } from "./dist.ts";

const out = "dist-catalogue";
const base = "/catalogue/";
const origin = "https://example.org";

interface Reference {
  file: string;
  url: string;
}

/** Every URL a built file refers to, from HTML attributes, JSON-LD, XML and CSS. */
function references(file: string): Reference[] {
  const text = readFileSync(join(out, file), "utf8");
  const urls: string[] = [];
  if (file.endsWith(".html")) {
    const $ = load(text);
    $("[href]").each((_, el) => void urls.push($(el).attr("href")!));
    $("[src]").each((_, el) => void urls.push($(el).attr("src")!));
    $("[srcset]").each(
      (_, el) =>
        void urls.push(
          ...$(el)
            .attr("srcset")!
            .split(",")
            .map((candidate) => candidate.trim().split(/\s+/)[0]!),
        ),
    );
    $("form[action]").each((_, el) => void urls.push($(el).attr("action")!));
    $("meta[content]").each((_, el) => {
      const content = $(el).attr("content")!;
      const refresh = /^\d+;\s*url=(.+)$/i.exec(content);
      if (refresh) urls.push(refresh[1]!);
      else if (/^(https?:)?\//.test(content)) urls.push(content);
    });
    $('script[type="application/ld+json"]').each((_, el) => {
      const data = JSON.parse($(el).text()) as Record<string, unknown>;
      for (const key of ["@id", "url", "image"]) if (typeof data[key] === "string") urls.push(data[key]);
    });
  } else if (file.endsWith(".xml")) {
    const $ = load(text, { xml: true });
    $("loc, link, guid").each((_, el) => void urls.push($(el).text().trim()));
    $("[href]").each((_, el) => void urls.push($(el).attr("href")!));
  } else if (file.endsWith(".css")) {
    for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g))
      if (!match[1]!.startsWith("data:")) urls.push(match[1]!);
  } else if (file === "robots.txt") {
    for (const match of text.matchAll(/^Sitemap:\s*(\S+)/gm)) urls.push(match[1]!);
  }
  return urls.filter(Boolean).map((url) => ({ file, url }));
}

/** The path under the site a reference names, or null when it points to another site. */
function internalPath(url: string): string | null {
  if (url.startsWith("#") || /^(mailto|data|javascript):/.test(url)) return null;
  const resolved = new URL(url, `${origin}${base}`);
  return resolved.origin === origin ? decodeURIComponent(resolved.pathname) : null;
}

/** The file a static host serves for a path under the base, or null. */
function servedFile(path: string): string | null {
  const file = join(out, path.slice(base.length));
  if (path.endsWith("/")) return existsSync(join(file, "index.html")) ? join(file, "index.html") : null;
  if (existsSync(file) && statSync(file).isDirectory())
    return existsSync(join(file, "index.html")) ? join(file, "index.html") : null;
  return existsSync(file) ? file : null;
}

describe(`a build under ${base}`, () => {
  let files: string[] = [];
  let refs: (Reference & { path: string })[] = [];

  beforeAll(() => {
    files = distFiles(out);
    refs = files.flatMap(references).flatMap((ref) => {
      const path = internalPath(ref.url);
      return path === null ? [] : [{ ...ref, path }];
    });
  });

  it("reads references from every page, feed, sitemap and stylesheet", () => {
    const referring = new Set(refs.map((ref) => ref.file));
    for (const file of files.filter((f) => /\.(html|xml|css)$/.test(f) || f === "robots.txt")) {
      if (!file.endsWith(".css") || readFileSync(join(out, file), "utf8").includes("url("))
        expect(referring, file).toContain(file);
    }
    const paper = refs.filter((ref) => ref.file === "papers/2206.01958/index.html").map((ref) => ref.path);
    expect(paper).toEqual(
      expect.arrayContaining([
        `${base}papers/2206.01958/`,
        `${base}papers/2206.01958/og.png`,
        `${base}papers/2206.01958.bib`,
        `${base}rss.xml`,
        `${base}favicon.svg`,
      ]),
    );
    expect(paper.filter((path) => path.startsWith(`${base}_astro/`) && path.endsWith(".css")).length).toBeGreaterThan(
      0,
    );
  });

  it("has no internal reference that misses the base", () => {
    const missing = refs.filter((ref) => !ref.path.startsWith(base)).map((ref) => `${ref.file}: ${ref.url}`);
    expect(missing).toEqual([]);
  });

  it("has every internal reference resolve to a file it built", () => {
    const broken = refs
      .filter((ref) => ref.path.startsWith(base) && !servedFile(ref.path))
      .map((ref) => `${ref.file}: ${ref.url}`);
    expect([...new Set(broken)]).toEqual([]);
  });

  it("makes canonical, Open Graph, feed and sitemap URLs absolute under the site and base", () => {
    const paper = load(readFileSync(join(out, "papers/2206.01958/index.html"), "utf8"));
    const url = `${origin}${base}papers/2206.01958/`;
    expect(paper('link[rel="canonical"]').attr("href")).toBe(url);
    expect(paper('meta[property="og:url"]').attr("content")).toBe(url);
    expect(paper('meta[property="og:image"]').attr("content")).toBe(`${url}og.png`);
    expect(readFileSync(join(out, "rss.xml"), "utf8")).toContain(`<link>${url}</link>`);
    expect(readFileSync(join(out, "robots.txt"), "utf8")).toContain(`Sitemap: ${origin}${base}sitemap-index.xml`);
    expect(refs.filter((ref) => ref.file === "sitemap-0.xml").map((ref) => ref.path)).toContain(
      `${base}papers/2206.01958/`,
    );
  });
});
