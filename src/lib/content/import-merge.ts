/**
 * Merging imported papers into a content folder without clobbering it. papers.yaml is edited
 * through the `yaml` package's Document (comments, order, quoting and every value the owner
 * wrote are kept); a field the entry lacks is filled, a field it has with another value is a
 * conflict, reported and left as the owner wrote it unless `overwrite` is set. A paper the
 * dumps lack gets a dump record (handed to `writeRecord` at once, so a large import holds no
 * abstracts) and a new entry, appended after the owner's. Merging the same papers twice changes
 * nothing the second time.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Pair } from "yaml";
import { parseArxivId } from "./arxiv-id.ts";
import { formatProblem, type Problem } from "./problems.ts";
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
  private readonly source: string;
  /** The owner's entries by id: the key's pair, and its map of fields (null for `'id':` with nothing under it). */
  private readonly entries = new Map<string, { pair: Pair; map: YAMLMap | null }>();
  /** Fields to add to an owner's entry, and fields whose owner's value --overwrite replaces. */
  private readonly fills = new Map<string, Map<ImportedField, Value>>();
  private readonly replacements = new Map<string, Map<ImportedField, Value>>();
  /** New entries' fields, kept as JSON text: a large import holds a string per paper, not a graph of objects the collector must trace. */
  private readonly added = new Map<string, string>();
  private readonly indentSeq: boolean;
  readonly summaries = new Map<string, FileSummary>();

  constructor(options: MergeOptions) {
    this.options = options;
    const source = options.papersYaml.source;
    this.source = source?.replace(/^\uFEFF/, "") ?? "";
    // Lists are written as the owner's are: `- ` under its key's indentation, or deeper.
    this.indentSeq = source !== null && /^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1 +- /m.test(source);
    if (source === null || !source.trim()) {
      return;
    }
    const doc = parseDocument(this.source, { schema: "failsafe", uniqueKeys: true });
    if (doc.errors.length) throw new Error(`${options.papersYaml.file}: invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    if (doc.contents !== null && !isMap(doc.contents)) {
      throw new Error(`${options.papersYaml.file}: expected a mapping from arXiv ids to paper fields`);
    }
    for (const pair of (doc.contents as YAMLMap | null)?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const id = parseArxivId(key)?.id;
      if (id && isMap(pair.value)) this.entries.set(id, { pair: pair as Pair, map: pair.value });
      else if (id && (pair.value === null || (isScalar(pair.value) && pair.value.value === ""))) {
        this.entries.set(id, { pair: pair as Pair, map: null });
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
    const stored = this.added.get(paper.id);
    const pending = stored === undefined ? undefined : new Map(JSON.parse(stored) as [ImportedField, Value][]);
    const existing = this.entries.get(paper.id);
    if (!pending && !existing) {
      this.added.set(paper.id, JSON.stringify([...incoming]));
      return "filled";
    }
    let filled = false;
    for (const [field, value] of incoming) {
      const current = pending ? pending.get(field) : this.ownerValue(paper.id, existing!.map, field);
      if (current === undefined) {
        if (pending) pending.set(field, value);
        else getOrMake(this.fills, paper.id).set(field, value);
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
          else if (this.fills.get(paper.id)?.has(field)) this.fills.get(paper.id)!.set(field, value);
          else getOrMake(this.replacements, paper.id).set(field, value);
          filled = true;
        }
      }
    }
    if (pending && filled) this.added.set(paper.id, JSON.stringify([...pending]));
    return filled ? "filled" : "kept";
  }

  /** A field's value as this run leaves it: what it fills or replaces, else what the owner wrote. */
  private ownerValue(id: string, map: YAMLMap | null, field: ImportedField): Value | undefined {
    return this.replacements.get(id)?.get(field) ?? this.fills.get(id)?.get(field) ?? (map ? readField(map, field) : undefined);
  }

  private node(value: Value): Scalar | YAMLSeq {
    if (typeof value === "string") return scalar(value);
    const seq = new YAMLSeq();
    for (const item of value) seq.add(scalar(item));
    return seq;
  }

  /**
   * The new papers.yaml text, or null when nothing in it changes. The owner's text is edited in
   * place (fields added after an entry's last, replaced values rewritten where they stand), so
   * every other byte of it stays as written; new entries follow it.
   */
  papersYamlText(): string | null {
    if (!this.fills.size && !this.replacements.size && !this.added.size) return null;
    const edits: { from: number; to: number; text: string }[] = [];
    for (const [id, fields] of this.replacements) {
      const map = this.entries.get(id)!.map!;
      for (const [field, value] of fields) {
        const node = map.get(field, true) as Scalar | YAMLSeq;
        edits.push({ from: node.range![0], to: node.range![1], text: this.inline(value) });
      }
    }
    for (const [id, fields] of this.fills) edits.push(this.fillEdit(this.entries.get(id)!, fields));
    let head = this.source;
    for (const edit of edits.sort((a, b) => b.from - a.from)) head = head.slice(0, edit.from) + edit.text + head.slice(edit.to);
    if (this.added.size === 0) return head;
    // New entries are written a thousand at a time, so that a large import never holds them all as YAML nodes.
    const chunks: string[] = [];
    const ids = [...this.added.keys()];
    for (let start = 0; start < ids.length; start += 1000) {
      const appended = new Document(null, { schema: "failsafe" });
      const map = new YAMLMap();
      for (const id of ids.slice(start, start + 1000)) {
        const key = new Scalar(id);
        key.type = "QUOTE_SINGLE";
        key.spaceBefore = true;
        map.items.push(appended.createPair(key, this.fieldMap(new Map(JSON.parse(this.added.get(id)!) as [ImportedField, Value][]))));
      }
      appended.contents = map;
      chunks.push(this.stringify(appended));
    }
    const separator = head === "" || head.endsWith("\n") ? "" : "\n";
    return `${head}${separator}${chunks.join("").replace(/^\n/, head === "" ? "" : "\n")}`;
  }

  private fieldMap(fields: Map<ImportedField, Value>): YAMLMap {
    const map = new YAMLMap();
    for (const field of IMPORTED_FIELDS) {
      const value = fields.get(field);
      if (value !== undefined) map.set(new Scalar(field), this.node(value));
    }
    return map;
  }

  /** A value written in place of another: on one line, in flow style for a list. */
  private inline(value: Value): string {
    const node = this.node(value);
    if (node instanceof YAMLSeq) node.flow = true;
    return new Document(node, { schema: "failsafe" }).toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  }

  /** Text that adds fields to an owner's entry: after its last field, at its fields' indentation. */
  private fillEdit(entry: { pair: Pair; map: YAMLMap | null }, fields: Map<ImportedField, Value>): { from: number; to: number; text: string } {
    const { map, pair } = entry;
    if (map?.flow) {
      const merged = new YAMLMap();
      merged.flow = true;
      for (const item of map.items) merged.items.push(item);
      for (const item of this.fieldMap(fields).items) merged.items.push(item);
      return { from: map.range![0], to: map.range![1], text: this.inlineMap(merged) };
    }
    const last = map?.items.at(-1);
    const keyNode = pair.key as Scalar;
    const lastEnd = last ? ((last.value as Scalar | null)?.range?.[1] ?? (last.key as Scalar).range![1]) : keyNode.range![1];
    const lineEnd = this.source.indexOf("\n", lastEnd);
    const at = lineEnd === -1 ? this.source.length : lineEnd + 1;
    const firstKey = (map?.items[0]?.key as Scalar | undefined)?.range?.[0];
    const indent = firstKey === undefined ? this.column(keyNode.range![0]) + 2 : this.column(firstKey);
    const body = new Document(this.fieldMap(fields), { schema: "failsafe" }).toString({
      lineWidth: 0,
      indentSeq: this.indentSeq,
      flowCollectionPadding: false,
    });
    const text = body
      .split("\n")
      .map((line) => (line ? " ".repeat(indent) + line : line))
      .join("\n");
    return { from: at, to: at, text: `${lineEnd === -1 && this.source ? "\n" : ""}${text}` };
  }

  private inlineMap(map: YAMLMap): string {
    return new Document(map, { schema: "failsafe" }).toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  }

  private column(offset: number): number {
    return offset - (this.source.lastIndexOf("\n", offset - 1) + 1);
  }

  private stringify(doc: Document): string {
    return doc.toString({ lineWidth: 0, indentSeq: this.indentSeq, flowCollectionPadding: false });
  }
}

function getOrMake<K, V>(map: Map<string, Map<K, V>>, id: string): Map<K, V> {
  let inner = map.get(id);
  if (!inner) map.set(id, (inner = new Map()));
  return inner;
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

/**
 * What YAML's core schema (and YAML 1.1's booleans) would read as something other than text:
 * null, booleans, numbers. Tested by pattern rather than by parsing, since an import writes
 * hundreds of thousands of scalars.
 */
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+)|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A string scalar, quoted where another YAML reader would take it for a number, a boolean or null. */
function scalar(value: string): Scalar {
  const node = new Scalar(value);
  if (value === "" || NOT_TEXT.test(value)) node.type = "QUOTE_SINGLE";
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
