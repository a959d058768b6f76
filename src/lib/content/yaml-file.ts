/**
 * Reading the catalogue's YAML files with line numbers, so that every problem in them is
 * reported as `file:line: message`. Scalars are read as strings (YAML's failsafe schema): an id
 * key such as `2105.14770` must stay that text, not become the number 2105.1477.
 *
 * Nothing YAML would change silently gets through: a double-quoted string whose escapes make
 * control characters (`"\emph"` is ESC + `mph`), an invalid escape (`"\log"`), a control character,
 * a key listed twice, and aliases (`*name`, which can also multiply a file into gigabytes).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from "yaml";
import type { z } from "zod";
import { describeCharacter, findControlCharacter } from "./content-text.ts";
import type { Problem } from "./problems.ts";

export interface YamlFile {
  file: string;
  doc: Document;
  lineOf(node: Node | Pair | null | undefined): number;
}

export interface ReadYamlOptions {
  /** Leave keys listed twice in the top-level mapping to the caller, which can name them better. */
  rootDuplicates?: "report" | "caller";
}

/** What YAML's one-letter escapes make, where that is a control character (TeX's \theta, \nu, \emph begin with them). */
const CONTROL_ESCAPES: Record<string, string> = {
  "0": "NUL",
  a: "a bell",
  b: "a backspace",
  t: "a tab",
  n: "a line break",
  v: "a vertical tab",
  f: "a form feed",
  r: "a carriage return",
  e: "ESC",
  N: "a NEL line break",
  L: "a line separator",
  P: "a paragraph separator",
};

/** The first escape of a double-quoted scalar's source that makes a control character (a tab and a line break included). */
function controlEscape(raw: string): { text: string; makes: string } | null {
  for (const m of raw.matchAll(/\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[^])/g)) {
    const text = m[0];
    const letter = text[1]!;
    if (letter in CONTROL_ESCAPES) return { text, makes: CONTROL_ESCAPES[letter]! };
    if (text.length > 2) {
      const char = String.fromCodePoint(parseInt(text.slice(2), 16));
      if (/[\t\n\r]/.test(char) || findControlCharacter(char)) return { text, makes: describeCharacter(char) };
    }
  }
  return null;
}
const TEX_ADVICE =
  "write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash";

