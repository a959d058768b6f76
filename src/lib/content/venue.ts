/**
 * What a venue as written in papers.yaml tells a citation: the name of the proceedings or journal,
 * whether it is a journal, and the pages. The owner writes venues in full ("ACL 2018: Proceedings
 * of the 56th Annual Meeting ..., pp. 444-449, Melbourne, Australia"); citations want the parts.
 */

export interface Venue {
  /** The proceedings or journal title: "Proceedings of ..." when the venue names one, else the venue without pages and place. */
  name: string;
  /** `journal` when the name reads like one (Journal, Transactions, Letters, Review), else `conference`. */
  kind: "journal" | "conference";
  /** First and last page, when the venue gives "pp. 444-449". */
  pages: { first: string; last: string } | null;
}

const PROCEEDINGS = /Proceedings of [^,()]+(?:\([^()]*\))?/;
const PAGES = /\bpp?\.\s*([A-Za-z]?\d+)\s*(?:-+|–|—)\s*([A-Za-z]?\d+)/;
const JOURNAL = /\b(?:journal|transactions|letters|review|magazine|annals)\b/i;

/** Reads a venue written in full. */
export function describeVenue(venue: string): Venue {
  const text = venue.replace(/\s+/g, " ").trim();
  const pagesMatch = PAGES.exec(text);
  const proceedings = PROCEEDINGS.exec(text);
  const name = proceedings ? proceedings[0].trim() : text.replace(/,?\s*\bpp?\.\s*\d.*$/, "").trim() || text;
  return {
    name,
    kind: JOURNAL.test(name) && !/\bproceedings\b/i.test(name) ? "journal" : "conference",
    pages: pagesMatch ? { first: pagesMatch[1]!, last: pagesMatch[2]! } : null,
  };
}
