/**
 * Imports papers into the content folder from arXiv's formats and BibTeX.
 *
 *   npm run import -- FILE... [--category cs.CL] [--from 2020] [--ids FILE] [--overwrite] [--keep-going]
 *   npm run import -- --arxiv 2206.01958 1806.03653 ...
 *   npm run import -- --missing
 *   (with --save-answers DIR, arXiv's answers are also saved there as they came)
 *
 * Each FILE is read by its content: an arXiv API answer, an OAI-PMH answer, the metadata
 * snapshot (JSON lines, streamed; --category, --from and --ids choose what to take) or BibTeX.
 * New papers get a dump record in the folder's `imported.txt` and an entry in papers.yaml;
 * papers the folder has get the fields they lack. Prints what each file added, filled, kept and
 * skipped, and each conflict. Bad input is `file:line: message` and nothing is written, unless
 * --keep-going is given (then the rest is imported and the command still exits 1).
 * The content folder is `CATALOGUE_CONTENT` (default `content`); arXiv's API is at
 * `CATALOGUE_ARXIV_API_URL` (default https://export.arxiv.org/api/query), asked once every
 * `CATALOGUE_ARXIV_API_DELAY_MS` (default 3000, arXiv's terms).
 */
import {
  closeSync,
  mkdirSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  writeFileSync,
  appendFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { parseArxivId } from "../src/lib/content/arxiv-id.ts";
import { parseDumps } from "../src/lib/content/dump-parser.ts";
import { parsePaperMetadata } from "../src/lib/content/paper-metadata.ts";
import { formatProblem, type Problem } from "../src/lib/content/problems.ts";
import {
  ArxivApiError,
  ARXIV_API_DELAY_MS,
  ARXIV_API_URL,
  queryArxivIds,
} from "../src/lib/content/arxiv-api-client.ts";
import { parseArxivAtom } from "../src/lib/content/import-arxiv-atom.ts";
import { parseBibtexImport } from "../src/lib/content/import-bibtex.ts";
import { detectFormat, FORMAT_NAMES } from "../src/lib/content/import-format.ts";
import { ContentMerge, describeSummary, type DumpedPaper } from "../src/lib/content/import-merge.ts";
import { parseOai } from "../src/lib/content/import-oai.ts";
import { readSnapshot, type SnapshotFilter } from "../src/lib/content/import-snapshot.ts";

const USAGE =
  "usage: npm run import -- FILE... [--category CAT]... [--from YYYY[-MM[-DD]]] [--ids FILE] [--overwrite] [--keep-going]\n" +
  "       npm run import -- --arxiv ID... | --missing [--save-answers DIR]   (asks arXiv's API)";

interface Args {
  files: string[];
  arxiv: string[];
  missing: boolean;
  overwrite: boolean;
  keepGoing: boolean;
  saveAnswers: string | null;
  filter: SnapshotFilter;
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    files: [],
    arxiv: [],
    missing: false,
    overwrite: false,
    keepGoing: false,
    saveAnswers: null,
    filter: {},
  };
  let collectingIds = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`);
    if (arg.startsWith("--")) collectingIds = false;
    if (arg === "--arxiv") collectingIds = true;
    else if (arg === "--missing") args.missing = true;
    else if (arg === "--overwrite") args.overwrite = true;
    else if (arg === "--keep-going") args.keepGoing = true;
    else if (arg === "--save-answers") args.saveAnswers = value();
    else if (arg === "--category") (args.filter.categories ??= []).push(...value().split(","));
    else if (arg === "--from") {
      const from = value();
      if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(from)) fail(`--from ${from}: expected a year, YYYY-MM or YYYY-MM-DD`);
      args.filter.from = from;
    } else if (arg === "--ids") {
      const file = value();
      args.filter.ids = readIdList(file);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}\n${USAGE}`);
    else if (collectingIds) {
      const parsed = parseArxivId(arg);
      if (!parsed) fail(`--arxiv ${arg}: not an arXiv id (expected e.g. 2206.01958 or hep-th/9711200)`);
      args.arxiv.push(parsed.id);
    } else args.files.push(arg);
  }
  if (!args.files.length && !args.arxiv.length && !args.missing) fail(USAGE);
  return args;
}

