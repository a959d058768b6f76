/**
 * arXiv's OAI-PMH answers (https://info.arxiv.org/help/oa/index.html): `ListRecords` (one page
 * of a harvest, with a `resumptionToken` for the next) and `GetRecord`, in arXiv's two metadata
 * formats with the abstract:
 * - `arXiv`: `created` (version 1's date), authors as `keyname` and `forenames`, `journal-ref`;
 * - `arXivRaw`: every `version` with its date, authors as one line as submitted.
 * A deleted record (`<header status="deleted">`) has no metadata and is named as skipped.
 */
import { parseArxivId } from "./arxiv-id.ts";
import type { Problem } from "./problems.ts";
import {
  abstractParagraphs,
  arxivCategories,
  firstVersionDate,
  lineAt,
  oneLine,
  plainName,
  publisherDoi,
  type ImportedPaper,
} from "./imported-paper.ts";
import { attributeOf, childOf, listOf, parseXml, tagOffsets, textOf, type XmlNode } from "./import-xml.ts";

export interface OaiPage {
  papers: ImportedPaper[];
  problems: Problem[];
  /** Records the answer names without metadata (deleted), as `file:line: why`. */
  skipped: Problem[];
  /** The token that asks for the next page, or null on the last page. */
  resumptionToken: string | null;
}

/** Reads one OAI-PMH answer. Never throws: what it cannot read is a problem with its line. */
export function parseOai(source: string, file: string): OaiPage {
  const empty: OaiPage = { papers: [], problems: [], skipped: [], resumptionToken: null };
  const { doc, problem } = parseXml(source, file);
  if (!doc) return { ...empty, problems: [problem!] };
  const root = childOf(doc, "OAI-PMH");
  if (!root) return { ...empty, problems: [{ file, line: 1, message: "not an OAI-PMH answer: no <OAI-PMH> element" }] };
  const error = childOf(root, "error");
  if (error) {
    const offset = tagOffsets(source, "error")[0] ?? 0;
    const code = attributeOf(error, "code") ?? "error";
    return {
      ...empty,
      problems: [{ file, line: lineAt(source, offset), message: `the OAI-PMH answer is an error (${code}): ${oneLine(textOf(error) ?? "")}` }],
    };
  }
  const list = childOf(root, "ListRecords") ?? childOf(root, "GetRecord");
  if (!list) {
    return { ...empty, problems: [{ file, line: 1, message: "the OAI-PMH answer has neither ListRecords nor GetRecord" }] };
  }
  const offsets = tagOffsets(source, "record");
  const page: OaiPage = { ...empty, papers: [], problems: [], skipped: [] };
  listOf(list, "record").forEach((record, index) => {
    const line = offsets[index] === undefined ? 0 : lineAt(source, offsets[index]);
    const header = childOf(record, "header");
    const identifier = oneLine(textOf(childOf(header, "identifier")) ?? "");
    if (attributeOf(header, "status") === "deleted") {
      page.skipped.push({ file, line, message: `${identifier || "a record"} is deleted: the answer has no metadata for it` });
      return;
    }
    const metadata = childOf(record, "metadata");
    const raw = childOf(metadata, "arXivRaw");
    const arxiv = childOf(metadata, "arXiv");
    const read = raw ? readArxivRaw(raw, file, line) : arxiv ? readArxiv(arxiv, file, line) : null;
    if (!read) {
      page.problems.push({
        file,
        line,
        message: `${identifier || "record"}: metadata is in neither the arXiv nor the arXivRaw format; harvest with metadataPrefix=arXiv or arXivRaw`,
      });
    } else if ("message" in read) page.problems.push(read);
    else page.papers.push(read);
  });
  const token = oneLine(textOf(childOf(list, "resumptionToken")) ?? "");
  page.resumptionToken = token || null;
  return page;
}

function common(meta: XmlNode, file: string, line: number): ImportedPaper | Problem {
  const rawId = oneLine(textOf(childOf(meta, "id")) ?? "");
  const parsed = parseArxivId(rawId);
  if (!parsed) return { file, line, message: `record has no arXiv id: <id> is "${rawId}"` };
  const paper: ImportedPaper = { id: parsed.id, version: null, source: { file, line } };
  const title = oneLine(textOf(childOf(meta, "title")) ?? "");
  if (title) paper.title = title;
  const categories = arxivCategories(oneLine(textOf(childOf(meta, "categories")) ?? "").split(" "));
  if (categories.length) paper.categories = categories;
  const venue = oneLine(textOf(childOf(meta, "journal-ref")) ?? "");
  if (venue) paper.venue = venue;
  const doi = publisherDoi(textOf(childOf(meta, "doi")));
  if (doi) paper.doi = doi;
  const abstract = abstractParagraphs(textOf(childOf(meta, "abstract")) ?? "");
  if (abstract) paper.abstract = abstract;
  const comments = oneLine(textOf(childOf(meta, "comments")) ?? "");
  if (comments) paper.comments = comments;
  return paper;
}

function readArxiv(meta: XmlNode, file: string, line: number): ImportedPaper | Problem {
  const paper = common(meta, file, line);
  if ("message" in paper) return paper;
  const authors = listOf(childOf(meta, "authors"), "author")
    .map((author) =>
      plainName(
        [textOf(childOf(author, "forenames")), textOf(childOf(author, "keyname")), textOf(childOf(author, "suffix"))]
          .filter(Boolean)
          .join(" "),
      ),
    )
    .filter(Boolean);
  if (authors.length) paper.authors = authors;
  const submitted = firstVersionDate(textOf(childOf(meta, "created")));
  if (submitted) paper.submitted = submitted;
  return paper;
}

function readArxivRaw(meta: XmlNode, file: string, line: number): ImportedPaper | Problem {
  const paper = common(meta, file, line);
  if ("message" in paper) return paper;
  const authors = splitAuthorLine(textOf(childOf(meta, "authors")) ?? "");
  if (authors.length) paper.authors = authors;
  const versions = listOf(meta, "version").map((v) => ({
    number: Number((attributeOf(v, "version") ?? "").replace(/^v/, "")),
    date: textOf(childOf(v, "date")),
  }));
  const first = versions.find((v) => v.number === 1);
  const submitted = firstVersionDate(first?.date);
  if (submitted) paper.submitted = submitted;
  const latest = Math.max(0, ...versions.map((v) => v.number).filter(Number.isFinite));
  paper.version = latest > 0 ? latest : null;
  return paper;
}

/**
 * arXiv's one-line author list (`A. One, B. Two and C. Three`), with affiliations in
 * parentheses (`A. One (MIT)`, `((1) MIT, (2) CNRS)`) left out.
 */
export function splitAuthorLine(line: string): string[] {
  let depth = 0;
  let bare = "";
  for (const ch of line) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) bare += ch;
  }
  return bare
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map(plainName)
    .filter(Boolean);
}
