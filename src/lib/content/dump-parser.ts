/**
 * The dump format: a sequence of records, each an abstract (one or more paragraph lines), an
 * optional arXiv comments line, and a marker `arXiv:<id>` at the start of a line. The next record's
 * abstract may follow the marker on the same line (`arXiv:2206.01958In this work, ...`).
 */
import { readLastLine } from "./comments.ts";
import { matchArxivId } from "./arxiv-id.ts";
import { describeCharacter, findControlCharacter } from "./content-text.ts";
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
  /**
   * How the comments were told from the abstract: written out (`Comments: ...`), read from what
   * the last line looks like, or none (a one-line record). Absent on records made elsewhere.
   */
  commentsFrom?: "explicit" | "reading" | "none";
  /** Line (1-based) of the record's last line before its marker: its comments or last paragraph. */
  lastLine?: number;
  /** The warning that the last line could be read the other way, or null (papers.yaml can settle it). */
  doubt?: Problem | null;
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
/**
 * A line that starts like a marker but is not written as one: another case (`ArXiv:`), a space
 * before the colon, another separator or none (`arXiv 2110.03888`), before something id-like.
 */
const NEAR_MARKER = /^(arxiv)(\s*[:;.,=\uFF1A]?\s*)(?=\d{1,5}\.\d|[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2})?\/\d)/i;
/**
 * A line whose first few characters end in a colon and an arXiv id (`arXv:2003.13198`, `0arXiv:...`,
 * `[arXiv:...`, `arXi v:...`): a marker with a typo; no abstract's paragraph starts so.
 */
