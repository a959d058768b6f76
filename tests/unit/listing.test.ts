import { describe, expect, it } from "vitest";
import { excerpt, formatSubmitted, homeListing, yearPages } from "../../src/lib/listing.ts";
import { makePaper } from "./paper-fixture.ts";

const papers = (years: number[]) =>
  years.map((year, i) => makePaper(`${String(year).slice(2)}01.${String(i + 1).padStart(5, "0")}`));

describe("homeListing", () => {
  it("lists every paper of a small catalogue, by year", () => {
    const listing = homeListing(papers([2022, 2022, 2021]), 3, 2);
    expect(listing.complete).toBe(true);
    expect(listing.groups.map((g) => [g.year, g.papers.length])).toEqual([
      [2022, 2],
      [2021, 1],
    ]);
  });

  it("lists only the newest of a large one", () => {
    const listing = homeListing(papers([2022, 2022, 2021, 2020]), 3, 2);
    expect(listing.complete).toBe(false);
    expect(listing.groups.map((g) => [g.year, g.papers.length])).toEqual([[2022, 2]]);
  });
});

describe("yearPages", () => {
  it("cuts each year into pages, keeping the year's count", () => {
    const pages = yearPages(homeListing(papers([2022, 2022, 2022, 2021]), 10).groups, 2);
    expect(pages.map((p) => [p.year, p.number, p.total, p.items.length, p.count])).toEqual([
      [2022, 1, 2, 2, 3],
      [2022, 2, 2, 1, 3],
      [2021, 1, 1, 1, 1],
    ]);
  });
});

describe("excerpt and dates", () => {
  it("cuts at a word with an ellipsis, and names months", () => {
    expect(excerpt("one two three four", 9)).toBe("one two…");
    expect(excerpt("short", 9)).toBe("short");
    expect(formatSubmitted("2022-06-04")).toBe("4 June 2022");
    expect(formatSubmitted("2021-05")).toBe("May 2021");
  });
});
