/**
 * BibTeX, as DBLP, Google Scholar, Zotero and arXiv itself export it, read by
 * `@retorquere/bibtex-parser` in raw mode (fields as the TeX they are written in). An entry is a
 * paper when it names its arXiv id: `eprint` (with `archivePrefix`/`eprinttype` arXiv, or an
 * id on its own), an arXiv URL, arXiv's DOI (`10.48550/arXiv.<id>`), or `arXiv:<id>` in
 * `journal`, `note` or `howpublished` (Google Scholar's "arXiv preprint arXiv:1806.03653",
 * Zotero's "arXiv:2107.03451 [cs]"). Names and titles become plain text through the TeX reader
 * (`{BERT}` -> BERT, `{\"o}` -> ö) with math kept as TeX. A BibTeX year is never a submission
 * date, and Zotero's `urldate` is the day it was saved.
 */
import { parse, type Creator, type Entry } from "@retorquere/bibtex-parser";
import { parseArxivId } from "./arxiv-id.ts";
import type { Problem } from "./problems.ts";
import { parseTex, type TexNode } from "../text/tex.ts";
import { arxivCategories, arxivIdFromLink, lineAt, oneLine, plainName, publisherDoi, type ImportedPaper } from "./imported-paper.ts";

export interface BibtexImport {
  papers: ImportedPaper[];
  problems: Problem[];
  /** Entries that name no arXiv paper, as `file:line: why`. */
  skipped: Problem[];
}

/** Reads a BibTeX file. Never throws: what it cannot read is a problem with its line. */
export function parseBibtexImport(source: string, file: string): BibtexImport {
  const text = source.replace(/^\uFEFF/, "");
  const library = parse(text, { raw: true });
  const problems: Problem[] = library.errors.map((error) => {
    const at = /at line (\d+)/.exec(error.error);
    const start = error.input ? text.indexOf(error.input) : -1;
    return {
      file,
      // The entry's first line: the parser's own position is where it gave up, often past the entry.
      line: start >= 0 ? lineAt(text, start) : at ? Number(at[1]) : 0,
      message: `BibTeX entry cannot be read: ${error.error.replace(/ at line \d+, column \d+/, "")}`,
    };
  });
  const papers: ImportedPaper[] = [];
  const skipped: Problem[] = [];
  let searchFrom = 0;
  for (const entry of library.entries) {
    if (!entry.input) continue;
    const offset = text.indexOf(entry.input, searchFrom);
    if (offset >= 0) searchFrom = offset + entry.input.length;
    const line = offset >= 0 ? lineAt(text, offset) : 0;
    const read = readEntry(entry, file, line);
    if ("skip" in read) skipped.push({ file, line, message: read.skip });
    else if ("message" in read) problems.push(read);
    else papers.push(read);
  }
  return { papers, problems, skipped };
}

function readEntry(entry: Entry, file: string, line: number): ImportedPaper | Problem | { skip: string } {
  const fields = entry.fields as Record<string, unknown>;
  const field = (name: string) => (typeof fields[name] === "string" ? oneLine(fields[name] as string) : "");
  const found = arxivIdOf(field);
  if (!found) {
    return { skip: `@${entry.type}{${entry.key}} names no arXiv paper (no arXiv eprint, URL or DOI); not imported` };
  }
  const title = plainTexText(field("title"));
  if (!title) return { file, line, message: `@${entry.type}{${entry.key}} (arXiv:${found.id}) has no title` };
  const paper: ImportedPaper = { id: found.id, version: found.version, source: { file, line }, title };
  const authors = ((fields.author as Creator[] | undefined) ?? []).map(creatorName).filter(Boolean);
  if (authors.length) paper.authors = authors;
  const categories = arxivCategories([field("primaryclass"), ...keywordCategories(field("keywords"))].filter(Boolean));
  if (categories.length) paper.categories = categories;
  const venue = venueOf(field);
  if (venue) paper.venue = venue;
  const url = field("url");
  if (url && /^https?:\/\//i.test(url) && !arxivIdFromLink(url) && !/doi\.org\//i.test(url)) paper.venue_url = url;
  const doi = publisherDoi(field("doi"));
  if (doi) paper.doi = doi;
  const abstract = field("abstract");
  if (abstract) paper.abstract = abstract;
  return paper;
}

function arxivIdOf(field: (name: string) => string): { id: string; version: number | null } | null {
  const eprint = field("eprint");
  const prefix = (field("archiveprefix") || field("eprinttype")).toLowerCase();
  if (eprint && (prefix === "arxiv" || !prefix)) {
    const parsed = parseArxivId(eprint.replace(/^arxiv:/i, ""));
    if (parsed) return { id: parsed.id, version: parsed.version };
  }
  for (const name of ["url", "doi", "eprint"]) {
    const found = field(name) && arxivIdFromLink(field(name));
    if (found) return found;
  }
  for (const name of ["journal", "note", "howpublished", "volume"]) {
    const m = /\barxiv[:\s]+([a-z-]+(?:\.[A-Za-z-]+)?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i.exec(field(name)) ?? /^abs\/(\d{4}\.\d{4,5})$/.exec(field(name));
    const parsed = m ? parseArxivId(`${m[1]}${m[2] ?? ""}`) : null;
    if (parsed) return { id: parsed.id, version: parsed.version };
  }
  return null;
}

/** The venue a BibTeX entry names: its booktitle or journal, unless that only says it is on arXiv. */
function venueOf(field: (name: string) => string): string | undefined {
  for (const name of ["booktitle", "journal"]) {
    const venue = plainTexText(field(name));
    if (venue && !/^(?:arxiv\b|corr$|arxiv preprint|ar[xχ]iv e-prints)/i.test(venue)) return venue;
  }
  return undefined;
}

/** arXiv categories named in DataCite's keywords (`Computation and Language (cs.CL)`). */
function keywordCategories(keywords: string): string[] {
  return [...keywords.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((m) => m[1]!);
}

function creatorName(creator: Creator): string {
  if (creator.name) return plainName(creator.name);
  const given = creator.firstName ?? "";
  const family = [creator.prefix, creator.lastName].filter(Boolean).join(" ");
  return plainName([given, family, creator.suffix].filter(Boolean).join(" "));
}

/**
 * TeX text as plain text, math kept as TeX: protective braces dropped, accents composed,
 * `\emph{}` and the like reduced to their text, `$...$` left as written.
 */
export function plainTexText(tex: string): string {
  const out = (nodes: TexNode[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case "text":
            return node.value.replace(/\$/g, "\\$");
          case "math":
            return node.display ? `$$${node.value}$$` : `$${node.value}$`;
          case "link":
            return node.label;
          default:
            return out(node.children);
        }
      })
      .join("");
  return oneLine(out(parseTex(tex)).normalize("NFC"));
}

