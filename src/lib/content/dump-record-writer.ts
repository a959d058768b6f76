/**
 * Writing one paper as a dump record (the format `dump-parser.ts` reads): its abstract, a line
 * per paragraph; its Comments line; its `arXiv:<id>vN` marker. The Comments line is written
 * bare when the dump parser reads the record back with exactly those comments and that
 * abstract, and in the explicit `Comments: ...` form otherwise; the record is read back by the
 * dump parser itself, so the choice follows whatever the parser makes of a bare line.
 */
import { parseDump } from "./dump-parser.ts";

export interface RecordToWrite {
  id: string;
  version: number | null;
  abstract: string;
  comments?: string | null;
}

export type WrittenRecord = { ok: true; text: string; warning: string | null } | { ok: false; message: string };

/** A line that the dump parser would read as a marker, or that looks like one and is an error. */
const MARKER_LIKE = /^\s*arxiv\s*:/i;

/** The record's text, ending in a line break; or why it cannot be written. */
export function writeDumpRecord(record: RecordToWrite): WrittenRecord {
  const paragraphs = record.abstract
    .split("\n")
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (!paragraphs.length) return { ok: false, message: `arXiv:${record.id} has no abstract to write` };
  const markerLike = paragraphs.find((p) => MARKER_LIKE.test(p));
  if (markerLike) {
    return {
      ok: false,
      message: `arXiv:${record.id}: an abstract paragraph starts like an "arXiv:" marker ("${markerLike.slice(0, 40)}"), which a dump cannot hold`,
    };
  }
  const comments = record.comments?.replace(/\s+/g, " ").trim() || null;
  const marker = `arXiv:${record.id}${record.version ? `v${record.version}` : ""}`;
  const abstract = paragraphs.join("\n");
  const reads = (text: string) => {
    const parsed = parseDump(text, "record");
    const read = parsed.records[0];
    return parsed.problems.length === 0 && parsed.warnings.length === 0 && read?.abstract === abstract && read.comments === comments;
  };
  const bare = `${[...paragraphs, ...(comments ? [comments] : []), marker].join("\n")}\n`;
  if (reads(bare)) return { ok: true, text: bare, warning: null };
  if (!comments) {
    return {
      ok: true,
      text: bare,
      warning: `arXiv:${record.id}: the dump parser does not read this abstract back as written (its last paragraph, "${paragraphs.at(-1)!.slice(0, 60)}", may read as arXiv comments, which the paper has none of); check the record`,
    };
  }
  return { ok: true, text: `${[...paragraphs, `Comments: ${comments}`, marker].join("\n")}\n`, warning: null };
}
