/** The topics with their papers, built once from the topics and the papers' assigned slugs. */
import type { Paper } from "../content/paper.ts";
import { paginate, type Page } from "./pagination.ts";
import type { Topic } from "../content/topic.ts";

/** Papers per page on a topic's pages. */
export const TOPIC_PAGE_SIZE = 50;

export interface TopicWithPapers {
  topic: Topic;
  /** The topic's papers, in the order given (newest first). */
  papers: Paper[];
}

export interface TopicIndex {
  /** Every topic, in topics.yaml's order. */
  topics: TopicWithPapers[];
  /** Papers in no topic, listed under "Other". */
  other: Paper[];
  /** Topic by slug, for chips and reasons. */
  bySlug: Map<string, Topic>;
}

/** Groups the papers by topic. A paper naming a slug that no topic has is a bug upstream, and throws. */
export function buildTopicIndex(topics: Topic[], papers: Paper[]): TopicIndex {
  const lists = new Map(topics.map((topic) => [topic.slug, [] as Paper[]]));
  const other: Paper[] = [];
  for (const paper of papers) {
    if (paper.topics.length === 0) other.push(paper);
    for (const slug of paper.topics) {
      const list = lists.get(slug);
      if (!list) throw new Error(`arXiv:${paper.id} is in topic "${slug}", which is not a topic`);
      list.push(paper);
    }
  }
  return {
    topics: topics.map((topic) => ({ topic, papers: lists.get(topic.slug)! })),
    other,
    bySlug: new Map(topics.map((topic) => [topic.slug, topic])),
  };
}

export interface TopicPage extends Page<Paper> {
  topic: Topic;
  /** All the topic's papers, across its pages. */
  count: number;
}

/**
 * The papers in no topic as pages of `size`, newest first: the first under "Other" on `/topics/`,
 * the rest on `/topics/2/`, ... (a topic's slug is never a number).
 */
export function otherPages(index: TopicIndex, size = TOPIC_PAGE_SIZE): Page<Paper>[] {
  return paginate(index.other, size);
}

/** Every page of every topic: `size` papers a page, newest first. */
export function topicPages(index: TopicIndex, size = TOPIC_PAGE_SIZE): TopicPage[] {
  return index.topics.flatMap(({ topic, papers }) =>
    paginate(papers, size).map((page) => ({ ...page, topic, count: papers.length })),
  );
}
