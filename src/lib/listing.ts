/** Ordering, grouping and excerpting papers for lists. */
import type { Paper } from "./paper.ts";

export interface YearGroup {
  year: number;
  papers: Paper[];
}

/** Groups papers by year of first submission, newest year first, keeping their order within a year. */
export function groupByYear(papers: Paper[]): YearGroup[] {
  const groups = new Map<number, Paper[]>();
  for (const paper of papers) {
    const group = groups.get(paper.year) ?? [];
    group.push(paper);
    groups.set(paper.year, group);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, papers: list }));
}

/** The first `limit` characters of a text, cut at a word boundary, with an ellipsis if cut. */
export function excerpt(text: string, limit = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit * 0.6 ? space : limit).replace(/[\s,.;:–—-]+$/, "")}…`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "4 June 2022" for a full date, "June 2022" when only the month is known. */
export function formatSubmitted(submitted: string): string {
  const [year, month, day] = submitted.split("-");
  const name = MONTHS[Number(month) - 1] ?? "";
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
