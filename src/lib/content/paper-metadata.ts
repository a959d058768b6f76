/**
 * `content/papers.yaml`: what a dump lacks, by arXiv id. Optional, and every field in it is
 * optional; a field that is not known is left out rather than guessed.
 */
import { isMap, isNode, isScalar, isSeq, type Node } from "yaml";
import { z } from "zod";
import { parseArxivId } from "./arxiv-id.ts";
import type { Problem } from "./problems.ts";
import { readYaml, zodProblems } from "./yaml-file.ts";

const text = z.string().trim().min(1, "is empty; remove the field or give it a value");
const url = text.refine(
  (u) => /^https?:\/\/\S+$/i.test(u) && URL.canParse(u),
  "is not a web address (expected https://...)",
);

function isRealDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

/** One paper's entry in papers.yaml. */
export const paperMetadataSchema = z
  .object({
    /** The title, TeX allowed (`R\'{e}nyi`, `$k$`). */
    title: text.optional(),
    /** Authors in the paper's order, as they should be shown. */
    authors: z.array(text).min(1, "is an empty list; remove the field or name the authors").optional(),
    /** Date of first submission to arXiv, YYYY-MM-DD (else the month the id encodes). */
    submitted: text.refine(isRealDate, "must be a real date written YYYY-MM-DD").optional(),
    /** arXiv categories, primary first (`cs.CL`). */
    categories: z.array(text.regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "is not an arXiv category such as cs.CL")).optional(),
    /** Where the paper was published, in full. */
    venue: text.optional(),
    /** The venue's page for the paper. */
    venue_url: url.optional(),
    /** The publisher's DOI (arXiv's own DOI is derived from the id). */
    doi: text.regex(/^10\.\d{4,9}\/\S+$/, "is not a DOI (expected 10.NNNN/...)").optional(),
    /** The paper's code repository. */
    code: url.optional(),
    /** The paper's project page. */
    project: url.optional(),
    /** Topic slugs that place the paper, overriding automatic assignment. */
    topics: z.array(text).optional(),
    /**
     * arXiv's Comments for the paper, settling how the dump's last line before the marker is read:
     * that line is the Comments if it says this, else the abstract's; `null` for none.
     */
    comments: text.nullable().optional(),
  })
  .strict();

export type PaperMetadata = z.infer<typeof paperMetadataSchema>;

const FIELDS = paperMetadataSchema.keyof().options;

/**
 * YAML's failsafe schema reads `comments: null` (or `~`, or nothing) as text; for that one field,
 * written unquoted, it means "no Comments".
 */
function withNullComments(value: unknown, node: Node): unknown {
  if (!isMap(node)) return value;
  const field = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "comments");
  if (!field) return value;
  const none =
    field.value === null ||
    (isScalar(field.value) &&
      field.value.type === "PLAIN" &&
      ["null", "~", "Null", "NULL", ""].includes(String(field.value.value)));
  return none ? { ...(value as Record<string, unknown>), comments: null } : value;
}

export interface MetadataEntry {
  metadata: PaperMetadata;
  /** Line of the entry's key in the file. */
  line: number;
  /** Line of each field, for problems found later (an unknown topic). */
  fieldLines: Record<string, number>;
  /** Line of each item of a list field, for problems about one item (an unknown topic slug). */
  itemLines: Record<string, number[]>;
}

/** Reads papers.yaml into entries by canonical arXiv id. */
export function parsePaperMetadata(
  source: string,
  file: string,
): { entries: Map<string, MetadataEntry>; problems: Problem[] } {
  const entries = new Map<string, MetadataEntry>();
  const { yaml, problems } = readYaml(source, file, { rootDuplicates: "caller" });
  if (problems.length) return { entries, problems };
  const root = yaml.doc.contents;
  if (root === null || root === undefined) return { entries, problems };
  if (!isMap(root)) {
    problems.push({
      file,
      line: yaml.lineOf(root),
      message: "expected a mapping from arXiv ids to paper fields (`2206.01958:` then indented fields)",
    });
    return { entries, problems };
  }
  const firstLine = new Map<string, number>();
  for (const pair of root.items) {
    const line = yaml.lineOf(pair);
    const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
    const parsedId = parseArxivId(key);
    if (!parsedId) {
      problems.push({
        file,
        line,
        message: `"${key}" is not an arXiv id (expected e.g. 2206.01958 or hep-th/9711200)`,
      });
      continue;
    }
    if (parsedId.version !== null) {
      problems.push({
        file,
        line,
        message: `"${key}" names a version; key papers by id without version (${parsedId.id})`,
      });
      continue;
    }
    const earlier = firstLine.get(parsedId.id);
    if (earlier !== undefined) {
      problems.push({
        file,
        line,
        message: `arXiv:${parsedId.id} is listed twice, at lines ${earlier} and ${line}; keep one entry, with the fields of both`,
      });
      continue;
    }
    firstLine.set(parsedId.id, line);
    const value: unknown = isNode(pair.value) ? withNullComments(pair.value.toJSON(), pair.value) : null;
    const result = paperMetadataSchema.safeParse(value ?? {});
    if (!result.success) {
      problems.push(
        ...zodProblems(yaml, result.error, [key], FIELDS).map((p) => ({ ...p, message: `${key}: ${p.message}` })),
      );
      continue;
    }
    const fieldLines: Record<string, number> = {};
    const itemLines: Record<string, number[]> = {};
    if (isMap(pair.value)) {
      for (const field of pair.value.items) {
        const name = String((field.key as { value?: unknown }).value);
        fieldLines[name] = yaml.lineOf(field);
        if (isSeq(field.value)) itemLines[name] = field.value.items.map((item) => yaml.lineOf(item as Node));
      }
    }
    entries.set(parsedId.id, { metadata: result.data, line, fieldLines, itemLines });
  }
  return { entries, problems };
}