const MISTYPED_MARKER = /^(.{0,20}?)[:;]\s?((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?)/i;
/** An id glued to a capitalised word inside a line (`figuresarXiv:2110.03888Mixture`): the line break before a marker was lost. */
const GLUED_MIDLINE = /(?:[:;]\s?|^\p{L}{1,8})(\d{4}\.\d{4,5}(?:v\d+)?)(?=\p{Lu})/u;
/** The written-out form of a comments line. */
const EXPLICIT_COMMENTS = /^comments\s*:\s*/i;
/** Characters that can stand invisibly before a marker: spaces, no-break and zero-width spaces, BOM, bidi marks, NUL. */
const INVISIBLE_PREFIX = /^[\0\s\u00A0\u1680\u2000-\u200F\u202A-\u202F\u205F-\u2064\u2066-\u206F\u3000\uFEFF]+/;
/** Line breaks other than LF, CR and CRLF: line and paragraph separators, NEL, VT, FF. */
const OTHER_BREAK = /[\u2028\u2029\u0085\v\f]/;

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

  const startRecord = (rest: string, lineNo: number) => {
    pending = rest ? [{ text: rest, line: lineNo }] : [];
  };

  lines.forEach((physicalLine, index) => {
    const lineNo = index + 1;
    const control = findControlCharacter(physicalLine);
    if (control) {
      problems.push({
        file,
        line: lineNo,
        message: OTHER_BREAK.test(control.char)
          ? `${describeCharacter(control.char)} at column ${control.column}: a line break that is not a newline, which the dump does not break lines at; replace it with a newline`
          : `${describeCharacter(control.char)} at column ${control.column}; control characters make feeds invalid XML, remove it`,
      });
    }
    // A marker after a break that is not LF or CR is still a marker: reading on is never silent (the break is an error above).
    for (const rawLine of physicalLine.split(OTHER_BREAK)) {
      const invisible = INVISIBLE_PREFIX.exec(rawLine)?.[0] ?? "";
      const line = rawLine.slice(invisible.length);
      const before = problems.length;
      const marker = MARKER.exec(line) ?? nearMarker(line, file, lineNo, problems, warnings);
      if (!marker) {
        const glued = problems.length === before ? GLUED_MIDLINE.exec(line) : null;
        if (glued) {
          problems.push({
            file,
            line: lineNo,
            message: `"${preview(line.slice(line.lastIndexOf(" ", glued.index) + 1, glued.index + glued[0].length))}" inside the line is an arXiv id glued to the next word, as a marker is glued to the next abstract: if a line break before the marker was lost, put "arXiv:${glued[1]}" at the start of a line; else put a space after the id`,
          });
        }
        const text = line.trim();
        if (text) pending.push({ text, line: lineNo });
        continue;
      }
      if (/[^\s]/.test(invisible) && !OTHER_BREAK.test(physicalLine)) {
        warnings.push({
          file,
          line: lineNo,
          message: `${describeCharacter(/[^\s]/.exec(invisible)![0])} before the marker; it is read as the marker "${line.trim().slice(0, 30)}". Remove the invisible character`,
        });
      }
      const afterMarker = line.slice(marker[0].length);
      const match = matchArxivId(afterMarker);
      if (!match.ok) {
        problems.push({ file, line: lineNo, message: match.message });
        pending = [];
        continue;
      }
      const { id, version } = match.arxivId;
      const record = closeRecord(pending, id, version, file, lineNo, problems, warnings);
      if (record) records.push(record);
      const rest = afterMarker.slice(match.length).trim();
      if (/^\d/.test(rest)) {
        const fixed = /^\d{4}\.\d{4}$/.test(id)
          ? `ids up to 1412 have 4 digits after the dot, so "${rest.slice(0, 20)}" is read as the next abstract`
          : `an id has no more digits, so "${rest.slice(0, 20)}" is read as the next abstract`;
        warnings.push({
          file,
          line: lineNo,
          message: `the text after arXiv:${id} starts with the digit "${rest[0]}": ${fixed}. If the digit belongs to the id, the id is wrong; else put the next abstract on its own line to silence this`,
        });
      }
      startRecord(rest, lineNo);
    }
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

/**
 * A near-marker (`ArXiv:2110.03888`, `arxiv: 2110.03888`, `arXiv 2110.03888`): read as the marker
 * with a warning when the line holds nothing else and the id is whole, so the intent is certain;
 * else an error, since the line would otherwise join two papers.
 */
function nearMarker(
  line: string,
  file: string,
  lineNo: number,
  problems: Problem[],
  warnings: Problem[],
): RegExpExecArray | null {
  const near = NEAR_MARKER.exec(line);
  const mistyped = near ? null : MISTYPED_MARKER.exec(line);
  if (mistyped) {
    problems.push({
      file,
      line: lineNo,
      message: `"${preview(line.trim())}" looks like a marker with a typo ("${mistyped[1]}:"); if it ends a record, write "arXiv:${mistyped[2]}" at the start of the line, else reword the line`,
    });
    return null;
  }
  if (!near) return null;
  const written = line.trim().split(/\s+/).slice(0, 2).join(" ");
  const after = line.slice(near[0].length);
  const match = matchArxivId(after);
  const certain = match.ok && after.slice(match.length).trim() === "";
  const fixed = match.ok ? `arXiv:${after.slice(0, match.length)}` : "arXiv:<id>";
  if (certain) {
    warnings.push({
      file,
      line: lineNo,
      message: `"${preview(line.trim())}" is read as the marker ${fixed}; write it exactly "${fixed}" (that case, a colon, no space)`,
    });
    return near;
  }
  problems.push({
    file,
    line: lineNo,
    message: match.ok
      ? `"${preview(line.trim())}" starts like a marker but is not written as one; if it ends a record, write "${fixed}" on a line of its own (the next abstract may follow it), else reword the line so it does not start with "${near[1]}"`
      : `"${written}" starts like a marker but its id is not whole (${match.message}); write the marker "arXiv:<id>" with the full id`,
  });
  return null;
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
  const base = { id, version, file, markerLine, doubt: null };
  if (!last) {
    problems.push({
      file,
      line: markerLine,
      message: `record arXiv:${id} has no abstract: nothing precedes its marker`,
    });
    return null;
  }
  pending.slice(0, -1).forEach((p) => {
    if (EXPLICIT_COMMENTS.test(p.text)) {
      problems.push({
        file,
        line: p.line,
        message: `a "Comments:" line inside the abstract of arXiv:${id}; arXiv's Comments come last, just before the marker: move this line down or remove "Comments:"`,
      });
    }
  });
  const explicit = EXPLICIT_COMMENTS.exec(last.text);
  if (explicit) {
    const comments = last.text.slice(explicit[0].length).trim();
    if (pending.length === 1 || !comments) {
      problems.push({
        file,
        line: last.line,
        message:
          pending.length === 1
            ? `record arXiv:${id} has a "Comments:" line but no abstract before it`
            : `the "Comments:" line of arXiv:${id} is empty; write the comments after it or remove the line`,
      });
      return null;
    }
    return {
      ...base,
      abstract: pending
        .slice(0, -1)
        .map((p) => p.text)
        .join("\n"),
      comments,
      commentsFrom: "explicit",
      lastLine: last.line,
      line: pending[0]!.line,
    };
  }
  const reading = readLastLine(last.text);
  // A record's only line is its abstract, even when it reads like comments: the owner is told.
  if (pending.length === 1) {
    if (reading.reading === "comments") {
      warnings.push({
        file,
        line: last.line,
        message: `record arXiv:${id} has one line, which reads like arXiv comments ("${preview(last.text)}"); it is taken as the abstract`,
      });
    }
    return { ...base, abstract: last.text, comments: null, commentsFrom: "none", lastLine: last.line, line: last.line };
  }
  const hasComments = reading.reading === "comments";
  const doubt: Problem | null = reading.doubt
    ? {
        file,
        line: last.line,
        message: `arXiv:${id}: the line "${preview(last.text)}" ${reading.doubt}. It is read as ${hasComments ? "the paper's Comments, not the abstract's last paragraph" : "the abstract's last paragraph, not the paper's Comments"}. To settle it, write ${hasComments ? `"Comments: ..." on that line in the dump` : `"Comments: ..." on that line`} or set "comments:" for ${id} in papers.yaml (null for none)`,
      }
    : null;
  if (doubt) warnings.push(doubt);
  const paragraphs = hasComments ? pending.slice(0, -1) : pending;
  return {
    ...base,
    abstract: paragraphs.map((p) => p.text).join("\n"),
    comments: hasComments ? last.text : null,
    commentsFrom: "reading",
    lastLine: last.line,
    doubt,
    line: pending[0]!.line,
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
