/**
 * Writing one paper as a dump record (the format `dump-parser.ts` reads): its abstract, a line
 * per paragraph; its Comments line; its `arXiv:<id>vN` marker. The Comments line is written
 * bare when the dump parser reads a bare line of that text as comments, and in the explicit
 * `Comments: ...` form otherwise, so that reading the record back gives the source's text.
 */
import { looksLikeComments } from "../comments.ts";

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
  const lines = [...paragraphs];
  let warning: string | null = null;
  if (comments) lines.push(looksLikeComments(comments) ? comments : `Comments: ${comments}`);
  else if (paragraphs.length > 1 && looksLikeComments(paragraphs.at(-1)!)) {
    warning = `arXiv:${record.id}: the abstract's last paragraph ("${paragraphs.at(-1)!.slice(0, 60)}") reads like arXiv comments and the paper has none; the dump parser will take it as comments`;
  }
  lines.push(`arXiv:${record.id}${record.version ? `v${record.version}` : ""}`);
  return { ok: true, text: `${lines.join("\n")}\n`, warning };
}
