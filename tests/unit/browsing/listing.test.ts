import { describe, expect, it } from "vitest";
import { excerpt, formatSubmitted, homeListing, paperCount, yearPages } from "../../../src/lib/browsing/listing.ts";
import { makePaper, seedPapers } from "../paper-fixture.ts";

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
    expect([0, 1, 2].map(paperCount)).toEqual(["0 papers", "1 paper", "2 papers"]);
  });

  it("cuts as if the whole text were flattened, whitespace runs wherever they fall", () => {
    const whole = (text: string, limit: number) => {
      const flat = text.replace(/\s+/g, " ").trim();
      if (flat.length <= limit) return flat;
      const cut = flat.slice(0, limit + 1);
      const space = cut.lastIndexOf(" ");
      return `${cut.slice(0, space > limit * 0.6 ? space : limit).replace(/[\s,.;:–—-]+$/, "")}…`;
    };
    const texts = seedPapers.map((paper) => paper.abstract.text);
    // Long runs of whitespace: at the start, around the cut, filling most of the start.
    texts.push(`${" \n".repeat(300)}${texts[0]}`, `${"word ".repeat(50)}${" ".repeat(500)}end`, "a\n\n\n".repeat(200));
    for (const text of texts) {
      for (const limit of [9, 50, 200, 280])
        expect(excerpt(text, limit), `${limit}: ${text.slice(0, 40)}`).toBe(whole(text, limit));
    }
  });
});
