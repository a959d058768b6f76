import { describe, expect, it } from "vitest";
import {
  articleMetaTags,
  highwireTags,
  jsonLdScript,
  scholarlyArticle,
  socialMetaTags,
  type MetaTag,
} from "../../../src/lib/citing/scholar-meta.ts";
import { makePaper, seedPaper } from "../paper-fixture.ts";

const content = (tags: MetaTag[], key: string) =>
  tags.filter((t) => ("name" in t ? t.name : t.property) === key).map((t) => t.content);
const image = { url: "https://example.org/papers/x/og.png", alt: "Card", width: 1200, height: 630 };

describe("socialMetaTags", () => {
  const page = { title: "T", description: "D", url: "https://example.org/p/", siteName: "S", type: "article" as const };

  it("gives Open Graph and a large Twitter card when there is an image", () => {
    const tags = socialMetaTags({ ...page, image });
    expect(content(tags, "og:type")).toEqual(["article"]);
    expect(content(tags, "og:url")).toEqual(["https://example.org/p/"]);
    expect(content(tags, "og:site_name")).toEqual(["S"]);
    expect(content(tags, "og:image")).toEqual([image.url]);
    expect(content(tags, "og:image:width")).toEqual(["1200"]);
    expect(content(tags, "twitter:card")).toEqual(["summary_large_image"]);
    expect(content(tags, "twitter:image")).toEqual([image.url]);
  });

  it("falls back to a summary card without an image", () => {
    const tags = socialMetaTags({ ...page, image: null });
    expect(content(tags, "og:image")).toEqual([]);
    expect(content(tags, "twitter:card")).toEqual(["summary"]);
  });
});

describe("highwireTags", () => {
  it("names each author in order, the date as YYYY/MM/DD, and the conference", () => {
    const tags = highwireTags(seedPaper("1806.03653"), "https://example.org/papers/1806.03653/");
    expect(content(tags, "citation_title")).toEqual(["SciDTB: Discourse Dependency TreeBank for Scientific Abstracts"]);
    expect(content(tags, "citation_author")).toEqual(["An Yang", "Sujian Li"]);
    expect(content(tags, "citation_publication_date")).toEqual(["2018/06/10"]);
    expect(content(tags, "citation_arxiv_id")).toEqual(["1806.03653"]);
    expect(content(tags, "citation_pdf_url")).toEqual(["https://arxiv.org/pdf/1806.03653"]);
    expect(content(tags, "citation_abstract_html_url")).toEqual(["https://example.org/papers/1806.03653/"]);
    expect(content(tags, "citation_conference_title")).toEqual([
      "Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)",
    ]);
    expect(content(tags, "citation_firstpage")).toEqual(["444"]);
    expect(content(tags, "citation_doi")).toEqual(["10.18653/v1/P18-2071"]);
  });

  it("names a journal as a journal, and no venue when none is known", () => {
    expect(
      content(highwireTags(makePaper("2301.00001", { venue: "Journal of Things" }), "u"), "citation_journal_title"),
    ).toEqual(["Journal of Things"]);
    const preprint = highwireTags(seedPaper("2206.01958"), "u");
    expect(content(preprint, "citation_journal_title")).toEqual([]);
    expect(content(preprint, "citation_conference_title")).toEqual([]);
    expect(content(preprint, "citation_publication_date")).toEqual(["2022/06/04"]);
  });

  it("tells Zotero and Scholar that a paper with no venue is an arXiv preprint, with arXiv's DOI", () => {
    const preprint = highwireTags(seedPaper("2206.01958"), "u");
    // Read by Zotero's Embedded Metadata translator: DC.type names the item type, the rest fill its fields.
    expect(content(preprint, "DC.type")).toEqual(["preprint"]);
    expect(content(preprint, "citation_publisher")).toEqual(["arXiv"]);
    expect(content(preprint, "citation_technical_report_number")).toEqual(["arXiv:2206.01958"]);
    expect(content(preprint, "citation_doi")).toEqual(["10.48550/arXiv.2206.01958"]);
  });

  it("gives a published paper its publisher's DOI or none, never arXiv's, and no preprint tags", () => {
    const ofa = highwireTags(seedPaper("2202.03052"), "u");
    expect(content(ofa, "citation_doi")).toEqual([]);
    expect(content(ofa, "DC.type")).toEqual([]);
    expect(content(ofa, "citation_technical_report_number")).toEqual([]);
    expect(content(highwireTags(seedPaper("1806.03653"), "u"), "citation_doi")).toEqual(["10.18653/v1/P18-2071"]);
  });
});

describe("articleMetaTags", () => {
  it("gives the date and the arXiv categories", () => {
    expect(articleMetaTags(seedPaper("2105.13868"))).toEqual([
      { property: "article:published_time", content: "2021-05-28" },
      { property: "article:tag", content: "cs.CL" },
      { property: "article:tag", content: "cs.CV" },
      { property: "article:tag", content: "cs.IR" },
    ]);
  });
});

describe("scholarlyArticle", () => {
  it("describes the paper as a schema.org ScholarlyArticle", () => {
    const data = scholarlyArticle(seedPaper("1806.03653"), { url: "https://example.org/papers/1806.03653/", image });
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      name: "SciDTB: Discourse Dependency TreeBank for Scientific Abstracts",
      author: [
        { "@type": "Person", name: "An Yang" },
        { "@type": "Person", name: "Sujian Li" },
      ],
      datePublished: "2018-06-10",
      identifier: [
        { "@type": "PropertyValue", propertyID: "arXiv", value: "1806.03653" },
        { "@type": "PropertyValue", propertyID: "DOI", value: "10.18653/v1/P18-2071" },
        { "@type": "PropertyValue", propertyID: "DOI", value: "10.48550/arXiv.1806.03653" },
      ],
      sameAs: ["https://arxiv.org/abs/1806.03653", "https://doi.org/10.18653/v1/P18-2071"],
      url: "https://example.org/papers/1806.03653/",
      image: image.url,
      isPartOf: { "@type": "Book" },
    });
    expect(String(data["abstract"])).toMatch(/^Annotation corpus for discourse relations/);
  });

  it("leaves out the image and venue when there are none", () => {
    const data = scholarlyArticle(seedPaper("2206.01958"), { url: "u", image: null });
    expect(data).not.toHaveProperty("image");
    expect(data).not.toHaveProperty("isPartOf");
  });
});

describe("jsonLdScript", () => {
  it("cannot be ended early by a title holding </script> or <!--, and parses back to the same value", () => {
    const data = { name: "</script><script>alert(1)</script> <!-- & \u2028" };
    const json = jsonLdScript(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
