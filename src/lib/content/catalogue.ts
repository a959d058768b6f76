/**
 * The catalogue: every record of the dumps merged with papers.yaml into the papers the site
 * shows, with what their ids and comments tell. Pure: the loader reads the files and hands
 * their text here.
 */
import { arxivDoi, arxivLinks, idToSlug, parseArxivId } from "./arxiv-id.ts";
import { parseComments } from "./comments.ts";
import { categoryTopics, paperCategories } from "./category-topics.ts";
import { parseDumps, type DumpRecord } from "./dump-parser.ts";
import { parsePaperMetadata, type MetadataEntry } from "./paper-metadata.ts";
import type { Paper } from "./paper.ts";
import { formatProblem, type Problem } from "./problems.ts";
import { inlinePlainText, inlineRichText, richText, type MathError, type RichText } from "../text/rich-text.ts";
import { uniqueSlugs } from "../text/slug.ts";
import { parseTopics, type Topic } from "./topic.ts";
import { assignTopics, type ListedTopics } from "./topic-assignment.ts";

export interface SourceFile {
  /** Path as shown in messages, relative to the project (`content/abstracts.txt`). */
  file: string;
  source: string;
}

export type { Paper };

export interface CatalogueInput {
  dumps: SourceFile[];
  /** papers.yaml, when the catalogue has one. */
  metadata?: SourceFile | null;
  /** topics.yaml, when the catalogue has one. */
  topics?: SourceFile | null;
  /** Problems met reading the files (not UTF-8): reported with the catalogue's own. */
  readProblems?: Problem[];
}

export interface Catalogue {
  /** Every paper, newest first (then by id, descending). */
  papers: Paper[];
  /** The topics, in topics.yaml's order. */
  topics: Topic[];
  /** Input errors: the build must stop and print each. */
  problems: Problem[];
  /** Things worth telling the owner that do not stop the build. */
  warnings: string[];
}

