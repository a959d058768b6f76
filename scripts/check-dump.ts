/**
 * Checks dumps without building the site.
 *
 *   npm run check-dump -- <file>... [--json]
 *
 * Prints how many papers each run found and each one's id and comments; with --json, the parsed
 * records as a JSON array. On bad input prints every problem as `file:line: message`, exits 1.
 */
import { readFileSync } from "node:fs";
import { parseDumps } from "../src/lib/dump-parser.ts";
import { formatProblem } from "../src/lib/problems.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
// A file named twice is read once: its records are not duplicates of themselves.
const files = [...new Set(args.filter((arg) => arg !== "--json"))];
if (files.length === 0 || args.some((arg) => arg.startsWith("-") && arg !== "--json")) {
  console.error("usage: npm run check-dump -- <file>... [--json]");
  process.exit(2);
}

const dumps = [];
for (const file of files) {
  try {
    dumps.push({ file, source: readFileSync(file, "utf8") });
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    process.exit(1);
  }
}

const { records, problems } = parseDumps(dumps);
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
    console.log(`  ${id.padEnd(width)}  ${r.comments ?? "(no comments)"}`);
  }
}
