/**
 * What a page tells the machines that read it: link previews (Open Graph, Twitter cards),
 * search engines (schema.org JSON-LD) and Google Scholar (Highwire `citation_*` tags).
 * Pure data: the components render it.
 */
import type { Paper } from "../content/paper.ts";
import { describeVenue } from "../content/venue.ts";

/** One `<meta>` element: `name=` for most readers, `property=` for Open Graph. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** A page's preview image, by absolute URL. */
export interface SocialImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/** What a link preview shows of any page. */
export interface PageSummary {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  siteName: string;
  type: "website" | "article";
  image: SocialImage | null;
}

/** Open Graph and Twitter card tags; the large card only when there is an image to fill it. */
export function socialMetaTags(page: PageSummary): MetaTag[] {
  const tags: MetaTag[] = [
    { property: "og:type", content: page.type },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    { property: "og:url", content: page.url },
    { property: "og:site_name", content: page.siteName },
    { property: "og:locale", content: "en" },
  ];
  if (page.image) {
    tags.push(
      { property: "og:image", content: page.image.url },
      { property: "og:image:type", content: "image/png" },
      { property: "og:image:width", content: String(page.image.width) },
      { property: "og:image:height", content: String(page.image.height) },
      { property: "og:image:alt", content: page.image.alt },
    );
  }
  tags.push(
    { name: "twitter:card", content: page.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: page.title },
    { name: "twitter:description", content: page.description },
  );
  if (page.image)
    tags.push(
      { name: "twitter:image", content: page.image.url },
      { name: "twitter:image:alt", content: page.image.alt },
    );
  return tags;
}

/** Open Graph's article tags: when it was published, and its arXiv categories. */
export function articleMetaTags(paper: Paper): MetaTag[] {
  return [
    { property: "article:published_time", content: paper.submitted },
    ...paper.categories.map((category) => ({ property: "article:tag", content: category })),
  ];
}

/**
 * Google Scholar's inclusion tags (https://scholar.google.com/intl/en/scholar/inclusion.html):
 * one `citation_author` per author in order, the date as YYYY/MM/DD, and the venue as a
 * conference or journal title where one is known.
 *
 * A paper with no venue is an arXiv preprint, told in the tags Zotero's Embedded Metadata
 * translator acts on: `DC.type` "preprint" (a Zotero item type; without it a page with
 * `citation_title` and no journal is saved as a journal article with no journal),
 * `citation_publisher` "arXiv" (Zotero's repository) and `citation_technical_report_number`
 * "arXiv:<id>" (its archive id, and the report number Scholar reads), as Zotero's own arXiv
 * translator files it; with arXiv's DOI, which is the preprint's. A published paper carries only
 * its publisher's DOI.
 */
export function highwireTags(paper: Paper, pageUrl: string): MetaTag[] {
  const venue = paper.venue ? describeVenue(paper.venue) : null;
  const tags: MetaTag[] = [
    { name: "citation_title", content: paper.title.text },
    ...paper.authors.map((author) => ({ name: "citation_author", content: author.name })),
    { name: "citation_publication_date", content: paper.submitted.replaceAll("-", "/") },
    { name: "citation_arxiv_id", content: paper.id },
    { name: "citation_pdf_url", content: paper.links.pdf },
    { name: "citation_abstract_html_url", content: pageUrl },
  ];
  if (venue)
    tags.push({
      name: venue.kind === "journal" ? "citation_journal_title" : "citation_conference_title",
      content: venue.name,
    });
  else
    tags.push(
      { name: "DC.type", content: "preprint" },
      { name: "citation_publisher", content: "arXiv" },
      { name: "citation_technical_report_number", content: `arXiv:${paper.id}` },
    );
  if (venue?.pages)
    tags.push(
      { name: "citation_firstpage", content: venue.pages.first },
      { name: "citation_lastpage", content: venue.pages.last },
    );
  const doi = venue ? paper.doi : (paper.doi ?? paper.arxivDoi);
  if (doi) tags.push({ name: "citation_doi", content: doi });
  return tags;
}

/** The paper as a schema.org `ScholarlyArticle`, for JSON-LD. */
export function scholarlyArticle(
  paper: Paper,
  page: { url: string; image: SocialImage | null },
): Record<string, unknown> {
  const venue = paper.venue ? describeVenue(paper.venue) : null;
  const dois = [paper.doi, paper.arxivDoi].filter((doi): doi is string => doi !== null);
  return {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    "@id": page.url,
    url: page.url,
    name: paper.title.text,
    author: paper.authors.map((author) => ({ "@type": "Person", name: author.name })),
    datePublished: paper.submitted,
    abstract: paper.abstract.text,
    identifier: [
      { "@type": "PropertyValue", propertyID: "arXiv", value: paper.id },
      ...dois.map((doi) => ({ "@type": "PropertyValue", propertyID: "DOI", value: doi })),
    ],
    sameAs: [paper.links.abs, ...(paper.doi ? [`https://doi.org/${paper.doi}`] : [])],
    ...(venue && { isPartOf: { "@type": venue.kind === "journal" ? "Periodical" : "Book", name: venue.name } }),
    ...(paper.categories.length > 0 && { keywords: paper.categories.join(", ") }),
    ...(page.image && { image: page.image.url }),
    inLanguage: "en",
    isAccessibleForFree: true,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as `\u003c`...
 * so that a title holding `</script>` or `<!--` cannot end the script, and U+2028/U+2029 are
 * escaped for older JavaScript parsers. The JSON value is unchanged.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
