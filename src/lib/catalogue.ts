/**
 * The catalogue: every record of the dumps merged with papers.yaml into the papers the site
 * shows, with what their ids and comments tell. Pure: the loader reads the files and hands
 * their text here.
 */
import { arxivDoi, arxivLinks, idToSlug, parseArxivId } from "./arxiv-id.ts";
import { parseComments } from "./comments.ts";
import { parseDumps, type DumpRecord } from "./dump-parser.ts";
import { parsePaperMetadata, type MetadataEntry } from "./paper-metadata.ts";
import type { Paper } from "./paper.ts";
import { formatProblem, type Problem } from "./problems.ts";
import { inlineRichText, richText, type RichText } from "./rich-text.ts";

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
}

export interface Catalogue {
  /** Every paper, newest first (then by id, descending). */
  papers: Paper[];
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

  const seen = new Set<string>();
  const papers = dumps.records
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((record) => toPaper(record, entries.get(record.id)?.metadata ?? {}))
    .sort(newestFirst);

  const untitled = papers.filter((p) => p.untitled);
  const warnings = dumps.warnings.map(formatProblem);
  if (untitled.length) {
    warnings.push(
      `${untitled.length} paper${untitled.length === 1 ? " has" : "s have"} no title in ${input.metadata?.file ?? "papers.yaml (there is none)"} and ${untitled.length === 1 ? "is" : "are"} published under a placeholder: ${untitled.map((p) => p.id).join(", ")}`,
    );
  }
  return { papers, problems, warnings };
}

/** Merges one dump record with its papers.yaml entry. */
export function toPaper(record: DumpRecord, metadata: MetadataEntry["metadata"]): Paper {
  const parsed = parseArxivId(record.id)!;
  const facts = parseComments(record.comments);
  const venue = metadata.venue ?? facts.venue;
  const date = metadata.submitted ?? `${parsed.year}-${String(parsed.month).padStart(2, "0")}`;
  const categories = metadata.categories ?? (parsed.subjectClass ? [parsed.subjectClass] : []);
  return {
    id: record.id,
    slug: idToSlug(record.id),
    version: record.version,
    title: metadata.title ? inlineRichText(metadata.title) : placeholderTitle(record.id),
    untitled: !metadata.title,
    authors: (metadata.authors ?? []).map((raw) => ({ raw, name: inlineRichText(raw).text })),
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
    topics: metadata.topics ?? null,
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

function newestFirst(a: Paper, b: Paper): number {
  return b.submitted.localeCompare(a.submitted) || b.id.localeCompare(a.id);
}
