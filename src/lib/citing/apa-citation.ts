/**
 * A plain-text reference in APA style (7th edition), for readers who cite without BibTeX. The
 * title is in sentence case (APA 7, 6.17), keeping the words the BibTeX entry braces: acronyms,
 * names with inner capitals, and the proper nouns the abstract capitalises
 * (`citing/sentence-case.ts`). An arXiv-only paper is a preprint (APA 7, 10.8: "(arXiv:ID).
 * arXiv." and arXiv's DOI); a published paper is cited by its venue, and never by arXiv's DOI,
 * which names the preprint.
 */
import { titleProperNouns } from "./bibtex.ts";
import { sentenceCase } from "./sentence-case.ts";
import type { Paper } from "../content/paper.ts";
import { initials, splitName } from "../text/person-name.ts";
import { describeVenue } from "../content/venue.ts";

/** The style's name, shown beside the reference. */
export const APA_STYLE = "APA (7th edition)";

/** The APA reference for a paper: a preprint on arXiv, or a paper in proceedings or a journal when its venue is known. */
export function apaCitation(paper: Paper): string {
  const venue = paper.venue ? describeVenue(paper.venue) : null;
  const link = paper.doi
    ? `https://doi.org/${paper.doi}`
    : venue
      ? (paper.venueUrl ?? paper.links.abs)
      : `https://doi.org/${paper.arxivDoi}`;
  const title = sentenceCase(paper.title.text.trim(), titleProperNouns(paper));
  const year = `(${paper.year}).`;
  const [work, source] = !venue
    ? [`${title} (arXiv:${paper.id}).`, "arXiv."]
    : [
        sentence(title),
        venue.kind === "journal"
          ? sentence(venue.name)
          : `In ${venue.name}${venue.pages ? ` (pp. ${venue.pages.first}–${venue.pages.last})` : ""}.`,
      ];
  const authors = apaAuthors(paper.authors.map((a) => a.name));
  // With no author, APA moves the title to the author's place.
  return authors ? `${sentence(authors)} ${year} ${work} ${source} ${link}` : `${work} ${year} ${source} ${link}`;
}

/** "Yang, A., & Li, S."; with 21 or more authors, the first 19, an ellipsis, then the last (APA 7, 9.8). */
export function apaAuthors(names: readonly string[]): string {
  const formatted = names.map(apaName);
  if (formatted.length === 0) return "";
  if (formatted.length === 1) return formatted[0]!;
  if (formatted.length > 20) return `${formatted.slice(0, 19).join(", ")}, . . . ${formatted.at(-1)}`;
  return `${formatted.slice(0, -1).join(", ")}, & ${formatted.at(-1)}`;
}

function apaName(name: string): string {
  const { given, family, suffix } = splitName(name);
  const parts = [family, initials(given), suffix].filter(Boolean);
  return parts.join(", ");
}

/** Ends a phrase with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