/** Parses YAML source; syntax errors and the problems above come back as problems, never thrown. */
export function readYaml(
  rawSource: string,
  file: string,
  options: ReadYamlOptions = {},
): { yaml: YamlFile; problems: Problem[] } {
  // YAML breaks lines at CR too, but the parser takes a CR-only file for one line: read every line end as LF.
  const source = rawSource.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: "failsafe", lineCounter, uniqueKeys: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const target = node && "range" in node ? node : node && "key" in node ? (node.key as Node | null) : null;
    const offset = target?.range?.[0];
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  };
  const problems: Problem[] = [];
  source.split("\n").forEach((line, index) => {
    const control = findControlCharacter(line);
    if (control) {
      problems.push({
        file,
        line: index + 1,
        message: `${describeCharacter(control.char)} at column ${control.column}; control characters make feeds invalid, remove it`,
      });
    }
  });
  for (const error of doc.errors) {
    const line = error.linePos?.[0].line ?? 0;
    const escape = error.code === "BAD_DQ_ESCAPE" ? /Invalid escape sequence (\\\S{1,9})/.exec(error.message) : null;
    problems.push({
      file,
      line,
      message: escape
        ? `"${escape[1]}" is not an escape a double-quoted YAML string knows (TeX such as \\log is not); ${TEX_ADVICE}`
        : `invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
    });
  }
  const yaml = { file, doc, lineOf };
  problems.push(...nodeProblems(yaml, source, options));
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(`${p.line}:${p.message}`) && seen.add(`${p.line}:${p.message}`));
  return { yaml, problems: unique.sort((a, b) => a.line - b.line) };
}

function nodeProblems(yaml: YamlFile, source: string, options: ReadYamlOptions): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | Pair, message: string) =>
    problems.push({ file: yaml.file, line: yaml.lineOf(node), message });
  visit(yaml.doc, {
    Alias(_key, node) {
      at(
        node,
        `the alias *${node.source} repeats a value written elsewhere; content files take no aliases: write the value out`,
      );
    },
    Scalar(_key, node) {
      if (node.anchor)
        at(node, `the anchor &${node.anchor} is for aliases, which content files do not take; remove it`);
      if (node.type !== "QUOTE_DOUBLE" || typeof node.value !== "string") return;
      const raw = node.range ? source.slice(node.range[0], node.range[1]) : "";
      const escape = controlEscape(raw);
      const control = findControlCharacter(node.value);
      if (escape) {
        at(
          node,
          `in this double-quoted string "${escape.text}" is a YAML escape and makes ${escape.makes}, not TeX; ${TEX_ADVICE}`,
        );
      } else if (control) {
        at(node, `this double-quoted string holds ${describeCharacter(control.char)}; ${TEX_ADVICE}`);
      }
    },
    Map(_key, node, path) {
      if (node.anchor)
        at(node, `the anchor &${node.anchor} is for aliases, which content files do not take; remove it`);
      if (path.length === 1 && options.rootDuplicates === "caller") return;
      const first = new Map<string, Pair>();
      for (const pair of node.items) {
        const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const earlier = first.get(name);
        if (earlier)
          at(
            pair,
            `"${name}" is listed twice in this mapping, at lines ${yaml.lineOf(earlier)} and ${yaml.lineOf(pair)}; keep one`,
          );
        else first.set(name, pair);
      }
    },
    Seq(_key, node) {
      if (node.anchor)
        at(node, `the anchor &${node.anchor} is for aliases, which content files do not take; remove it`);
    },
  });
  return problems;
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

/** The key node of a field of the mapping at a path, for problems about the field itself. */
function fieldKeyAt(doc: Document, path: (string | number)[], field: string): Node | null {
  const parent = nodeAt(doc, path);
  if (!isMap(parent)) return null;
  const pair = parent.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === field);
  return (pair?.key as Node | undefined) ?? null;
}

/**
 * Problems for the issues of a failed zod parse, each located at the offending node's line. With
 * the schema's `fields`, an unknown field is reported on its own line with the nearest known one.
 */
export function zodProblems(
  yaml: YamlFile,
  error: z.ZodError,
  prefix: (string | number)[] = [],
  fields: readonly string[] = [],
): Problem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const near = nearestField(key, fields);
        return {
          file: yaml.file,
          line: yaml.lineOf(fieldKeyAt(yaml.doc, path, key) ?? nodeAt(yaml.doc, path)),
          message: `unknown field "${key}"${near ? `; did you mean "${near}"?` : fields.length ? ` (known fields: ${fields.join(", ")})` : ""}`,
        };
      });
    }
    const field = issue.path.length ? issue.path.join(".") : null;
    return [
      {
        file: yaml.file,
        line: yaml.lineOf(nodeAt(yaml.doc, path)),
        message: field ? `${field}: ${describeIssue(issue)}` : describeIssue(issue),
      },
    ];
  });
}

/** The known field a misspelt one most likely meant (`venue-url` -> `venue_url`, `titel` -> `title`), or null. */
export function nearestField(field: string, fields: readonly string[]): string | null {
  const norm = (name: string) => name.toLowerCase().replace(/[-\s]/g, "_");
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of fields) {
    const distance = norm(field) === norm(known) ? 0 : editDistance(norm(field), norm(known));
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return bestDistance <= (field.length >= 5 ? 2 : 1) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.received === "undefined"
      ? `is required (${issue.expected})`
      : `expected ${kindName(issue.expected)}, found ${kindName(issue.received)}`;
  }
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
