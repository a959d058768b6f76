/**
 * The built site read by the real programs its readers use: the W3C Nu HTML checker (`vnu-jar`,
 * on Java), BibTeX with the `plain` style (Debian's texlive), and Python's feedparser (Debian's
 * `python3-feedparser`). `.ci/run` installs them; a missing one fails these tests, never skips them.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vnuJar from "vnu-jar";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { distDir } from "./dist.ts";

const papers = parse(readFileSync("content/papers.yaml", "utf8")) as Record<
  string,
  { title: string; authors: string[]; venue?: string }
>;
const ids = Object.keys(papers);
const preprints = ids.filter((id) => !papers[id]!.venue);

function run(command: string, args: string[], cwd?: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}): .ci/run installs it`);
  return result;
}

describe("the W3C Nu HTML checker", () => {
  it("finds no error, warning or notice in any page of the three test builds", () => {
    // The report is the JSON object on stderr; the JVM may print its own notices before it.
    const result = run("java", [
      "-jar",
      String(vnuJar),
      "--skip-non-html",
      "--format",
      "json",
      distDir,
      "dist-catalogue",
      "dist-hostile",
    ]);
    const { messages } = JSON.parse(result.stderr.slice(result.stderr.indexOf('{"'))) as {
      messages: { type: string; url?: string; message: string; lastLine?: number }[];
    };
    expect(
      messages.map((m) => `${m.url?.replace(/^.*?\/(dist[^/]*\/)/, "$1")}:${m.lastLine}: ${m.type}: ${m.message}`),
    ).toEqual([]);
  });
});

describe("BibTeX with \\bibliographystyle{plain} on /papers.bib", () => {
  const dir = mkdtempSync(join(tmpdir(), "catalogue-bibtex-"));
  copyFileSync(join(distDir, "papers.bib"), join(dir, "papers.bib"));
  writeFileSync(
    join(dir, "cite.tex"),
    "\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{papers}\n\\end{document}\n",
  );
  const latex = () => run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "cite.tex"], dir);
  const first = latex();
  const bibtex = run("bibtex", ["cite"], dir);
  const second = latex();
  const bbl = existsSync(join(dir, "cite.bbl")) ? readFileSync(join(dir, "cite.bbl"), "utf8").replace(/\s+/g, " ") : "";

  it("reads every entry with no warning or error, and LaTeX typesets the list", () => {
    expect(first.status, first.stdout).toBe(0);
    expect(bibtex.stdout).not.toMatch(/Warning--|error message/);
    expect(bibtex.status, bibtex.stdout).toBe(0);
    expect(second.status, second.stdout.slice(-2000)).toBe(0);
    expect(bbl.match(/\\bibitem/g)).toHaveLength(ids.length);
  });

  it.each(preprints)("names arXiv as the source of the preprint %s", (id) => {
    expect(bbl).toContain(`arXiv preprint arXiv:${id}`);
  });

  it("never prints arXiv's DOI or source for a published paper", () => {
    for (const id of ids.filter((id) => papers[id]!.venue)) expect(bbl).not.toContain(`arXiv:${id}`);
  });
});

describe("Python's feedparser", () => {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const read = (path: string) => {
    const script = [
      "import feedparser, json, sys",
      "d = feedparser.parse(sys.argv[1])",
      "print(json.dumps({'bozo': int(bool(d.bozo)), 'link': d.feed.get('link'),",
      "  'entries': [{'title': e.title, 'author': e.get('author'), 'link': e.link} for e in d.entries]}))",
    ].join("\n");
    const result = run(python, ["-c", script, join(distDir, path)]);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as {
      bozo: number;
      link: string;
      entries: { title: string; author: string; link: string }[];
    };
  };

  it("reads each paper's authors, all of them in order, from the catalogue's feed", () => {
    const feed = read("rss.xml");
    expect(feed.bozo).toBe(0);
    expect(feed.link).toBe("http://localhost:4321/");
    expect(feed.entries).toHaveLength(ids.length);
    for (const entry of feed.entries) {
      const id = entry.link.split("/").at(-2)!;
      expect(entry.author, id).toBe(papers[id]!.authors.join(", "));
      expect(entry.title).toBe(papers[id]!.title);
    }
  });

  it("reads a topic's and an author's feed, each linked to its page", () => {
    const topic = read("topics/mixture-of-experts/rss.xml");
    expect(topic.bozo).toBe(0);
    expect(topic.link).toBe("http://localhost:4321/topics/mixture-of-experts/");
    const author = read("authors/jingren-zhou/rss.xml");
    expect(author.link).toBe("http://localhost:4321/authors/jingren-zhou/");
    expect(author.entries).toHaveLength(7);
    for (const entry of author.entries) expect(entry.author).toContain("Jingren Zhou");
  });
});
