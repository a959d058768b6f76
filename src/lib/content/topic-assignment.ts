/**
 * Which topics each paper is in. Topics listed for a paper in papers.yaml win; otherwise a paper
 * is in every topic one of whose words its title or abstract contains (see `terms.ts` for what
 * counts as the same word). A listed slug that names no topic, and a topic that places no paper,
 * are problems that stop the build.
 */
import type { Problem } from "./problems.ts";
import { canonicalCategory } from "./arxiv-taxonomy.ts";
import { terms } from "../text/terms.ts";
import type { Topic, TopicEntry } from "./topic.ts";

/** Topic slugs listed for a paper in papers.yaml, each with the line it is written on. */
export interface ListedTopics {
  file: string;
  slugs: string[];
  lines: number[];
}

/** What placing one paper needs: its id, its title and abstract as plain text, its arXiv categories, its listed topics. */
export interface PaperToPlace {
  id: string;
  text: string;
  categories?: readonly string[];
  listed?: ListedTopics | null;
}

export interface TopicAssignment {
  /** Topic slugs by paper id, in the topics' order (listed topics: in the order listed). */
  topics: Map<string, string[]>;
  problems: Problem[];
}

/**
 * A function giving the slugs of the topics that place a paper, in the topics' order: those
 * whose words its text contains, and those whose arXiv category it has (or an alias of it).
 */
export function topicMatcher(topics: Topic[]): (text: string, categories?: readonly string[]) => string[] {
  const phrases = topics.map((topic) => ({
    slug: topic.slug,
    phrases: topic.words.map(terms),
    category: topic.category ? canonicalCategory(topic.category) : null,
  }));
  return (text, categories = []) => {
    const own = new Set(categories.map(canonicalCategory));
    const found = terms(text);
    const positions = new Map<string, number[]>();
    found.forEach((term, i) => {
      const list = positions.get(term);
      if (list) list.push(i);
      else positions.set(term, [i]);
    });
    const contains = (phrase: string[]) =>
      (positions.get(phrase[0]!) ?? []).some((start) => phrase.every((term, k) => found[start + k] === term));
    return phrases
      .filter((topic) => (topic.category !== null && own.has(topic.category)) || topic.phrases.some(contains))
      .map((topic) => topic.slug);
  };
}

/** Places every paper in its topics, and checks listed slugs and that every topic has a paper. */
export function assignTopics(
  papers: PaperToPlace[],
  entries: TopicEntry[],
  topicsFile: string | null,
): TopicAssignment {
  const problems: Problem[] = [];
  const known = new Set(entries.map((entry) => entry.topic.slug));
  const match = topicMatcher(entries.map((entry) => entry.topic));
  const topics = new Map<string, string[]>();
  for (const paper of papers) {
    if (!paper.listed) {
      topics.set(paper.id, match(paper.text, paper.categories));
      continue;
    }
    const { file, slugs, lines } = paper.listed;
    slugs.forEach((slug, i) => {
      if (!known.has(slug))
        problems.push({
          file,
          line: lines[i] ?? 0,
          message: `${paper.id}: topics: "${slug}" is not a topic ${unknownTopicHint(topicsFile, known)}`,
        });
    });
    topics.set(paper.id, [...new Set(slugs.filter((slug) => known.has(slug)))]);
  }
  const placed = new Set([...topics.values()].flat());
  for (const { topic, line } of entries) {
    if (!placed.has(topic.slug)) {
      const why = [
        topic.category ? `no paper has the category ${topic.category}` : "",
        topic.words.length ? `no title or abstract contains any of its words (${topic.words.join(", ")})` : "",
      ].filter(Boolean);
      problems.push({
        file: topicsFile ?? "topics.yaml",
        line,
        message: `topic "${topic.slug}" has no paper: ${why.join(", ")} and no paper lists it in papers.yaml. ${topic.category ? "Import papers of that category, or remove the topic" : "Add words that place a paper in it, or remove the topic"}`,
      });
    }
  }
  return { topics, problems };
}

function unknownTopicHint(topicsFile: string | null, known: Set<string>): string {
  if (topicsFile === null) return "(there is no topics.yaml); add the topic to topics.yaml or remove the slug";
  if (known.size === 0) return `(${topicsFile} has none); add the topic to it or remove the slug`;
  return `in ${topicsFile}; use one of ${[...known].join(", ")}, or add the topic there`;
}