function readIdList(file: string): Set<string> {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((line, index) => {
      const text = line.replace(/#.*/, "").trim();
      if (!text) return;
      const parsed = parseArxivId(text);
      if (parsed) ids.add(parsed.id);
      else problems.push({ file, line: index + 1, message: `"${text}" is not an arXiv id` });
    });
  if (problems.length) fail(problems.map(formatProblem).join("\n"), 1);
  return ids;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    return fail(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
  }
}

function readHead(file: string): string {
  const buffer = Buffer.alloc(8192);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    return fail(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
  }
  const bytes = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, bytes).toString("utf8");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const content = process.env.CATALOGUE_CONTENT || "content";
  if (!existsSync(content)) fail(`${content}: no such content folder (set CATALOGUE_CONTENT or create it)`, 1);
  const dumpNames = readdirSync(content)
    .filter((name) => name.endsWith(".txt"))
    .sort();
  const dumps = parseDumps(
    dumpNames.map((name) => ({ file: join(content, name), source: readText(join(content, name)) })),
  );
  const papersFile = join(content, "papers.yaml");
  const papersSource = existsSync(papersFile) ? readText(papersFile) : null;
  const meta = papersSource === null ? null : parsePaperMetadata(papersSource, papersFile);
  const folderProblems = [...dumps.problems, ...(meta?.problems ?? [])];
  if (folderProblems.length) {
    fail(
      `${folderProblems.map(formatProblem).join("\n")}\nthe content folder has problems; fix them before importing into it`,
      1,
    );
  }
  const dumped = new Map<string, DumpedPaper>(
    dumps.records.map((record) => [
      record.id,
      { file: record.file, line: record.markerLine, comments: record.comments },
    ]),
  );
  const dumpFile = join(content, "imported.txt");
  // New records wait in a file beside the dump, so that a large import holds no abstracts and bad input writes nothing.
  const pending = `${dumpFile}.pending`;
  rmSync(pending, { force: true });
  let records = 0;
  let buffered = "";
  const flushRecords = () => {
    if (buffered) appendFileSync(pending, buffered);
    buffered = "";
  };
  const merge = new ContentMerge({
    papersYaml: { file: papersFile, source: papersSource },
    dumped,
    dumpFile,
    overwrite: args.overwrite,
    writeRecord: (text) => {
      buffered += text;
      records++;
      if (buffered.length > 1 << 20) flushRecords();
    },
  });
  const problems: Problem[] = [];

  for (const file of args.files) {
    const format = detectFormat(readHead(file));
    if (!format) {
      problems.push({
        file,
        line: 1,
        message:
          "not a format the import reads: expected an arXiv API answer (Atom), an OAI-PMH answer, the arXiv metadata snapshot (JSON lines) or BibTeX",
      });
      if (!args.keepGoing) break;
      continue;
    }
    merge.summary(file);
    if (format === "snapshot") {
      const reading = await readSnapshot(file, file, args.filter, (paper) => merge.add(paper), args.keepGoing);
      problems.push(...reading.problems);
      if (reading.filteredOut)
        console.log(
          `${file}: ${reading.taken} of ${reading.taken + reading.filteredOut} papers taken by --category/--from/--ids`,
        );
    } else {
      const source = readText(file);
      const read =
        format === "arxiv-atom"
          ? { ...parseArxivAtom(source, file), skipped: [] as Problem[] }
          : format === "oai-pmh"
            ? parseOai(source, file)
            : parseBibtexImport(source, file);
      problems.push(...read.problems);
      if (read.problems.length && !args.keepGoing) break;
      read.skipped.forEach((skipped) => merge.skip(skipped));
      read.papers.forEach((paper) => merge.add(paper));
      if (format === "oai-pmh" && "resumptionToken" in read && read.resumptionToken) {
        console.log(
          `${file}: ${FORMAT_NAMES[format]}, one page of a harvest; the next page is resumptionToken=${read.resumptionToken}`,
        );
      }
    }
    if (problems.length && !args.keepGoing) break;
  }

  const ids = [...args.arxiv];
  if (args.missing) {
    const titled = new Set(
      [...(meta?.entries ?? new Map()).entries()].filter(([, e]) => e.metadata.title).map(([id]) => id),
    );
    ids.push(...dumps.records.map((record) => record.id).filter((id) => !titled.has(id) && !ids.includes(id)));
    if (!ids.length) console.log("--missing: every paper of the dumps has a title; nothing to ask arXiv");
  }
  if (ids.length && (!problems.length || args.keepGoing)) {
    const baseUrl = process.env.CATALOGUE_ARXIV_API_URL || ARXIV_API_URL;
    const delayMs = process.env.CATALOGUE_ARXIV_API_DELAY_MS
      ? Number(process.env.CATALOGUE_ARXIV_API_DELAY_MS)
      : ARXIV_API_DELAY_MS;
    try {
      for await (const answer of queryArxivIds(ids, { baseUrl, delayMs })) {
        const label = `arXiv API (${answer.ids.length === 1 ? answer.ids[0] : `${answer.ids[0]} … ${answer.ids.at(-1)}`})`;
        merge.summary(label);
        if (args.saveAnswers) {
          mkdirSync(args.saveAnswers, { recursive: true });
          const saved = join(args.saveAnswers, `arxiv-${answer.ids[0]!.replace("/", "-")}-${answer.ids.length}.xml`);
          writeFileSync(saved, answer.body);
          console.log(`${label}: saved to ${saved}`);
        }
        const feed = parseArxivAtom(answer.body, label);
        problems.push(...feed.problems);
        const found = new Set(feed.papers.map((paper) => paper.id));
        for (const id of answer.ids) {
          if (!found.has(id))
            merge.skip({ file: label, line: 0, message: `arXiv:${id}: arXiv's API has no such paper` });
        }
        feed.papers.forEach((paper) => merge.add(paper));
      }
    } catch (error) {
      if (!(error instanceof ArxivApiError)) throw error;
      problems.push({ file: "arXiv API", line: 0, message: error.message });
    }
  }

  for (const [file, summary] of merge.summaries) for (const line of describeSummary(file, summary)) console.log(line);
  const stop = problems.length > 0 && !args.keepGoing;
  if (problems.length) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(
      stop
        ? `${problems.length} problem${problems.length === 1 ? "" : "s"}: nothing was written. Fix the input, or pass --keep-going to import the rest`
        : `${problems.length} problem${problems.length === 1 ? "" : "s"}; the rest was imported (--keep-going)`,
    );
  }
  flushRecords();
  if (!stop) write(merge, records, pending, papersFile, dumpFile);
  rmSync(pending, { force: true });
  process.exit(problems.length ? 1 : 0);
}

function write(merge: ContentMerge, records: number, pending: string, papersFile: string, dumpFile: string): void {
  const yaml = merge.papersYamlText();
  if (records) {
    if (existsSync(dumpFile) && !endsWithNewline(dumpFile)) appendFileSync(dumpFile, "\n");
    const from = openSync(pending, "r");
    const chunk = Buffer.alloc(1 << 20);
    for (let bytes = readSync(from, chunk); bytes > 0; bytes = readSync(from, chunk))
      appendFileSync(dumpFile, chunk.subarray(0, bytes));
    closeSync(from);
  }
  if (yaml !== null) writeFileSync(papersFile, yaml);
  const changed = [
    records ? `${records} record${records === 1 ? "" : "s"} to ${dumpFile}` : "",
    yaml !== null ? papersFile : "",
  ].filter(Boolean);
  console.log(changed.length ? `wrote ${changed.join(" and ")}` : "nothing to change");
}

function endsWithNewline(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  const fd = openSync(file, "r");
  readSync(fd, last, 0, 1, size - 1);
  closeSync(fd);
  return last[0] === 0x0a;
}

await main();
