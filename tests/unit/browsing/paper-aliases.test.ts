import { describe, expect, it } from "vitest";
import { aliasTarget, paperAliases, redirectPage, requestedPaper } from "../../../src/lib/browsing/paper-aliases.ts";
import { makePaper } from "../paper-fixture.ts";

describe("paperAliases", () => {
  it("writes /abs/<id> and one /papers/<id>vN per version up to the dump's, v1 at least", () => {
    const papers = [makePaper("2206.01958"), makePaper("2103.00823", {}, { version: 3 }), makePaper("hep-th/9711200")];
    expect(paperAliases(papers).map(({ path, paper }) => [path, paper.slug])).toEqual([
      ["abs/2206.01958", "2206.01958"],
      ["papers/2206.01958v1", "2206.01958"],
      ["abs/2103.00823", "2103.00823"],
      ["papers/2103.00823v1", "2103.00823"],
      ["papers/2103.00823v2", "2103.00823"],
      ["papers/2103.00823v3", "2103.00823"],
      ["abs/hep-th/9711200", "hep-th-9711200"],
      ["papers/hep-th-9711200v1", "hep-th-9711200"],
    ]);
  });
});

describe("aliasTarget", () => {
  it.each([
    ["/abs/2206.01958", "2206.01958"],
    ["/abs/2206.01958/", "2206.01958"],
    ["/abs/2206.01958v4", "2206.01958"],
    ["/papers/2206.01958v2/", "2206.01958"],
    ["/papers/2206.01958v12", "2206.01958"],
    ["/abs/hep-th/9711200", "hep-th-9711200"],
    ["/abs/math.AG/0211159v3", "math-0211159"],
    ["/papers/hep-th-9711200v2/", "hep-th-9711200"],
    ["/papers/hep-th/9711200/", "hep-th-9711200"],
    ["/abs/1207.0580", "1207.0580"],
  ])("leads %s to the paper %s", (path, slug) => {
    expect(aliasTarget(path, "/")).toBe(slug);
  });

  it.each([
    "/papers/2206.01958/",
    "/papers/hep-th-9711200/",
    "/abs/",
    "/abs/not-an-id",
    "/papers/2206.01958v0/",
    "/topics/nlp/",
    "/abs/%E0%A4%A",
    "/",
  ])("leaves %s alone", (path) => {
    expect(aliasTarget(path, "/")).toBeNull();
  });

  it("reads paths under the base path only", () => {
    expect(aliasTarget("/catalogue/abs/2206.01958", "/catalogue/")).toBe("2206.01958");
    expect(aliasTarget("/catalogue/papers/2206.01958v2/", "/catalogue")).toBe("2206.01958");
    expect(aliasTarget("/abs/2206.01958", "/catalogue/")).toBeNull();
  });
});

describe("requestedPaper", () => {
  it("reads the paper a path asks for, its own page or another shape", () => {
    expect(requestedPaper("/papers/2301.99999/", "/")).toEqual({ id: "2301.99999", slug: "2301.99999", alias: false });
    expect(requestedPaper("/abs/2301.99999v2", "/")).toEqual({ id: "2301.99999", slug: "2301.99999", alias: true });
    expect(requestedPaper("/catalogue/papers/hep-th-9711200/", "/catalogue/")).toEqual({
      id: "hep-th/9711200",
      slug: "hep-th-9711200",
      alias: false,
    });
  });

  it("names no paper for a path with no well-formed id", () => {
    for (const path of ["/papers/not-an-id/", "/topics/nlp/", "/abs/", "/papers/2206.01958v0/"]) {
      expect(requestedPaper(path, "/")).toBeNull();
    }
  });
});

describe("redirectPage", () => {
  it("sends the browser on, names the canonical URL and escapes the title", () => {
    const html = redirectPage({
      title: 'A <b>"bold"</b> & title',
      target: "/papers/2206.01958/",
      canonical: "https://example.org/papers/2206.01958/",
    });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/papers/2206.01958/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/papers/2206.01958/">');
    expect(html).toContain("<title>A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; title</title>");
    expect(html).toContain('<a href="/papers/2206.01958/">A &lt;b&gt;');
  });
});
