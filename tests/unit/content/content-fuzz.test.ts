/**
 * Seeded mutations of the seed's content files: each mutated file is read as the same papers
 * (nothing lost) or yields problems or warnings naming a line of it; never a throw, a hang or a
 * silent loss. Deterministic: the same seed gives the same cases.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkContentFolder } from "../../../src/lib/content/content-folder.ts";
import { findControlCharacter } from "../../../src/lib/content/content-text.ts";
import { parseDumps } from "../../../src/lib/content/dump-parser.ts";
import { parsePaperMetadata } from "../../../src/lib/content/paper-metadata.ts";
import type { Problem } from "../../../src/lib/content/problems.ts";
import { parseSiteSettings } from "../../../src/lib/content/site-settings.ts";
import { parseTopics } from "../../../src/lib/content/topic.ts";

const read = (name: string) => readFileSync(new URL(`../../../content/${name}`, import.meta.url), "utf8");
const seed = {
  dump: read("abstracts.txt"),
  papers: read("papers.yaml"),
  topics: read("topics.yaml"),
  site: read("site.yaml"),
};

/** mulberry32: a small seeded generator, so every run tries the same cases. */
function random(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What owners' editors, copy-paste and typos put into files. */
const INSERTS = [
  " ",
  "\t",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2066",
  "\u0000",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u001b[31m",
  "\u0008",
  "\r",
  "\n",
  "\r\n",
  "0",
  "5",
  "9",
  ".",
  ":",
  ": ",
  "\\",
  '"',
  "'",
  "*a",
  "&a ",
  "#",
  "- ",
  "é",
  "{",
  "}",
  "$",
  "%",
  "[",
  "]",
  "arXiv:",
  "ArXiv:",
  "arxiv ",
  "Comments: ",
  "\\e",
  "\\b",
  "\\log",
  "\ud800",
];

function mutate(text: string, rnd: () => number, yaml = false): string {
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
  // In YAML, "#" comments out the rest of a line: the owner's intent (the build then warns of what is missing).
  const inserts = yaml ? INSERTS.filter((s) => s !== "#") : INSERTS;
  const at = (positions: number[]) => pick(positions.length ? positions : [0]);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const markers = [...text.matchAll(/arXiv:/g)].map((m) => m.index);
  const anywhere = () => Math.floor(rnd() * (text.length + 1));
  switch (pick(["insert", "insert-line-start", "insert-marker", "delete", "duplicate-line", "cr-only", "case"])) {
    case "insert": {
      const i = anywhere();
      return text.slice(0, i) + pick(inserts) + text.slice(i);
    }
    case "insert-line-start": {
      const i = at(lineStarts);
      return text.slice(0, i) + pick(inserts) + text.slice(i);
    }
    case "insert-marker": {
      // Just before or inside a marker, where a lost or changed paper hides.
      const i = at(markers) + Math.floor(rnd() * 18);
      return text.slice(0, i) + pick(inserts) + text.slice(i);
    }
    case "delete": {
      const i = anywhere();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 3));
    }
    case "duplicate-line": {
      const i = at(lineStarts);
      const end = text.indexOf("\n", i);
      const line = text.slice(i, end < 0 ? text.length : end + 1);
      return text.slice(0, i) + line + text.slice(i);
    }
    case "cr-only":
      return text.replace(/\r?\n/g, "\r");
    default: {
      const i = at(markers);
      return text.slice(0, i) + pick(["ArXiv:", "arxiv:", "arXiv: ", "arXiv ", "ARXIV:"]) + text.slice(i + 6);
    }
  }
}

const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** Every problem names a line of the file it is about. */
function expectLocated(problems: Problem[], file: string, text: string) {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount(text) + 1);
  }
}

/** Dumps are cheap to read; YAML files cost more, so fewer of each. */
const CASES = 1500;
const YAML_CASES = 300;

describe("fuzzing the content readers", () => {
  const original = parseDumps([{ file: "abstracts.txt", source: seed.dump }]);
  const metadata = parsePaperMetadata(seed.papers, "papers.yaml");
  const topics = parseTopics(seed.topics, "topics.yaml");

  it(`reads ${CASES} mutated dumps as the same papers, or names a line`, { timeout: 60_000 }, () => {
    const rnd = random(20260612);
    let reported = 0;
    for (let n = 0; n < CASES; n++) {
      const source = mutate(seed.dump, rnd);
      const parsed = parseDumps([{ file: "abstracts.txt", source }]);
      const told = [...parsed.problems, ...parsed.warnings];
      expectLocated(told, "abstracts.txt", source);
      if (told.length) {
        reported++;
        continue;
      }
      // Silent: every paper is there, with no control character left for a feed.
      expect(
        parsed.records.map((r) => r.id),
        JSON.stringify(source),
      ).toEqual(original.records.map((r) => r.id));
      for (const r of parsed.records) expect(findControlCharacter(`${r.abstract}${r.comments ?? ""}`)).toBeNull();
    }
    expect(reported).toBeGreaterThan(CASES / 4);
  });

  it(
    `reads ${YAML_CASES} mutated papers.yaml, topics.yaml and site.yaml as the same entries, or names a line`,
    { timeout: 120_000 },
    () => {
      const rnd = random(7);
      for (let n = 0; n < YAML_CASES; n++) {
        const which = n % 3;
        if (which === 0) {
          const source = mutate(seed.papers, rnd, true);
          const parsed = parsePaperMetadata(source, "papers.yaml");
          expectLocated(parsed.problems, "papers.yaml", source);
          if (parsed.problems.length) continue;
          expect([...parsed.entries.keys()], JSON.stringify(source)).toEqual([...metadata.entries.keys()]);
          for (const [id, entry] of metadata.entries) {
            const now = parsed.entries.get(id)!.metadata;
            expect(Boolean(now.title), JSON.stringify(source)).toBe(Boolean(entry.metadata.title));
            expect(now.authors?.length ?? 0).toBeGreaterThanOrEqual(entry.metadata.authors?.length ? 1 : 0);
            expect(findControlCharacter(JSON.stringify(now).replace(/\\[nrt]/g, ""))).toBeNull();
          }
        } else if (which === 1) {
          const source = mutate(seed.topics, rnd, true);
          const parsed = parseTopics(source, "topics.yaml");
          expectLocated(parsed.problems, "topics.yaml", source);
          if (parsed.problems.length) continue;
          expect(parsed.entries.length, JSON.stringify(source)).toBe(topics.entries.length);
        } else {
          const source = mutate(seed.site, rnd, true);
          const parsed = parseSiteSettings(source, "site.yaml");
          expectLocated(parsed.problems, "site.yaml", source);
          if (parsed.problems.length) continue;
          expect(findControlCharacter(JSON.stringify(parsed.settings))).toBeNull();
        }
      }
    },
  );

  it("checks a few whole mutated folders without a throw", { timeout: 60_000 }, () => {
    const rnd = random(42);
    for (let n = 0; n < 6; n++) {
      const check = checkContentFolder({
        dumps: [{ file: "abstracts.txt", source: mutate(seed.dump, rnd) }],
        metadata: { file: "papers.yaml", source: mutate(seed.papers, rnd, true) },
        topics: { file: "topics.yaml", source: mutate(seed.topics, rnd, true) },
        site: { file: "site.yaml", source: mutate(seed.site, rnd, true) },
      });
      for (const p of check.problems) expect(p.line).toBeGreaterThanOrEqual(0);
    }
  });
});
