/** How many papers per year and per topic: the data of the home page's charts. */
import type { Paper } from "../content/paper.ts";
import type { TopicIndex } from "./topic-index.ts";

export interface Count {
  label: string;
  value: number;
}

/** Papers per year of first submission, newest year first, with every year between the first and the last (a year with none counts 0). */
export function papersPerYear(papers: Paper[]): Count[] {
  if (papers.length === 0) return [];
  const counts = new Map<number, number>();
  for (const paper of papers) counts.set(paper.year, (counts.get(paper.year) ?? 0) + 1);
  const years = [...counts.keys()];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, i) => last - i).map((year) => ({
    label: String(year),
    value: counts.get(year) ?? 0,
  }));
}

/** Papers per topic, in the topics' order, then "Other" when some paper is in no topic. A paper in two topics counts in both. */
export function papersPerTopic(index: TopicIndex): Count[] {
  const counts = index.topics.map(({ topic, papers }) => ({ label: topic.name, value: papers.length }));
  return index.other.length ? [...counts, { label: "Other", value: index.other.length }] : counts;
}
