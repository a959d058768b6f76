/**
 * arXiv's API answer: an Atom 1.0 feed with arXiv's namespace
 * (https://info.arxiv.org/help/api/user-manual.html). Each `<entry>` is one paper: its id URL
 * (`http://arxiv.org/abs/2206.01958v2`, the latest version), `published` (version 1's date),
 * title, summary, authors, `arxiv:comment`, `arxiv:journal_ref`, `arxiv:doi`,
 * `arxiv:primary_category` and `category` terms. An entry whose id is
 * `http://arxiv.org/api/errors#...` is arXiv saying what was wrong with the query.
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

export interface AtomFeed {
  papers: ImportedPaper[];
  problems: Problem[];
  /** `opensearch:totalResults`, when the feed states it. */
  totalResults: number | null;
}

/** Reads one API answer. Never throws: what it cannot read is a problem with its line. */
export function parseArxivAtom(source: string, file: string): AtomFeed {
  const { doc, problem } = parseXml(source, file);
  if (!doc) return { papers: [], problems: [problem!], totalResults: null };
  const feed = childOf(doc, "feed");
  if (!feed) {
    return {
      papers: [],
      problems: [{ file, line: 1, message: "not an arXiv API answer: the document has no <feed> element" }],
      totalResults: null,
    };
  }
  const offsets = tagOffsets(source, "entry");
  const papers: ImportedPaper[] = [];
  const problems: Problem[] = [];
  listOf(feed, "entry").forEach((entry, index) => {
    const line = offsets[index] === undefined ? 0 : lineAt(source, offsets[index]);
    const read = readEntry(entry, file, line);
    if ("message" in read) problems.push(read);
    else papers.push(read);
  });
  const total = textOf(childOf(feed, "totalResults"));
  return { papers, problems, totalResults: total === undefined ? null : Number(total.trim()) };
}

function readEntry(entry: XmlNode, file: string, line: number): ImportedPaper | Problem {
  const idUrl = oneLine(textOf(childOf(entry, "id")) ?? "");
  if (/\/api\/errors/.test(idUrl)) {
    const summary = oneLine(textOf(childOf(entry, "summary")) ?? "");
    return { file, line, message: `arXiv's API answered with an error: ${summary || idUrl}` };
  }
  const match = /arxiv\.org\/abs\/(.+)$/.exec(idUrl);
  const parsed = match ? parseArxivId(match[1]!) : null;
  if (!parsed) return { file, line, message: `entry has no arXiv id: <id> is "${idUrl}", expected http://arxiv.org/abs/<id>` };
  const title = oneLine(textOf(childOf(entry, "title")) ?? "");
  const authors = listOf(entry, "author")
    .map((author) => plainName(textOf(childOf(author, "name")) ?? ""))
    .filter(Boolean);
  const primary = attributeOf(childOf(entry, "primary_category"), "term");
  const categories = arxivCategories([
    ...(primary ? [primary] : []),
    ...listOf(entry, "category").map((c) => attributeOf(c, "term") ?? ""),
  ]);
  const doiLink = listOf(entry, "link").find((link) => attributeOf(link, "title") === "doi");
  const paper: ImportedPaper = { id: parsed.id, version: parsed.version, source: { file, line } };
  if (title) paper.title = title;
  if (authors.length) paper.authors = authors;
  const submitted = firstVersionDate(textOf(childOf(entry, "published")));
  if (submitted) paper.submitted = submitted;
  if (categories.length) paper.categories = categories;
  const venue = oneLine(textOf(childOf(entry, "journal_ref")) ?? "");
  if (venue) paper.venue = venue;
  const doi = publisherDoi(textOf(childOf(entry, "doi"))) ?? publisherDoi(attributeOf(doiLink, "href"));
  if (doi) paper.doi = doi;
  const abstract = abstractParagraphs(textOf(childOf(entry, "summary")) ?? "");
  if (abstract) paper.abstract = abstract;
  const comments = oneLine(textOf(childOf(entry, "comment")) ?? "");
  if (comments) paper.comments = comments;
  return paper;
}
