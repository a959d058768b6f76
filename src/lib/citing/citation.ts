/**
 * Every paper's citation, computed once per build: keys are unique across the whole catalogue,
 * so they cannot be made one paper at a time.
 */
import { apaCitation } from "./apa-citation.ts";
import { assignCitationKeys, bibtexEntry } from "./bibtex.ts";
import type { Paper } from "../content/paper.ts";

export interface Citation {
  /** The BibTeX key, unique in the catalogue (`yang2018scidtb`). */
  key: string;
  /** The BibTeX entry. */
  bibtex: string;
  /** The plain-text reference in APA style. */
  apa: string;
}

/** The citation of every paper, by paper id. */
export function citePapers(papers: readonly Paper[]): Map<string, Citation> {
  const keys = assignCitationKeys(papers);
  return new Map(
    papers.map((paper) => {
      const key = keys.get(paper.id)!;
      return [paper.id, { key, bibtex: bibtexEntry(paper, key), apa: apaCitation(paper) }];
    }),
  );
}
