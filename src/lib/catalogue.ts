/**
 * The catalogue: every record of the dumps merged with papers.yaml into the papers the site
 * shows, with what their ids and comments tell. Pure: the loader reads the files and hands
 * their text here.
 */
import { arxivDoi, arxivLinks, idToSlug, parseArxivId } from "./arxiv-id.ts";
import { parseComments } from "./comments.ts";
import { categoryTopics, paperCategories } from "./content/category-topics.ts";
import { parseDumps, type DumpRecord } from "./dump-parser.ts";
import { parsePaperMetadata, type MetadataEntry } from "./paper-metadata.ts";
import type { Paper } from "./paper.ts";
import { formatProblem, type Problem } from "./problems.ts";
import { inlinePlainText, inlineRichText, richText, type RichText } from "./rich-text.ts";
import { uniqueSlugs } from "./slug.ts";
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
  const problems = [...dumps.problems];
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
  const merged = dumps.records
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((record) => toPaper(record, entries.get(record.id)?.metadata ?? {}))
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
  // Oldest paper first, so that a name keeps its slug when newer papers bring a namesake.
  const authorSlugs = uniqueSlugs(
    [...merged].reverse().flatMap((paper) => paper.authors.map((author) => author.name)),
    "author",
  );
  const papers: Paper[] = merged.map((paper) => ({
    ...paper,
    authors: paper.authors.map((author) => ({ ...author, slug: authorSlugs.get(author.name)! })),
    topics: assignment.topics.get(paper.id) ?? [],
  }));

  const untitled = papers.filter((p) => p.untitled);
  const warnings = dumps.warnings.map(formatProblem);
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

function listedTopics(entry: MetadataEntry | undefined, file: string | undefined): ListedTopics | null {
  const slugs = entry?.metadata.topics;
  if (!entry || !slugs || file === undefined) return null;
  return { file, slugs, lines: entry.itemLines.topics ?? [] };
}

/** A paper merged from its record and papers.yaml entry, before the whole catalogue places it in topics and slugs its authors. */
export type MergedPaper = Omit<Paper, "topics" | "authors"> & { authors: Omit<Paper["authors"][number], "slug">[] };

/** Merges one dump record with its papers.yaml entry. */
export function toPaper(record: DumpRecord, metadata: MetadataEntry["metadata"]): MergedPaper {
  const parsed = parseArxivId(record.id)!;
  const facts = parseComments(record.comments);
  const venue = metadata.venue ?? facts.venue;
  const date = metadata.submitted ?? `${parsed.year}-${String(parsed.month).padStart(2, "0")}`;
  const categories = paperCategories(record.id, metadata.categories);
  return {
    id: record.id,
    slug: idToSlug(record.id),
    version: record.version,
    title: metadata.title ? inlineRichText(metadata.title) : placeholderTitle(record.id),
    untitled: !metadata.title,
    authors: (metadata.authors ?? []).map((raw) => ({ raw, name: inlinePlainText(raw) })),
    abstract: richText(record.abstract),
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
  return { raw: text, text, html: text };
}

/** "ICML 2022 (Proceedings of ...)" -> "ICML 2022"; "ACL 2018: Proceedings ..." -> "ACL 2018". */
export function shortVenue(venue: string): string {
  return venue.split(/\s+\(|:\s|,\s*pp?\.\s/)[0]!.trim();
}

function newestFirst(a: MergedPaper, b: MergedPaper): number {
  return b.submitted.localeCompare(a.submitted) || b.id.localeCompare(a.id);
}
