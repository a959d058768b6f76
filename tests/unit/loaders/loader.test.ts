import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { paperSchema } from "../../../src/lib/content/paper.ts";
import { catalogueOf, papersLoader, siteLoader, topicsLoader } from "../../../src/loaders/catalogue-loaders.ts";
import { storedTopicSchema } from "../../../src/lib/content/topic.ts";

/** The parts of Astro's loader context the loaders use, recording what they do. */
function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; filePath?: string }>();
  const logs: string[] = [];
  const context = {
    collection: "papers",
    store: {
      clear: () => entries.clear(),
      set: (entry: { id: string; data: Record<string, unknown>; filePath?: string }) => (
        entries.set(entry.id, entry),
        true
      ),
    },
    logger: {
      info: (m: string) => logs.push(`info: ${m}`),
      warn: (m: string) => logs.push(`warn: ${m}`),
      error: (m: string) => logs.push(`error: ${m}`),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => paperSchema.parse(data),
  };
  return { context: context as unknown as LoaderContext, entries, logs };
}

describe("papersLoader", () => {
  it("stores every seed paper under its slug, validated by the collection schema", async () => {
    const { context, entries, logs } = fakeContext();
    await papersLoader({ directory: "content" }).load(context);
    expect([...entries.keys()]).toHaveLength(10);
    expect(entries.get("2105.15082")).toMatchObject({
      filePath: "content/abstracts.txt",
      data: { id: "2105.15082", title: { text: "M6-T: Exploring Sparse Expert Models and Beyond" } },
    });
    expect(logs).toEqual(["info: 10 papers from content/abstracts.txt"]);
  });

  it("stops with every problem as file:line: message", async () => {
    const { context } = fakeContext();
    await expect(papersLoader({ directory: "tests/fixtures/bad/duplicate-id" }).load(context)).rejects.toThrow(
      "The catalogue's content has 1 problem:\ntests/fixtures/bad/duplicate-id/abstracts.txt:4: arXiv:2206.01958 appears twice: first at line 2, again here. Keep one record per paper",
    );
  });

  it("stops with the problems alone: no stack trace for Astro to print under them", async () => {
    const { context } = fakeContext();
    const error = await papersLoader({ directory: "tests/fixtures/bad/not-utf8" })
      .load(context)
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({
      name: "CatalogueError",
      stack: "",
      message:
        "The catalogue's content has 1 problem:\ntests/fixtures/bad/not-utf8/abstracts.txt:3: is not valid UTF-8 on this line (a byte that no UTF-8 character starts with, as in Latin-1 or Windows-1252 text); save the file as UTF-8",
    });
  });

  it("warns about papers without a title and still stores them", async () => {
    const { context, entries, logs } = fakeContext();
    await papersLoader({ directory: "tests/fixtures/dumps-only" }).load(context);
    expect(entries.get("2206.01958")?.data).toMatchObject({
      untitled: true,
      title: { text: "Untitled paper (arXiv:2206.01958)" },
    });
    expect(logs[0]).toBe(
      "warn: 2 papers have no title in papers.yaml (there is none) and are published under a placeholder: 2206.01958, 2202.03052",
    );
  });

  it("refuses a content folder that does not exist, saying how to fix it", () => {
    expect(() => papersLoader({ directory: "no/such/folder" })).toThrow(
      'The content folder "no/such/folder" does not exist.',
    );
  });
});

describe("papersLoader and topics", () => {
  it("stores each paper with its topics and its authors' slugs", async () => {
    const { context, entries } = fakeContext();
    await papersLoader({ directory: "content" }).load(context);
    expect(entries.get("1806.03653")?.data).toMatchObject({
      topics: ["discourse-parsing", "datasets-and-benchmarks"],
      authors: [
        { name: "An Yang", slug: "an-yang" },
        { name: "Sujian Li", slug: "sujian-li" },
      ],
    });
  });

  it("stops on an unknown topic slug in papers.yaml, naming its line", async () => {
    const { context } = fakeContext();
    await expect(papersLoader({ directory: "tests/fixtures/bad/unknown-topic" }).load(context)).rejects.toThrow(
      'tests/fixtures/bad/unknown-topic/papers.yaml:5: 2206.01958: topics: "promt-tuning" is not a topic',
    );
  });
});

describe("topicsLoader", () => {
  it("stores every topic of topics.yaml under its slug, in the file's order", async () => {
    const { context, entries } = fakeContext();
    (context as unknown as { parseData: unknown }).parseData = async ({ data }: { data: unknown }) =>
      storedTopicSchema.parse(data);
    await topicsLoader({ directory: "content" }).load(context);
    expect([...entries.keys()].slice(0, 3)).toEqual([
      "multimodal-pretraining",
      "cross-modal-retrieval",
      "large-scale-training",
    ]);
    expect(entries.get("discourse-parsing")).toMatchObject({
      filePath: "content/topics.yaml",
      data: { name: "Discourse parsing" },
    });
    expect([...entries.values()].map((entry) => entry.data.position)).toEqual([...entries.keys()].map((_, i) => i));
  });

  it("stores no topic when there is no topics.yaml", async () => {
    const { context, entries } = fakeContext();
    await topicsLoader({ directory: "tests/fixtures/dumps-only" }).load(context);
    expect(entries.size).toBe(0);
  });

  it("stops on a problem in topics.yaml, naming its line", async () => {
    const { context } = fakeContext();
    await expect(topicsLoader({ directory: "tests/fixtures/bad/duplicate-topic" }).load(context)).rejects.toThrow(
      'tests/fixtures/bad/duplicate-topic/topics.yaml:5: a second topic with slug "discourse" (first at line 1); give each topic its own slug',
    );
  });
});

describe("the papers and topics loaders together", () => {
  it("read topics.yaml once for both, and again when a file of the folder has changed", async () => {
    const directory = mkdtempSync(join(tmpdir(), "loaders-"));
    try {
      for (const name of ["abstracts.txt", "papers.yaml", "topics.yaml"]) {
        copyFileSync(join("content", name), join(directory, name));
      }
      const forPapers = catalogueOf(directory, "papers");
      expect(catalogueOf(directory, "topics")).toBe(forPapers);
      // Both have read it: the next reading (astro dev reloading) reads the files again.
      expect(catalogueOf(directory, "topics")).not.toBe(forPapers);

      const { context: papers } = fakeContext();
      const { context: topics, entries } = fakeContext();
      (topics as unknown as { parseData: unknown }).parseData = async ({ data }: { data: unknown }) =>
        storedTopicSchema.parse(data);
      await papersLoader({ directory }).load(papers);
      await topicsLoader({ directory }).load(topics);
      expect(entries.size).toBe(forPapers.catalogue.topics.length);

      const before = catalogueOf(directory, "papers");
      const yaml = readFileSync(join(directory, "topics.yaml"), "utf8");
      writeFileSync(join(directory, "topics.yaml"), yaml.replace("name: Discourse parsing", "name: Discourse"));
      const changed = catalogueOf(directory, "topics");
      expect(changed).not.toBe(before);
      expect(changed.catalogue.topics.find((topic) => topic.slug === "discourse-parsing")?.name).toBe("Discourse");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("siteLoader", () => {
  it("stores the settings with defaults for what site.yaml leaves out", async () => {
    const { context, entries } = fakeContext();
    (context as unknown as { parseData: unknown }).parseData = async ({ data }: { data: unknown }) => data;
    await siteLoader({ directory: "tests/fixtures/dumps-only" }).load(context);
    expect(entries.get("settings")?.data).toEqual({
      title: "Research Catalogue",
      description: "A catalogue of research papers from arXiv.",
    });
  });
});
