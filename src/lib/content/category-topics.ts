/**
 * Topics from arXiv's categories, for a catalogue with no topics.yaml: one topic per category
 * its papers have, named as arXiv's taxonomy names it (cs.CL: Computation and Language), so a
 * large imported catalogue needs no hand-written topics. The most common category comes first.
 */
import { parseArxivId } from "./arxiv-id.ts";
import { slugify } from "../text/slug.ts";
import { categoryDescription, type Topic, type TopicEntry } from "./topic.ts";
import { canonicalCategory, categoryName } from "./arxiv-taxonomy.ts";

/** The topic for one arXiv category: slug `cs-cl`, arXiv's name, every paper listed under it. */
export function categoryTopic(category: string): Topic {
  return {
    slug: slugify(category),
    name: categoryName(category) ?? category,
    description: categoryDescription(category),
    words: [],
    category,
  };
}

/** A topic for each category the papers have (aliases as arXiv's canonical one), most papers first, then by category. */
export function categoryTopics(papers: Iterable<{ categories: readonly string[] }>): TopicEntry[] {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const category of new Set(paper.categories.map(canonicalCategory))) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([category]) => ({ topic: categoryTopic(category), line: 0 }));
}

/** A paper's arXiv categories: those papers.yaml lists, else the subject class an old-style id names (`math.AG/0211159`). */
export function paperCategories(id: string, listed: readonly string[] | undefined): string[] {
  if (listed) return [...listed];
  const subjectClass = parseArxivId(id)?.subjectClass;
  return subjectClass ? [subjectClass] : [];
}
