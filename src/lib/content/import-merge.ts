/**
 * Merging imported papers into a content folder without clobbering it. papers.yaml is edited
 * through the `yaml` package's Document (comments, order, quoting and every value the owner
 * wrote are kept); a field the entry lacks is filled, a field it has with another value is a
 * conflict, reported and left as the owner wrote it unless `overwrite` is set. A paper the
 * dumps lack gets a dump record (handed to `writeRecord` at once, so a large import holds no
 * abstracts) and a new entry, appended after the owner's. Merging the same papers twice changes
 * nothing the second time.
 */
import { Document, isMap, isScalar, isSeq, parse, parseDocument, Scalar, YAMLMap, YAMLSeq, type Pair } from "yaml";
import { parseArxivId } from "../arxiv-id.ts";
import { formatProblem, type Problem } from "../problems.ts";
import { writeDumpRecord } from "./dump-record-writer.ts";
import { IMPORTED_FIELDS, type ImportedField, type ImportedPaper } from "./imported-paper.ts";

/** A paper the dumps already have: where its record is and its Comments line. */
export interface DumpedPaper {
  file: string;
  line: number;
  comments: string | null;
}

export interface MergeOptions {
  /** papers.yaml as it is now (null when the folder has none), and the path to name in messages. */
  papersYaml: { file: string; source: string | null };
  /** Every paper of the folder's dumps, by id. */
  dumped: Map<string, DumpedPaper>;
  /** The dump file new records go to, as named in messages. */
  dumpFile: string;
  /** Replace the owner's values with the source's. */
  overwrite: boolean;
  /** Receives each new dump record's text as soon as it is made. */
  writeRecord: (text: string) => void;
}

/** What one import file did. */
export interface FileSummary {
  /** Papers new to the catalogue: a dump record and a papers.yaml entry. */
  added: string[];
  /** Papers that had a record and got fields they lacked. */
  filled: string[];
  /** Papers that had everything the source gives (or kept the owner's values in conflicts). */
  kept: string[];
  /** Papers not imported, with why. */
  skipped: Problem[];
  /** The owner's value against the source's, one per field. */
  conflicts: Problem[];
  /** Things the owner should look at; the paper was imported. */
  warnings: Problem[];
}

type Value = string | string[];

export class ContentMerge {
  private readonly options: MergeOptions;
  private readonly doc: Document | null;
  private readonly entries = new Map<string, YAMLMap>();
  private readonly added = new Map<string, Map<ImportedField, Value>>();
  private readonly indentSeq: boolean;
  private changedExisting = false;
  readonly summaries = new Map<string, FileSummary>();