/** Builds the catalogue from the dumps' and papers.yaml's text. */
export function buildCatalogue(input: CatalogueInput): Catalogue {
  const dumps = parseDumps(input.dumps);
  const problems = [...(input.readProblems ?? []), ...dumps.problems];
  const meta = input.metadata ? parsePaperMetadata(input.metadata.source, input.metadata.file) : null;
  if (meta) problems.push(...meta.problems);
  const entries = meta?.entries ?? new Map<string, MetadataEntry>();

  const ids = new Set(dumps.records.map((r) => r.id));
  for (const [id, entry] of entries) {
    if (!ids.has(id)) {
      problems.push({
        file: input.metadata!.file,
        line: entry.line,
        message: `arXiv:${id} is not in any dump (${input.dumps.map((d) => d.file).join(", ") || "no dump found"}); remove the entry or add the paper's record to a dump`,
      });
    }
  }

  const topicFile = input.topics ? parseTopics(input.topics.source, input.topics.file) : { entries: [], problems: [] };
  problems.push(...topicFile.problems);

  const seen = new Set<string>();
  const mathWarnings: Problem[] = [];
  const settled = new Set<Problem>();
  const merged = dumps.records
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((record) => {
      const entry = entries.get(record.id);
      const titleAt = { file: input.metadata?.file ?? "", line: entry?.fieldLines.title ?? entry?.line ?? 0 };
      const warnMath = (error: MathError & { field: "title" | "abstract" }) =>
        mathWarnings.push(mathProblem(record, error.field === "title" ? titleAt : record, error));
      if (!entry || entry.metadata.comments === undefined) return toPaper(record, entry?.metadata ?? {}, warnMath);
      if (record.doubt) settled.add(record.doubt);
      const conflict = explicitConflict(record, entry, input.metadata!.file);
      if (conflict) problems.push(conflict);
      return toPaper(settleComments(record, entry.metadata.comments), entry.metadata, warnMath);
    })
    .sort(newestFirst);

  const toPlace = merged.map((paper) => ({
    id: paper.id,
    text: paper.untitled ? paper.abstract.text : `${paper.title.text}\n${paper.abstract.text}`,
    categories: paper.categories,
    listed: listedTopics(entries.get(paper.id), input.metadata?.file),
  }));
  // Without topics.yaml, arXiv's categories are the topics.
  const topicEntries = input.topics ? topicFile.entries : categoryTopics(merged);
  const assignment = assignTopics(toPlace, topicEntries, input.topics?.file ?? null);
  // With a broken topics.yaml, every "unknown topic" and "topic without paper" would be an echo of it.
  if (!topicFile.problems.length) problems.push(...assignment.problems);
  const authorSlugs = uniqueSlugs(authorNamesInSlugOrder(merged), "author");
  const papers: Paper[] = merged.map((paper) => ({
    ...paper,
    authors: paper.authors.map((author) => ({ ...author, slug: authorSlugs.get(author.name)! })),
    topics: assignment.topics.get(paper.id) ?? [],
  }));

  const untitled = papers.filter((p) => p.untitled);
  const warnings = [...dumps.warnings.filter((w) => !settled.has(w)), ...mathWarnings].map(formatProblem);
  if (untitled.length) {
    warnings.push(
      `${untitled.length} paper${untitled.length === 1 ? " has" : "s have"} no title in ${input.metadata?.file ?? "papers.yaml (there is none)"} and ${untitled.length === 1 ? "is" : "are"} published under a placeholder: ${untitled.map((p) => p.id).join(", ")}`,
    );
  }
  const unplaced = papers.filter((p) => p.topics.length === 0);
  if (unplaced.length) {
    warnings.push(
      `${unplaced.length} paper${unplaced.length === 1 ? " is" : "s are"} in no topic of ${input.topics?.file ?? "topics.yaml (there is none)"} and ${unplaced.length === 1 ? "is" : "are"} listed under Other: ${unplaced.map((p) => p.id).join(", ")}. Add words that place ${unplaced.length === 1 ? "it" : "them"} to a topic, or list ${unplaced.length === 1 ? "its" : "their"} topics in papers.yaml`,
    );
  }
  return { papers, topics: topicEntries.map((entry) => entry.topic), problems, warnings };
}

/**
 * Every author's name in the order their slugs are given: oldest paper first (`papers` are
 * newest first), so that a name keeps its slug when newer papers bring a namesake.
 */
export function authorNamesInSlugOrder(papers: readonly { authors: readonly { name: string }[] }[]): string[] {
  return [...papers].reverse().flatMap((paper) => paper.authors.map((author) => author.name));
}

function listedTopics(entry: MetadataEntry | undefined, file: string | undefined): ListedTopics | null {
  const slugs = entry?.metadata.topics;
  if (!entry || !slugs || file === undefined) return null;
  return { file, slugs, lines: entry.itemLines.topics ?? [] };
}

/**
 * A record with its Comments as papers.yaml states them. The dump's last line is the Comments if
 * it says the same (whitespace aside); otherwise it is the abstract's last paragraph, and the
 * stated Comments (or none, for `null`) are the paper's.
 */
export function settleComments(record: DumpRecord, comments: string | null): DumpRecord {
  const same = (a: string | null, b: string | null) =>
    a !== null && b !== null && a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
  const paragraphs = record.abstract.split("\n");
  // Lines read as the abstract's last paragraph that papers.yaml names as the Comments move to the Comments.
  if (record.comments === null && record.commentsFrom === "reading" && same(paragraphs.at(-1)!, comments))
    return { ...record, abstract: paragraphs.slice(0, -1).join("\n"), comments };
  if (record.comments !== null && !same(record.comments, comments) && record.commentsFrom === "reading")
    return { ...record, abstract: `${record.abstract}\n${record.comments}`, comments };
  return { ...record, comments };
}

