import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../../src/lib/content/import-format.ts";

const dir = "tests/fixtures/import";
const formatOf = (path: string) => detectFormat(readFileSync(`${dir}/${path}`, "utf8").slice(0, 8192));

describe("detectFormat", () => {
  it("tells each real fixture's format from its content", () => {
    for (const name of readdirSync(`${dir}/arxiv-api`).filter((n) => n.endsWith(".xml")))
      expect(formatOf(`arxiv-api/${name}`)).toBe("arxiv-atom");
    for (const name of readdirSync(`${dir}/oai`)) expect(formatOf(`oai/${name}`)).toBe("oai-pmh");
    for (const name of readdirSync(`${dir}/bibtex`)) expect(formatOf(`bibtex/${name}`)).toBe("bibtex");
    expect(formatOf("snapshot/sample.jsonl")).toBe("snapshot");
  });

  it("does not go by the name, and says null for anything else", () => {
    expect(detectFormat("\uFEFF\n  @misc{k, title={T}}")).toBe("bibtex");
    expect(detectFormat("Prompt Learning has recently gained\narXiv:2206.01958\n")).toBeNull();
    expect(detectFormat("<html><body></body></html>")).toBeNull();
  });
});
