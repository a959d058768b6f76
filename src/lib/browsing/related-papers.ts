/**
 * Related papers: for each paper, the nearest others by the text of their titles and abstracts
 * (`text-similarity.ts`), each with why: the topics both are in, and the terms they share most.
 */
import type { Paper } from "../content/paper.ts";
import { nearestTexts } from "../text/text-similarity.ts";

export interface RelatedPaper {
  /** The related paper's slug. */
  slug: string;
  /** TF-IDF cosine similarity with the paper, in (0, 1]. */
  score: number;
  /** Slugs of the topics both papers are in, in the paper's order. */
  sharedTopics: string[];
  /**
   * The terms the two texts share that weigh most, best first: more than a page shows, so that
   * it can leave out those that are not topical (`browsing/topical-terms.ts`) and still show three.
   */
  sharedTerms: string[];
}

/** The `count` papers nearest to each paper, best first, by paper slug; papers sharing no term are left out. */
export function findRelatedPapers(papers: Paper[], count = 5): Map<string, RelatedPaper[]> {
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  const texts = papers.map((paper) => ({
    id: paper.slug,
    text: paper.untitled ? paper.abstract.text : `${paper.title.text}\n${paper.abstract.text}`,
  }));
  const nearest = nearestTexts(texts, { count, terms: 10 });
  return new Map(
    papers.map((paper) => [
      paper.slug,
      nearest.get(paper.slug)!.map(({ id, score, terms }) => ({
        slug: id,
        score,
        sharedTopics: paper.topics.filter((topic) => bySlug.get(id)!.topics.includes(topic)),
        sharedTerms: terms,
      })),
    ]),
  );
}

/**
 * Every paper's related papers as a build keeps them: each paper's list as one JSON string, read
 * back when its page is made. Received by the main thread, a 10,000-paper catalogue's take 11 MB
 * so, against 33 MB as objects.
 */
export type PackedRelatedPapers = Map<string, string>;

export function packRelatedPapers(related: ReadonlyMap<string, RelatedPaper[]>): PackedRelatedPapers {
  return new Map([...related].map(([slug, list]) => [slug, JSON.stringify(list)]));
}

/** A paper's related papers, from the packed lists; undefined for a slug that has none. */
export function unpackRelatedPapers(packed: PackedRelatedPapers, slug: string): RelatedPaper[] | undefined {
  const list = packed.get(slug);
  return list === undefined ? undefined : (JSON.parse(list) as RelatedPaper[]);
}

const conjunction = new Intl.ListFormat("en", { type: "conjunction" });

/** Names joined as a sentence says them ("A, B, and C"), by one formatter made once for every paper page. */
export function andList(names: readonly string[]): string {
  return conjunction.format(names);
}
