/**
 * The dump format: a sequence of records, each an abstract (one or more paragraph lines), an
 * optional arXiv comments line, and a marker `arXiv:<id>` at the start of a line. The next record's
 * abstract may follow the marker on the same line (`arXiv:2206.01958In this work, ...`).
 */
import { looksLikeComments } from "./comments.ts";
import { matchArxivId } from "./arxiv-id.ts";
import type { Problem } from "./problems.ts";

export interface DumpRecord {
  /** Canonical arXiv id, without version. */
  id: string;
  /** Version written in the marker, or null. */
  version: number | null;
  /** The abstract as written in the dump (TeX and all), its paragraphs joined by "\n". */
  abstract: string;
  /** The arXiv comments line, or null when the record has none. */
  comments: string | null;
  /** The dump file the record comes from. */
  file: string;
  /** Line (1-based) where the record's abstract starts. */
  line: number;
  /** Line (1-based) of the record's `arXiv:<id>` marker. */
  markerLine: number;
}

export interface ParsedDump {
  records: DumpRecord[];
  /** Errors: the catalogue must not be built from this input. */
  problems: Problem[];
  /** Doubtful readings worth telling the owner; the records are kept. */
  warnings: Problem[];
}

const MARKER = /^arXiv:\s*/;

interface Pending {
  text: string;
  line: number;
}

/**
 * Parses one dump. Never throws: every problem is returned with its line, and parsing goes on
 * past it so that one run reports them all.
 */
export function parseDump(source: string, file: string): ParsedDump {
  const records: DumpRecord[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let pending: Pending[] = [];

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const marker = MARKER.exec(rawLine);
    if (!marker) {
      const text = rawLine.trim();
      if (text) pending.push({ text, line: lineNo });
      return;
    }
    const afterMarker = rawLine.slice(marker[0].length);
    const match = matchArxivId(afterMarker);
    if (!match.ok) {
      problems.push({ file, line: lineNo, message: match.message });
      pending = [];
      return;
    }
    const record = closeRecord(pending, match.arxivId.id, match.arxivId.version, file, lineNo, problems, warnings);
    if (record) records.push(record);
    const rest = afterMarker.slice(match.length).trim();
    pending = rest ? [{ text: rest, line: lineNo }] : [];
  });

  if (pending.length > 0) {
    const first = pending[0]!;
    problems.push({
      file,
      line: first.line,
      message: records.length
        ? `text after the last record: "${preview(first.text)}". Every record ends with an "arXiv:<id>" line; add the marker for this abstract or remove the text`
        : `no "arXiv:<id>" marker found after "${preview(first.text)}". Every record ends with an "arXiv:<id>" line at the start of a line`,
    });
  }
  problems.push(...findDuplicates(records));
  return { records, problems, warnings };
}

function closeRecord(
  pending: Pending[],
  id: string,
  version: number | null,
  file: string,
  markerLine: number,
  problems: Problem[],
  warnings: Problem[],
): DumpRecord | null {
  const last = pending.at(-1);
  if (!last) {
    problems.push({
      file,
      line: markerLine,
      message: `record arXiv:${id} has no abstract: nothing precedes its marker`,
    });
    return null;
  }
  // A record's only line is its abstract, even when it reads like comments: the owner is told.
  if (pending.length === 1 && looksLikeComments(last.text)) {
    warnings.push({
      file,
      line: last.line,
      message: `record arXiv:${id} has one line, which reads like arXiv comments ("${preview(last.text)}"); it is taken as the abstract`,
    });
  }
  const hasComments = pending.length > 1 && looksLikeComments(last.text);
  const paragraphs = hasComments ? pending.slice(0, -1) : pending;
  return {
    id,
    version,
    abstract: paragraphs.map((p) => p.text).join("\n"),
    comments: hasComments ? last.text : null,
    file,
    line: pending[0]!.line,
    markerLine,
  };
}

/** Problems for every id that appears more than once, each naming where it first appeared. */
export function findDuplicates(records: DumpRecord[]): Problem[] {
  const first = new Map<string, DumpRecord>();
  const problems: Problem[] = [];
  for (const record of records) {
    const earlier = first.get(record.id);
    if (!earlier) {
      first.set(record.id, record);
      continue;
    }
    const where = earlier.file === record.file ? `line ${earlier.markerLine}` : `${earlier.file}:${earlier.markerLine}`;
    problems.push({
      file: record.file,
      line: record.markerLine,
      message: `arXiv:${record.id} appears twice: first at ${where}, again here. Keep one record per paper`,
    });
  }
  return problems;
}

/** Parses several dumps as one catalogue: records in file order, duplicates checked across files. */
export function parseDumps(dumps: { file: string; source: string }[]): ParsedDump {
  const parsed = dumps.map((d) => parseDump(d.source, d.file));
  const records = parsed.flatMap((p) => p.records);
  const withinFiles = parsed.flatMap((p) => p.problems);
  const acrossFiles = findDuplicates(records).filter(
    (p) => !withinFiles.some((q) => q.file === p.file && q.line === p.line),
  );
  return { records, problems: [...withinFiles, ...acrossFiles], warnings: parsed.flatMap((p) => p.warnings) };
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
