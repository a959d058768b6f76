/**
 * A paper as an import source tells it, before it is merged into the content folder: the same
 * fields whatever the format (arXiv's API, OAI-PMH, the metadata snapshot, BibTeX), each left
 * out when the source does not state it. The rules every reader shares live here: `submitted`
 * only from a real first-version date, categories only arXiv's, arXiv's own DOI never as the
 * publisher's, names as plain text.
 */
import { parseArxivId } from "./arxiv-id.ts";
import { parseTex, texToPlainText } from "../text/tex.ts";
import { isArxivCategory } from "./arxiv-taxonomy.ts";

export interface ImportedPaper {
  /** Canonical arXiv id, without version. */
  id: string;
  /** The latest version the source names, or null. */
  version: number | null;
  title?: string;
  /** In the paper's order, as plain text (`M{\"u}ller` -> Müller). */
  authors?: string[];
  /** The first version's date, YYYY-MM-DD (UTC). */
  submitted?: string;
  /** arXiv categories, primary first. */
  categories?: string[];
  /** The journal reference, or the venue a BibTeX entry names. */
  venue?: string;
  /** The venue's page for the paper (a BibTeX `url` that is not arXiv's). */
  venue_url?: string;
  /** The publisher's DOI. */
  doi?: string;
  /** The abstract, one line per paragraph as arXiv breaks it. */
  abstract?: string;
  /** arXiv's Comments field, on one line. */
  comments?: string;
  /** Where the source states the paper. */
  source: { file: string; line: number };
}

/** Fields a paper entry in papers.yaml can take from an import, in the order they are written. */
export const IMPORTED_FIELDS = ["title", "authors", "submitted", "categories", "venue", "venue_url", "doi"] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** Runs of white space (arXiv wraps titles and abstracts at 80 columns) made one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * arXiv's abstract text as dump paragraphs: arXiv starts a paragraph with an indented line
 * (`  We show...`) and wraps the rest at about 80 columns, so an indented line begins a new
 * paragraph and other line breaks are spaces. A source that never wraps (the API since 2025)
 * keeps its explicit line breaks as paragraphs.
 */
export function abstractParagraphs(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // arXiv wraps at 80 columns; a longer line means the source does not wrap.
  const wrapped = lines.every((line) => line.trim().length <= 90);
  const indent = (line: string) => /^\s*/.exec(line)![0].length;
  const later = lines.slice(1).filter((line) => line.trim());
  // A file re-indented as a whole indents every line: only more than the least is a paragraph's start.
  const base = later.length ? Math.min(...later.map(indent)) : 0;
  const paragraphs: string[] = [];
  let current = "";
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const startsParagraph = index > 0 && (!wrapped || indent(line) > base);
    if (startsParagraph && current.trim()) {
      paragraphs.push(oneLine(current));
      current = "";
    }
    current += ` ${line}`;
  });
  if (current.trim()) paragraphs.push(oneLine(current));
  return paragraphs.join("\n");
}

/** A name as plain text: TeX accents and braces resolved through the TeX reader (`{\L}ukasz` -> Łukasz). */
export function plainName(name: string): string {
  return oneLine(texToPlainText(parseTex(name)).normalize("NFC"));
}

/** A YYYY-MM-DD date (UTC) from a timestamp a source gives for version 1, or undefined when it is not a date. */
export function firstVersionDate(timestamp: string | undefined | null): string | undefined {
  if (!timestamp) return undefined;
  const trimmed = timestamp.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return validDate(trimmed);
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function validDate(date: string): string | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date) ? date : undefined;
}

/** The categories that are arXiv's, in order and once each; MSC and ACM codes are dropped. */
export function arxivCategories(terms: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const term of terms) {
    const category = term.trim();
    if (isArxivCategory(category) && !kept.includes(category)) kept.push(category);
  }
  return kept;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** A DOI as papers.yaml takes it (`https://doi.org/` and `doi:` removed), unless it is arXiv's own. */
export function publisherDoi(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const doi = raw
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, "")
    .split(/\s+/)[0]!;
  if (!DOI.test(doi) || isArxivDoi(doi)) return undefined;
  return doi;
}

/** True for the DOI arXiv registers for every paper (`10.48550/arXiv.2206.01958`). */
export function isArxivDoi(doi: string): boolean {
  return /^10\.48550\/arxiv\./i.test(doi.trim());
}

/** The arXiv id in an abs/pdf URL or arXiv's DOI (`https://arxiv.org/abs/2206.01958v2`, `10.48550/ARXIV.2206.01958`), or null. */
export function arxivIdFromLink(text: string): { id: string; version: number | null } | null {
  const url = /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#}]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(text.trim());
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(\S+)$/i.exec(text.trim());
  const candidate = url?.[1] ?? doi?.[1];
  if (!candidate) return null;
  const parsed = parseArxivId(candidate);
  return parsed ? { id: parsed.id, version: parsed.version } : null;
}

/** The line (1-based) of a character offset in a text. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return line;
}