  constructor(options: MergeOptions) {
    this.options = options;
    const source = options.papersYaml.source;
    // Lists are written as the owner's are: `- ` under its key's indentation, or deeper.
    this.indentSeq = source !== null && /^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1 +- /m.test(source);
    if (source === null || !source.trim()) {
      this.doc = null;
      return;
    }
    const doc = parseDocument(source.replace(/^\uFEFF/, ""), { schema: "failsafe", uniqueKeys: true });
    if (doc.errors.length) throw new Error(`${options.papersYaml.file}: invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    if (doc.contents !== null && !isMap(doc.contents)) {
      throw new Error(`${options.papersYaml.file}: expected a mapping from arXiv ids to paper fields`);
    }
    this.doc = doc;
    for (const pair of (doc.contents as YAMLMap | null)?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const id = parseArxivId(key)?.id;
      if (id && isMap(pair.value)) this.entries.set(id, pair.value);
      else if (id && (pair.value === null || (isScalar(pair.value) && pair.value.value === ""))) {
        const map = new YAMLMap();
        (pair as Pair<unknown, unknown>).value = map;
        this.entries.set(id, map);
      }
    }
  }

  /** The summary of one source file, made on first use. */
  summary(file: string): FileSummary {
    let summary = this.summaries.get(file);
    if (!summary) {
      summary = { added: [], filled: [], kept: [], skipped: [], conflicts: [], warnings: [] };
      this.summaries.set(file, summary);
    }
    return summary;
  }

  /** Notes a paper the source names but the import does not take, under its file. */
  skip(problem: Problem): void {
    this.summary(problem.file).skipped.push(problem);
  }

  /** Merges one imported paper. */
  add(paper: ImportedPaper): void {
    const summary = this.summary(paper.source.file);
    const at = (message: string): Problem => ({ file: paper.source.file, line: paper.source.line, message });
    const dumped = this.options.dumped.get(paper.id);
    let isNew = false;
    if (!dumped) {
      if (!paper.abstract) {
        summary.skipped.push(
          at(
            `arXiv:${paper.id} is not in the catalogue and this source has no abstract; add its record to a dump, or import it from arXiv with --arxiv ${paper.id}`,
          ),
        );
        return;
      }
      const written = writeDumpRecord({
        id: paper.id,
        version: paper.version,
        abstract: paper.abstract,
        comments: paper.comments ?? null,
      });
      if (!written.ok) {
        summary.skipped.push(at(written.message));
        return;
      }
      if (written.warning) summary.warnings.push(at(written.warning));
      this.options.writeRecord(written.text);
      this.options.dumped.set(paper.id, { file: this.options.dumpFile, line: 0, comments: paper.comments ?? null });
      isNew = true;
    } else if (paper.comments && dumped.comments !== null && dumped.comments !== paper.comments) {
      summary.conflicts.push(
        at(
          `arXiv:${paper.id}: comments: the dump has "${dumped.comments}" (${dumped.file}:${dumped.line}), this source "${paper.comments}"; the dump is kept (edit its Comments line to change it)`,
        ),
      );
    }
    const outcome = this.fill(paper, summary, at);
    if (isNew) summary.added.push(paper.id);
    else if (outcome === "filled") summary.filled.push(paper.id);
    else summary.kept.push(paper.id);
  }

  private fill(paper: ImportedPaper, summary: FileSummary, at: (message: string) => Problem): "filled" | "kept" {
    const incoming = fieldsOf(paper);
    const pending = this.added.get(paper.id);
    let existing = this.entries.get(paper.id);
    if (!pending && !existing) {
      this.added.set(paper.id, incoming);
      return "filled";
    }
    let filled = false;
    for (const [field, value] of incoming) {
      const current = pending ? pending.get(field) : readField(existing!, field);
      if (current === undefined) {
        if (pending) pending.set(field, value);
        else {
          existing!.set(this.scalarKey(field), this.node(value));
          this.changedExisting = true;
        }
        filled = true;
      } else if (!sameValue(current, value)) {
        const overwrite = this.options.overwrite;
        summary.conflicts.push(
          at(
            `arXiv:${paper.id}: ${field}: ${pending ? "an earlier source" : this.options.papersYaml.file} has ${show(current)}, this source ${show(value)}; ${overwrite ? "replaced (--overwrite)" : "kept (--overwrite replaces it)"}`,
          ),
        );
        if (overwrite) {
          if (pending) pending.set(field, value);
          else {
            existing = existing!;
            existing.set(this.scalarKey(field), this.node(value));
            this.changedExisting = true;
          }
          filled = true;
        }
      }
    }
    return filled ? "filled" : "kept";
  }

  private scalarKey(field: string): Scalar {
    return new Scalar(field);
  }

  private node(value: Value): Scalar | YAMLSeq {
    if (typeof value === "string") return scalar(value);
    const seq = new YAMLSeq();
    for (const item of value) seq.add(scalar(item));
    return seq;
  }

  /** The new papers.yaml text, or null when nothing in it changes. */
  papersYamlText(): string | null {
    if (!this.changedExisting && this.added.size === 0) return null;
    const original = this.options.papersYaml.source?.replace(/^\uFEFF/, "") ?? "";
    const head = this.changedExisting && this.doc ? this.stringify(this.doc) : original;
    if (this.added.size === 0) return head;
    const appended = new Document(null, { schema: "failsafe" });
    const map = new YAMLMap();
    for (const [id, fields] of this.added) {
      const key = new Scalar(id);
      key.type = "QUOTE_SINGLE";
      key.spaceBefore = true;
      const entry = new YAMLMap();
      for (const field of IMPORTED_FIELDS) {
        const value = fields.get(field);
        if (value !== undefined) entry.set(new Scalar(field), this.node(value));
      }
      map.items.push(appended.createPair(key, entry));
    }
    appended.contents = map;
    const separator = head === "" ? "" : head.endsWith("\n") ? "" : "\n";
    return `${head}${separator}${this.stringify(appended).replace(/^\n/, head === "" ? "" : "\n")}`;
  }

  private stringify(doc: Document): string {
    return doc.toString({ lineWidth: 0, indentSeq: this.indentSeq, flowCollectionPadding: false });
  }
}

function fieldsOf(paper: ImportedPaper): Map<ImportedField, Value> {
  const fields = new Map<ImportedField, Value>();
  for (const field of IMPORTED_FIELDS) {
    const value = paper[field];
    if (value !== undefined && (typeof value === "string" ? value.trim() : value.length)) fields.set(field, value);
  }
  return fields;
}

function readField(entry: YAMLMap, field: string): Value | undefined {
  const node = entry.get(field, true);
  if (node === undefined || node === null) return undefined;
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? String(item.value) : String(item)));
  if (isScalar(node)) return node.value === null ? undefined : String(node.value);
  return String(node);
}

function sameValue(a: Value, b: Value): boolean {
  if (typeof a === "string" || typeof b === "string") return String(a).trim() === String(b).trim();
  return a.length === b.length && a.every((item, i) => item.trim() === b[i]!.trim());
}

function show(value: Value): string {
  return typeof value === "string" ? `"${value}"` : `[${value.join(", ")}]`;
}

/** A string scalar, quoted where YAML's core schema would read it as something else (a number, a boolean, null). */
function scalar(value: string): Scalar {
  const node = new Scalar(value);
  let core: unknown;
  try {
    core = parse(value);
  } catch {
    core = value;
  }
  if (typeof core !== "string") node.type = "QUOTE_SINGLE";
  return node;
}

/** Each summary as the lines the import command prints. */
export function describeSummary(file: string, summary: FileSummary): string[] {
  const count = (n: number, what: string) => `${n} ${what}`;
  const lines = [
    `${file}: ${count(summary.added.length, "added")}, ${count(summary.filled.length, "filled")}, ${count(summary.kept.length, "kept")}, ${count(summary.skipped.length, "skipped")}, ${count(summary.conflicts.length, summary.conflicts.length === 1 ? "conflict" : "conflicts")}`,
  ];
  for (const problem of [...summary.conflicts, ...summary.skipped, ...summary.warnings]) lines.push(`  ${formatProblem(problem)}`);
  return lines;
}
