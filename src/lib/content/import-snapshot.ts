/**
 * arXiv's metadata snapshot, the bulk file researchers download (Kaggle's "arXiv Dataset",
 * `arxiv-metadata-oai-snapshot.json`): JSON lines, one paper a line, with `id`, `authors`,
 * `authors_parsed` ([family, given, suffix] each), `title`, `comments`, `journal-ref`, `doi`,
 * `categories` (space-separated), `abstract`, `versions` ([{version, created}]) and more.
 * It is millions of lines: `readSnapshot` streams it a line at a time and hands each paper the
 * owner chose (by category, first-version date, id list) to a callback, holding no other line.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArxivId } from "./arxiv-id.ts";
import type { Problem } from "./problems.ts";
import {
  abstractParagraphs,
  arxivCategories,
  firstVersionDate,
  oneLine,
  plainName,
  publisherDoi,
  type ImportedPaper,
} from "./imported-paper.ts";
import { splitAuthorLine } from "./import-oai.ts";

/** What to take from a snapshot; an absent field takes everything. */
export interface SnapshotFilter {
  /** A paper is taken when one of its categories is one of these, or is in one of these archives (`cs`). */
  categories?: string[];
  /** A paper is taken when its first version is on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  /** A paper is taken when its id is one of these. */
  ids?: Set<string>;
}

/** One line of the snapshot as a paper, or a problem at that line. */
export function parseSnapshotLine(text: string, file: string, line: number): ImportedPaper | Problem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { file, line, message: `not a JSON line: ${(error as Error).message}` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { file, line, message: "not a snapshot record: expected a JSON object with an id" };
  }
  const record = value as Record<string, unknown>;
  const str = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : undefined);
  const parsed = parseArxivId(str("id") ?? "");
  if (!parsed) return { file, line, message: `record has no arXiv id: "id" is ${JSON.stringify(record.id ?? null)}` };
  const paper: ImportedPaper = { id: parsed.id, version: null, source: { file, line } };
  const title = oneLine(str("title") ?? "");
  if (title) paper.title = title;
  const authors = authorsOf(record);
  if (authors.length) paper.authors = authors;
  const versions = Array.isArray(record.versions) ? (record.versions as { version?: unknown; created?: unknown }[]) : [];
  const first = versions.find((v) => v?.version === "v1");
  const submitted = firstVersionDate(typeof first?.created === "string" ? first.created : undefined);
  if (submitted) paper.submitted = submitted;
  const numbers = versions.map((v) => Number(String(v?.version ?? "").replace(/^v/, ""))).filter(Number.isFinite);
  if (numbers.length) paper.version = Math.max(...numbers);
  const categories = arxivCategories((str("categories") ?? "").split(/\s+/));
  if (categories.length) paper.categories = categories;
  const venue = oneLine(str("journal-ref") ?? "");
  if (venue) paper.venue = venue;
  const doi = publisherDoi(str("doi"));
  if (doi) paper.doi = doi;
  const abstract = abstractParagraphs(str("abstract") ?? "");
  if (abstract) paper.abstract = abstract;
  const comments = oneLine(str("comments") ?? "");
  if (comments) paper.comments = comments;
  return paper;
}

function authorsOf(record: Record<string, unknown>): string[] {
  const parsed = record.authors_parsed;
  if (Array.isArray(parsed) && parsed.length) {
    return parsed
      .map((parts) => {
        if (!Array.isArray(parts)) return "";
        const [family = "", given = "", suffix = ""] = parts.map((p) => (typeof p === "string" ? p : ""));
        return plainName([given, family, suffix].filter((p) => p.trim()).join(" "));
      })
      .filter(Boolean);
  }
  return typeof record.authors === "string" ? splitAuthorLine(record.authors) : [];
}

/** True when the paper is one the filter takes. */
export function snapshotFilterTakes(filter: SnapshotFilter, paper: ImportedPaper): boolean {
  if (filter.ids && !filter.ids.has(paper.id)) return false;
  if (filter.categories?.length) {
    const own = paper.categories ?? [];
    const wanted = filter.categories;
    if (!own.some((c) => wanted.includes(c) || wanted.includes(c.split(".")[0]!))) return false;
  }
  if (filter.from) {
    const parsed = parseArxivId(paper.id)!;
    const date = paper.submitted ?? `${parsed.year}-${String(parsed.month).padStart(2, "0")}-01`;
    if (date.slice(0, filter.from.length) < filter.from) return false;
  }
  return true;
}

export interface SnapshotReading {
  /** Lines read (blank lines included). */
  lines: number;
  /** Papers the filter took and the callback was given. */
  taken: number;
  /** Papers the filter left out. */
  filteredOut: number;
  problems: Problem[];
}

/**
 * Streams a snapshot file, calling `onPaper` for each paper the filter takes. With
 * `keepGoing` false it stops at the first bad line (its problem is returned); otherwise it
 * records each and reads on.
 */
export async function readSnapshot(
  path: string,
  file: string,
  filter: SnapshotFilter,
  onPaper: (paper: ImportedPaper) => void,
  keepGoing: boolean,
): Promise<SnapshotReading> {
  const reading: SnapshotReading = { lines: 0, taken: 0, filteredOut: 0, problems: [] };
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const raw of lines) {
    reading.lines++;
    const text = reading.lines === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (!text.trim()) continue;
    const read = parseSnapshotLine(text, file, reading.lines);
    if ("message" in read) {
      reading.problems.push(read);
      if (!keepGoing) {
        lines.close();
        break;
      }
      continue;
    }
    if (!snapshotFilterTakes(filter, read)) {
      reading.filteredOut++;
      continue;
    }
    reading.taken++;
    onPaper(read);
  }
  return reading;
}
