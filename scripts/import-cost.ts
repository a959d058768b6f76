/**
 * What importing the arXiv metadata snapshot costs: `writeSyntheticSnapshot` writes a
 * deterministic snapshot file (JSON lines shaped like arXiv's: id, submitter, authors, title,
 * comments, journal-ref, doi, categories, abstract of wrapped lines, versions, update_date,
 * authors_parsed), and `measureSnapshotImport` runs `npm run import` on it into an empty content
 * folder as a child process, timing it and reading its peak resident memory. `npm run bench`
 * can import both; `npx tsx scripts/import-cost.ts [lines]` prints the figures.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { random } from "./synthetic-catalogue.ts";

const WORDS =
  "model training language learning data task method results network performance show propose approach neural large representation attention transformer pretraining multimodal retrieval sparse expert prompt benchmark dataset evaluation generation inference efficient scale parameter".split(
    " ",
  );
const CATEGORIES = [
  "cs.CL",
  "cs.LG",
  "cs.CV",
  "cs.AI",
  "stat.ML",
  "cs.IR",
  "math.OC",
  "hep-th",
  "quant-ph",
  "astro-ph.GA",
];
const FAMILY = ["Yang", "Lin", "Zhou", "Müller", "Bal\\'azs", "García", "Smith", "Nguyen", "Kowalski", "O'Brien"];
const GIVEN = ["An", "Junyang", "Chang", "Jörg", "C.", "María", "John", "Linh", "Łukasz", "Siobhán"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One snapshot line for paper `n`; ids run over months from 2015 on, five digits after the dot. */
export function syntheticSnapshotLine(n: number, rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const month = n % 120;
  const year = 2015 + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  const id = `${String(year - 2000).padStart(2, "0")}${String(mm).padStart(2, "0")}.${String(10000 + Math.floor(n / 120)).padStart(5, "0")}`;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(" ");
  const authorsParsed = Array.from({ length: 2 + Math.floor(rand() * 8) }, () => [pick(FAMILY), pick(GIVEN), ""]);
  const abstractWords = words(150 + Math.floor(rand() * 100)).split(" ");
  const lines: string[] = [];
  for (let i = 0; i < abstractWords.length; i += 12) lines.push(abstractWords.slice(i, i + 12).join(" "));
  const day = 1 + Math.floor(rand() * 28);
  const versions = [{ version: "v1", created: `${pick(DAYS)}, ${day} ${MONTHS[mm - 1]} ${year} 10:00:00 GMT` }];
  if (rand() < 0.4)
    versions.push({ version: "v2", created: `${pick(DAYS)}, ${day} ${MONTHS[mm - 1]} ${year + 1} 10:00:00 GMT` });
  const categories = [pick(CATEGORIES), pick(CATEGORIES)].filter((c, i, all) => all.indexOf(c) === i);
  return JSON.stringify({
    id,
    submitter: `${authorsParsed[0]![1]} ${authorsParsed[0]![0]}`,
    authors: authorsParsed.map(([family, given]) => `${given} ${family}`).join(", "),
    title: `${words(4)}\n  ${words(4)} with $k$ ${pick(WORDS)}`,
    comments: rand() < 0.7 ? `${1 + Math.floor(rand() * 30)} pages, ${Math.floor(rand() * 12)} figures` : null,
    "journal-ref":
      rand() < 0.2 ? `J. ${pick(WORDS)} ${Math.floor(rand() * 90)} (${year}) ${Math.floor(rand() * 900)}` : null,
    doi: rand() < 0.2 ? `10.1000/${id}` : null,
    "report-no": null,
    categories: categories.join(" "),
    license: "http://creativecommons.org/licenses/by/4.0/",
    abstract: `  ${lines.join("\n")}\n`,
    versions,
    update_date: `${year + 1}-01-01`,
    authors_parsed: authorsParsed,
  });
}

/** Writes a snapshot file of `lines` papers; the same count always writes the same bytes. */
export async function writeSyntheticSnapshot(path: string, lines: number): Promise<void> {
  const rand = random(13);
  const out = createWriteStream(path);
  for (let n = 0; n < lines; n++) {
    if (!out.write(`${syntheticSnapshotLine(n, rand)}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export interface ImportCost {
  lines: number;
  snapshotMB: number;
  seconds: number;
  peakMemoryMB: number;
  papersAdded: number;
}

/** Imports a snapshot of `lines` papers into an empty content folder, as a child process, and measures it. */
export async function measureSnapshotImport(lines = 100_000): Promise<ImportCost> {
  const dir = mkdtempSync(join(tmpdir(), "catalogue-import-bench-"));
  try {
    const snapshot = join(dir, "arxiv-metadata-snapshot.json");
    await writeSyntheticSnapshot(snapshot, lines);
    const content = join(dir, "content");
    mkdirSync(content);
    const memoryFile = join(dir, "peak.rss");
    let stdout = "";
    const start = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        ["-r", "./scripts/peak-memory.cjs", "--import", "tsx", "scripts/import.ts", snapshot],
        {
          stdio: ["ignore", "pipe", "inherit"],
          env: { ...process.env, CATALOGUE_CONTENT: content, PEAK_MEMORY_FILE: memoryFile },
        },
      );
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.on("exit", resolve);
    });
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`importing the synthetic snapshot failed (exit ${code})`);
    const added = /: (\d+) added,/.exec(stdout);
    return {
      lines,
      snapshotMB: statSync(snapshot).size / 1024 / 1024,
      seconds,
      peakMemoryMB: Number(readFileSync(memoryFile, "utf8")) / 1024,
      papersAdded: added ? Number(added[1]) : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = Number(process.argv[2] ?? 100_000);
  const cost = await measureSnapshotImport(lines);
  console.log(
    `import of a ${cost.lines.toLocaleString("en")}-line snapshot (${cost.snapshotMB.toFixed(0)} MB, ${cost.papersAdded.toLocaleString("en")} papers added): ${cost.seconds.toFixed(1)} s, peak memory ${cost.peakMemoryMB.toFixed(0)} MB`,
  );
}