/** A dump's written-out `Comments:` line that papers.yaml contradicts: the owner must say which is right. */
function explicitConflict(record: DumpRecord, entry: MetadataEntry, file: string): Problem | null {
  const stated = entry.metadata.comments ?? null;
  if (record.commentsFrom !== "explicit" || (stated !== null && stated.trim() === record.comments?.trim())) return null;
  return {
    file,
    line: entry.fieldLines.comments ?? entry.line,
    message: `comments for arXiv:${record.id} ${stated === null ? "are null" : `are "${stated}"`}, but ${record.file}:${record.lastLine} writes "Comments: ${record.comments}"; keep one of the two`,
  };
}

/** A paper merged from its record and papers.yaml entry, before the whole catalogue places it in topics and slugs its authors. */
export type MergedPaper = Omit<Paper, "topics" | "authors"> & { authors: Omit<Paper["authors"][number], "slug">[] };

/** Merges one dump record with its papers.yaml entry; each formula KaTeX cannot typeset is passed to `onMathError`. */
export function toPaper(
  record: DumpRecord,
  metadata: MetadataEntry["metadata"],
  onMathError?: (error: MathError & { field: "title" | "abstract" }) => void,
): MergedPaper {
  const parsed = parseArxivId(record.id)!;
  const facts = parseComments(record.comments);
  const venue = metadata.venue ?? facts.venue;
  const date = metadata.submitted ?? `${parsed.year}-${String(parsed.month).padStart(2, "0")}`;
  const categories = paperCategories(record.id, metadata.categories);
  return {
    id: record.id,
    slug: idToSlug(record.id),
    version: record.version,
    title: metadata.title
      ? inlineRichText(metadata.title, (error) => onMathError?.({ ...error, field: "title" }))
      : placeholderTitle(record.id),
    untitled: !metadata.title,
    authors: (metadata.authors ?? []).map((raw) => ({ raw, name: inlinePlainText(raw) })),
    abstract: richText(record.abstract, (error) => onMathError?.({ ...error, field: "abstract" })),
    comments: record.comments,
    facts,
    venue,
    venueShort: facts.venue ?? (metadata.venue ? shortVenue(metadata.venue) : null),
    venueUrl: metadata.venue_url ?? null,
    doi: metadata.doi ?? null,
    arxivDoi: arxivDoi(record.id),
    code: metadata.code ?? null,
    project: metadata.project ?? null,
    categories,
    submitted: date,
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    links: arxivLinks(record.id),
    source: { file: record.file, line: record.line },
  };
}

/** The title a paper without one is published under. */
export function placeholderTitle(id: string): RichText {
  const text = `Untitled paper (arXiv:${id})`;
  return { raw: text, text, html: text, mathCharacters: "" };
}

/** "ICML 2022 (Proceedings of ...)" -> "ICML 2022"; "ACL 2018: Proceedings ..." -> "ACL 2018". */
export function shortVenue(venue: string): string {
  return venue.split(/\s+\(|:\s|,\s*pp?\.\s/)[0]!.trim();
}

/** The catalogue's order: newest first submission first, then by id, descending. */
export function newestFirst(a: Pick<Paper, "submitted" | "id">, b: Pick<Paper, "submitted" | "id">): number {
  return b.submitted.localeCompare(a.submitted) || b.id.localeCompare(a.id);
}

/**
 * The build's warning for a formula of a paper's title or abstract that KaTeX cannot typeset,
 * at `at`: the title's line in papers.yaml, or the line where the record's abstract starts.
 */
function mathProblem(
  paper: { id: string },
  at: { file: string; line: number },
  error: MathError & { field: "title" | "abstract" },
): Problem {
  const where = error.field === "abstract" && error.paragraph > 0 ? ` (paragraph ${error.paragraph + 1})` : "";
  return {
    ...at,
    message: `arXiv:${paper.id}: KaTeX cannot typeset "${error.source.replace(/\s+/g, " ")}" in its ${error.field}${where} (${error.message}); the page shows it as written. Correct the TeX, or write \\$ for a dollar sign that opens no formula`,
  };
}
