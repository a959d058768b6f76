/**
 * Checks content without building the site.
 *
 *   npm run check-dump -- content          a content folder: every dump, papers.yaml, topics.yaml
 *                                          and site.yaml, as the build reads them
 *   npm run check-dump -- <file>... [--json]  dumps alone
 *
 * Prints how many papers it found and each one's id and comments; with --json, the parsed
 * records as a JSON array. Prints every problem as `file:line: message` and exits 1 on any;
 * warnings print as `warning: file:line: ...` and do not fail the check.
 */
import { statSync } from "node:fs";
import { checkContentFolder, readContentFile, readContentFolder } from "../src/lib/content/content-folder.ts";
import { parseDumps } from "../src/lib/content/dump-parser.ts";
import { formatProblem, type Problem } from "../src/lib/content/problems.ts";
import { escapeForTerminal } from "../src/lib/content/content-text.ts";

// `check-dump | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
const json = args.includes("--json");
// A file named twice is read once: its records are not duplicates of themselves.
const paths = [...new Set(args.filter((arg) => arg !== "--json"))];
if (paths.length === 0 || args.some((arg) => arg.startsWith("-") && arg !== "--json")) {
  console.error("usage: npm run check-dump -- <content folder | dump file>... [--json]");
  process.exit(2);
}

const problems: Problem[] = [];
const warnings: string[] = [];
/** What each paper's row shows: for a folder, with papers.yaml's say on its comments. */
const records: { id: string; version: number | null; abstract: string; comments: string | null; line: number }[] = [];
const files: string[] = [];
const dumps = [];
for (const path of paths) {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    console.error(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    process.exit(1);
  }
  if (isFolder) {
    const folder = readContentFolder(path);
    const check = checkContentFolder(folder);
    problems.push(...check.problems);
    warnings.push(...check.warnings);
    records.push(
      ...check.catalogue.papers.map((paper) => ({
        id: paper.id,
        version: paper.version,
        abstract: paper.abstract.raw,
        comments: paper.comments,
        line: paper.source.line,
      })),
    );
    files.push(...folder.dumps.map((d) => d.file));
  } else {
    const dump = readContentFile(path, problems);
    if (dump) dumps.push(dump);
    files.push(path);
  }
}
if (dumps.length) {
  const parsed = parseDumps(dumps);
  problems.push(...parsed.problems);
  warnings.push(...parsed.warnings.map(formatProblem));
  records.push(...parsed.records);
}

for (const warning of warnings) console.error(`warning: ${warning}`);
if (problems.length) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} found`);
  process.exit(1);
}
if (json) {
  const out = records.map(({ id, version, abstract, comments, line }) => ({ id, version, abstract, comments, line }));
  console.log(JSON.stringify(out, null, 2));
} else {
  console.log(`${records.length} paper${records.length === 1 ? "" : "s"} in ${files.join(", ")}`);
  const width = Math.max(0, ...records.map((r) => r.id.length + (r.version ? String(r.version).length + 1 : 0)));
  for (const r of records) {
    const id = r.version ? `${r.id}v${r.version}` : r.id;
    console.log(escapeForTerminal(`  ${id.padEnd(width)}  ${r.comments ?? "(no comments)"}`));
  }
}
