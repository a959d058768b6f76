/** Ordering, grouping and excerpting papers for lists. */
import { paginate, type Page } from "./pagination.ts";
import type { Paper } from "../content/paper.ts";

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

/** Up to this many papers, the home page lists every one; above, the newest and a page per year. */
export const HOME_LIMIT = 100;
/** Papers the home page lists when the catalogue is larger than HOME_LIMIT. */
export const HOME_RECENT = 50;
/** Papers per page on a year's pages. */
export const YEAR_PAGE_SIZE = 50;

export interface HomeListing {
  /** True when the home page lists every paper. */
  complete: boolean;
  /** The papers it lists, grouped by year, newest first. */
  groups: YearGroup[];
}

/**
 * What the home page lists: every paper of a small catalogue; of a large one the newest
 * HOME_RECENT, so that the page stays light (10,000 papers would make it some 30 MB), the rest
 * being on the year pages.
 */
export function homeListing(papers: Paper[], limit = HOME_LIMIT, recent = HOME_RECENT): HomeListing {
  const complete = papers.length <= limit;
  return { complete, groups: groupByYear(complete ? papers : papers.slice(0, recent)) };
}

export interface YearPage extends Page<Paper> {
  year: number;
  /** All the year's papers, across its pages. */
  count: number;
}

/** Every page of every year: `size` papers a page, newest first. */
export function yearPages(groups: YearGroup[], size = YEAR_PAGE_SIZE): YearPage[] {
  return groups.flatMap(({ year, papers }) =>
    paginate(papers, size).map((page) => ({ ...page, year, count: papers.length })),
  );
}

/** "1 paper", "8 papers". */
export function paperCount(n: number): string {
  return `${n} ${n === 1 ? "paper" : "papers"}`;
}

/** The first `limit` characters of a text, cut at a word boundary, with an ellipsis if cut. */
export function excerpt(text: string, limit = 280): string {
  // Only the text's start is flattened: what comes after the excerpt cannot change it.
  const start = flatten(text.slice(0, 2 * limit + 2));
  const flat = start.length > limit + 1 ? start : flatten(text);
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit * 0.6 ? space : limit).replace(/[\s,.;:–—-]+$/, "")}…`;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, " ").trim();
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
