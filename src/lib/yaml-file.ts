/**
 * Reading the catalogue's YAML files with line numbers, so that every problem in them is
 * reported as `file:line: message`. Scalars are read as strings (YAML's failsafe schema): an id
 * key such as `2105.14770` must stay that text, not become the number 2105.1477.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problems.ts";

export interface YamlFile {
  file: string;
  doc: Document;
  lineOf(node: Node | Pair | null | undefined): number;
}

/** Parses YAML source; syntax errors come back as problems, never thrown. */
export function readYaml(source: string, file: string): { yaml: YamlFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ""), { schema: "failsafe", lineCounter, uniqueKeys: true });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const target = node && "range" in node ? node : node && "key" in node ? (node.key as Node | null) : null;
    const offset = target?.range?.[0];
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  };
  const problems = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 0,
    message: `invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  return { yaml: { file, doc, lineOf }, problems };
}

/** The node at a path of keys and indexes, or the deepest existing ancestor for a line number. */
export function nodeAt(doc: Document, path: (string | number)[]): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(key));
      if (!pair) break;
      node = pair.value ?? pair.key;
      found = (node as Node | null) ?? found;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (!node) break;
      found = node as Node;
    } else break;
  }
  return found;
}

/** Problems for the issues of a failed zod parse, each located at the offending node's line. */
export function zodProblems(yaml: YamlFile, error: z.ZodError, prefix: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const field = issue.path.length ? issue.path.join(".") : null;
    return {
      file: yaml.file,
      line: yaml.lineOf(nodeAt(yaml.doc, path)),
      message: field ? `${field}: ${describeIssue(issue)}` : describeIssue(issue),
    };
  });
}

function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.received === "undefined"
      ? `is required (${issue.expected})`
      : `expected ${kindName(issue.expected)}, found ${kindName(issue.received)}`;
  }
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

function kindName(type: string): string {
  switch (type) {
    case "string":
      return "a text value";
    case "array":
      return "a list";
    case "object":
      return "a mapping of fields";
    case "null":
      return "nothing";
    default:
      return type;
  }
}
