import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { load } from "cheerio";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { distDir, distFiles, page, readDist } from "./dist.ts";

/** The verified facts, straight from content/papers.yaml and content/site.yaml. */
const metadata = parse(readFileSync("content/papers.yaml", "utf8")) as Record<
  string,
  { title: string; authors: string[]; submitted: string; venue?: string }
>;
const siteTitle = (parse(readFileSync("content/site.yaml", "utf8")) as { title: string }).title;
const ids = Object.keys(metadata);
const site = "http://localhost:4321";

const meta = ($: ReturnType<typeof page>, key: string) =>
  $(`meta[property="${key}"], meta[name="${key}"]`)
    .map((_, m) => $(m).attr("content"))
    .get();

/** Reads BibTeX back, TeX decoded, names split. */
function parseBack(bib: string) {
  const library = parseBibtex(bib, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  return library.entries.map((entry) => ({
    key: entry.key,
    title: String(entry.fields["title"]),
    authors: ((entry.fields["author"] ?? []) as { firstName?: string; lastName?: string }[]).map(
      (a) => `${a.firstName} ${a.lastName}`,
    ),
    year: entry.fields["year"],
    eprint: entry.fields["eprint"],
  }));
}

describe("a paper page, for link previews, search engines and Scholar", () => {
  it.each(ids)("%s has its title, description, canonical URL, Open Graph and Twitter card", (id) => {
    const $ = page(`papers/${id}/index.html`);
    const { title } = metadata[id]!;
    const url = `${site}/papers/${id}/`;
    expect($("title").text()).toBe(`${title} · ${siteTitle}`);
    expect($('meta[name="description"]').attr("content")!.length).toBeGreaterThan(100);
    expect($('link[rel="canonical"]').attr("href")).toBe(url);
    expect(meta($, "og:type")).toEqual(["article"]);
    expect(meta($, "og:title")).toEqual([title]);
    expect(meta($, "og:description")).toEqual([$('meta[name="description"]').attr("content")]);
    expect(meta($, "og:url")).toEqual([url]);
    expect(meta($, "og:site_name")).toEqual([siteTitle]);
    expect(meta($, "og:image")).toEqual([`${url}og.png`]);
    expect(meta($, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta($, "twitter:title")).toEqual([title]);
    expect(meta($, "twitter:image")).toEqual([`${url}og.png`]);
  });

  it.each(ids)("%s has Google Scholar's citation tags, authors in order", (id) => {
    const $ = page(`papers/${id}/index.html`);
    const { title, authors, submitted, venue } = metadata[id]!;
    expect(meta($, "citation_title")).toEqual([title]);
    expect(meta($, "citation_author")).toEqual(authors);
    expect(meta($, "citation_publication_date")).toEqual([submitted.replaceAll("-", "/")]);
    expect(meta($, "citation_arxiv_id")).toEqual([id]);
    expect(meta($, "citation_pdf_url")).toEqual([`https://arxiv.org/pdf/${id}`]);
    expect(meta($, "citation_abstract_html_url")).toEqual([`${site}/papers/${id}/`]);
    expect(meta($, "citation_conference_title").length + meta($, "citation_journal_title").length).toBe(venue ? 1 : 0);
  });

  it.each(ids)("%s has JSON-LD: a ScholarlyArticle with its authors in order", (id) => {
    const $ = page(`papers/${id}/index.html`);
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts.text()) as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      name: metadata[id]!.title,
      author: metadata[id]!.authors.map((name) => ({ "@type": "Person", name })),
      datePublished: metadata[id]!.submitted,
      url: `${site}/papers/${id}/`,
      sameAs: expect.arrayContaining([`https://arxiv.org/abs/${id}`]),
      identifier: expect.arrayContaining([{ "@type": "PropertyValue", propertyID: "arXiv", value: id }]),
    });
    expect(String(data["abstract"]).length).toBeGreaterThan(300);
  });

  it("names the venue as a conference where papers.yaml gives one", () => {
    const $ = page("papers/1806.03653/index.html");
    expect(meta($, "citation_conference_title")).toEqual([
      "Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)",
    ]);
  });

  it.each(ids)("%s has its preview image: a 1200x630 PNG", (id) => {
    const png = readFileSync(join(distDir, `papers/${id}/og.png`));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("shows the paper's BibTeX, as served, and its APA reference, with copy buttons", () => {
    const $ = page("papers/1806.03653/index.html");
    const cite = $("#cite-heading").parent();
    expect(cite.find("pre").text()).toBe(readDist("papers/1806.03653.bib").trimEnd());
    expect(cite.find("pre").text()).toMatch(/^@inproceedings\{yang2018scidtb,/);
    expect(
      cite
        .find("h3")
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual(["BibTeX", "APA (7th edition)"]);
    expect(cite.find("p[data-copy-source]").text().trim()).toMatch(/^Yang, A\., & Li, S\. \(2018\)\. SciDTB/);
    expect(
      cite
        .find("copy-text button")
        .map((_, b) => $(b).text().trim())
        .get(),
    ).toEqual(["Copy BibTeX", "Copy APA citation"]);
    expect(cite.find('a[href="/papers/1806.03653.bib"]').text()).toContain("yang2018scidtb.bib");
  });
});

describe("BibTeX files", () => {
  it.each(ids)("papers/%s.bib parses back to the paper's title, authors, year and eprint", (id) => {
    const [entry, ...rest] = parseBack(readDist(`papers/${id}.bib`));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      title: metadata[id]!.title,
      authors: metadata[id]!.authors,
      year: metadata[id]!.submitted.slice(0, 4),
      eprint: id,
    });
  });

  it("papers.bib holds every paper's entry, under unique keys", () => {
    const entries = parseBack(readDist("papers.bib"));
    expect(entries.map((e) => e.eprint)).toEqual(ids);
    expect(new Set(entries.map((e) => e.key)).size).toBe(ids.length);
    for (const entry of entries) expect(entry.title).toBe(metadata[entry.eprint as string]!.title);
  });
});

describe("the feed, sitemap and robots.txt", () => {
  it("rss.xml lists every paper, newest first, with absolute links", () => {
    const $ = load(readDist("rss.xml"), { xml: true });
    expect($("channel > title").text()).toBe(siteTitle);
    const items = $("item");
    expect(items.map((_, item) => $(item).find("link").text()).get()).toEqual(ids.map((id) => `${site}/papers/${id}/`));
    expect(items.map((_, item) => $(item).find("title").text()).get()).toEqual(ids.map((id) => metadata[id]!.title));
    const dates = items.map((_, item) => Date.parse($(item).find("pubDate").text())).get();
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(
      items
        .first()
        .find("dc\\:creator")
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual([metadata[ids[0]!]!.authors.join(", ")]);
  });

  it("every page links the feed, in its head and where a visitor sees it, with papers.bib", () => {
    for (const file of ["index.html", "papers/2206.01958/index.html", "404.html", "authors/index.html"]) {
      const $ = page(file);
      expect($('link[rel="alternate"][type="application/rss+xml"]').attr("href")).toBe("/rss.xml");
      expect($('footer a[href="/rss.xml"]').length).toBe(1);
      expect($('footer a[href="/papers.bib"]').length).toBe(1);
    }
  });

  it("a topic's and an author's page announce their own feed first, then the catalogue's", () => {
    for (const [file, own] of [
      ["topics/mixture-of-experts/index.html", "/topics/mixture-of-experts/rss.xml"],
      ["authors/jingren-zhou/index.html", "/authors/jingren-zhou/rss.xml"],
    ] as const) {
      const $ = page(file);
      expect(
        $('link[rel="alternate"][type="application/rss+xml"]')
          .map((_, link) => $(link).attr("href"))
          .get(),
      ).toEqual([own, "/rss.xml"]);
    }
  });

  it("the sitemap lists the home page, every paper, topic and author page, and no redirect", () => {
    const index = load(readDist("sitemap-index.xml"), { xml: true });
    const sitemaps = index("sitemap > loc")
      .map((_, loc) => index(loc).text())
      .get();
    const locs = sitemaps.flatMap((url) => {
      const $ = load(readDist(new URL(url).pathname), { xml: true });
      return $("url > loc")
        .map((_, loc) => $(loc).text())
        .get();
    });
    expect(locs).toEqual(
      expect.arrayContaining([
        `${site}/`,
        `${site}/topics/`,
        `${site}/authors/an-yang/`,
        ...ids.map((id) => `${site}/papers/${id}/`),
      ]),
    );
    for (const loc of locs) {
      const html = readDist(`${new URL(loc).pathname}index.html`);
      expect(html, loc).not.toContain('http-equiv="refresh"');
    }
    expect(locs.filter((loc) => /\/(abs\/|papers\/[^/]+v\d+\/)/.test(loc))).toEqual([]);
  });

  it("robots.txt points at the sitemap", () => {
    expect(readDist("robots.txt")).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  });
});

describe("links in other shapes", () => {
  it.each(ids.flatMap((id) => [`abs/${id}`, `papers/${id}v1`]))(
    "%s/ sends the browser on to the paper's page, and names it canonical",
    (path) => {
      const id = path.replace(/^(abs|papers)\//, "").replace(/v1$/, "");
      const $ = page(`${path}/index.html`);
      expect($('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=/papers/${id}/`);
      expect($('link[rel="canonical"]').attr("href")).toBe(`${site}/papers/${id}/`);
      expect($(`main a[href="/papers/${id}/"]`).text()).toBe(metadata[id]!.title);
      expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    },
  );

  it("writes two redirects a paper, no more", () => {
    const redirects = distFiles().filter((f) => /^(abs\/|papers\/[^/]+v\d+\/)/.test(f));
    expect(redirects).toHaveLength(2 * ids.length);
  });
});

describe("the 404 page", () => {
  it("offers a search and the topics", () => {
    const $ = page("404.html");
    expect($("h1").text()).toBe("Page not found");
    const form = $('form[role="search"]');
    expect(form.attr("action")).toBe("/search/");
    expect(form.attr("method")).toBe("get");
    expect(form.find('input[name="q"]').attr("id")).toBe(form.find("label").attr("for"));
    expect($('main a[href="/topics/"]').length).toBe(1);
  });
});
