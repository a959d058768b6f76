import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { paperSchema } from "../../src/lib/paper.ts";
import { papersLoader, siteLoader } from "../../src/loaders/catalogue.ts";

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
