/**
 * The one module that reads the collections. It fetches them once per build and derives what
 * pages need; pages import from here and never call `getCollection` themselves.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from "astro:content";
import derivationsWorker from "virtual:catalogue/derivations-worker";
import { builtCollection } from "./integrations/content-store.ts";
import { startDerivationsWorker } from "./integrations/derivations-worker.ts";
import type { Paper } from "./lib/content/paper.ts";
import { authorNamesInSlugOrder, newestFirst } from "./lib/content/catalogue.ts";
import { renamedSlugs } from "./lib/text/slug.ts";
import { excerpt, groupByYear, homeListing, yearPages } from "./lib/browsing/listing.ts";
import { authorPages, buildAuthorIndex } from "./lib/browsing/author-index.ts";
import { authorDirectory, directoryPages, directoryPageSize } from "./lib/browsing/author-directory.ts";
import { barChart } from "./lib/browsing/bar-chart.ts";
import { papersPerTopic, papersPerYear } from "./lib/browsing/paper-counts.ts";
import { atHeadingLevel, paperListItemMarkup } from "./lib/browsing/paper-list-item.ts";
import { paperFeedWriter } from "./lib/sharing/feed.ts";
import { unpackRelatedPapers, type RelatedPaper } from "./lib/browsing/related-papers.ts";
import { deriveHere, deriveOver, derivationPaper } from "./lib/search/catalogue-derivations.ts";
import { searchIndexSplit } from "./lib/search/search-index-files.ts";
import { buildTopicIndex, otherPages, topicPages } from "./lib/browsing/topic-index.ts";
import { absolute, urls } from "./site-urls.ts";

/**
 * A collection's entries: in a build, from the build's own store (`integrations/content-store.ts`);
 * under `astro dev`, from Astro's. Neither promises an order: each caller sorts.
 */
async function entries<C extends CollectionKey>(collection: C): Promise<CollectionEntry<C>["data"][]> {
  if (import.meta.env.DEV) return (await getCollection(collection)).map((entry) => entry.data);
  return builtCollection(collection) as CollectionEntry<C>["data"][];
}

/** Every paper, newest first (then by id, descending). */
export const papers: Paper[] = (await entries("papers")).sort(newestFirst);

/** The catalogue's name and description. */
export const site = (await entries("site"))[0]!;

/** Papers grouped by year of first submission, newest year first. */
export const papersByYear = groupByYear(papers);

/** What the home page lists: every paper, or for a large catalogue the newest. */
export const home = homeListing(papers);

/** Every page of every year. */
export const yearPageList = yearPages(papersByYear);

/** Topics with their papers, and the papers in none ("Other"). */
export const topicIndex = buildTopicIndex(
  (await entries("topics")).sort((a, b) => a.position - b.position).map(({ position: _, ...topic }) => topic),
  papers,
);

/** Every page of every topic. */
export const topicPageList = topicPages(topicIndex);
/** The papers in no topic, a topic's page size a page: the first on `/topics/`, the rest on `/topics/<n>/`. */
export const otherPageList = otherPages(topicIndex);

/** Every author with their papers and co-authors. */
export const authors = buildAuthorIndex(papers);

/**
 * Author pages published under another slug before Latin letters were spelled in ASCII
 * (`authors/łukasz-kaiser/`), each with the author it leads to: their URLs stay, as redirects.
 */
export const renamedAuthors = (() => {
  const bySlug = new Map(authors.map((author) => [author.slug, author]));
  return [...renamedSlugs(authorNamesInSlugOrder(papers), "author")].map(([earlier, slug]) => ({
    earlier,
    author: bySlug.get(slug)!,
  }));
})();

/** Every page of every author. */
export const authorPageList = authorPages(authors);
/** The authors' index, a thousand authors a page, and the page each letter begins on. */
export const authorDirectoryPages = directoryPages(authorDirectory(authors), directoryPageSize(process.env));

/** Topic slugs with their names, for chips. */
export const topicNames = (slugs: string[]) => slugs.map((slug) => topicIndex.bySlug.get(slug)!);

const listItems = new Map<string, string>();

/** A paper's entry in a list, made once: a paper is listed on about ten pages. */
export function listItemHtml(paper: Paper, level: "h2" | "h3"): string {
  let item = listItems.get(paper.slug);
  if (item === undefined) {
    item = paperListItemMarkup(paper, {
      topics: topicNames(paper.topics),
      excerpt: excerpt(paper.abstract.text),
      urls,
    });
    listItems.set(paper.slug, item);
  }
  return atHeadingLevel(item, level);
}

/** Papers by slug, for lists of related papers. */
export const papersBySlug = new Map(papers.map((paper) => [paper.slug, paper]));

/** Writes a feed of papers (the catalogue's, a topic's, an author's), each paper's item made once for all. */
export const writeFeed = paperFeedWriter(urls.paper, absolute(urls.home()));

/** The home page's charts: papers per year and per topic. */
export const charts = { perYear: barChart(papersPerYear(papers)), perTopic: barChart(papersPerTopic(topicIndex)) };

/**
 * The heaviest derivations (KaTeX fonts, citations, related papers, the search index), made on a
 * worker thread in a build while the first pages render; each is a promise.
 */
const derived = (() => {
  const input = {
    papers: papers.map(derivationPaper),
    topicNames: Object.fromEntries([...topicIndex.bySlug].map(([slug, topic]) => [slug, topic.name])),
    split: searchIndexSplit(process.env),
  };
  if (derivationsWorker === null) return deriveHere(input, urls.paper);
  const worker = startDerivationsWorker(derivationsWorker);
  return deriveOver(worker, input, () => void worker.terminate());
})();

/** KaTeX's fonts cut to the characters of the catalogue's math; none when no paper has math. */
export const katexFonts = derived.fonts;

/** Every paper's citation (BibTeX key and entry, APA reference), by paper id: keys are unique across the catalogue. */
export const citations = derived.citations;

/** A paper's nearest papers, by its slug (kept packed until its page asks). */
export async function relatedPapers(slug: string): Promise<RelatedPaper[]> {
  return unpackRelatedPapers(await derived.related, slug) ?? [];
}

/** The search index: `/search-index.json`, and for a large catalogue the parts it is split into. */
export const searchIndexFiles = derived.search;
